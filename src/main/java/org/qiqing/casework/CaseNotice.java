package org.qiqing.casework;

import java.util.List;

/**
 * Published, in the transaction of what caused it, when people must be told something
 * about a case: an urging, a supervision order, an overdue notice. The notification
 * module delivers it to each person once per key.
 *
 * @param key the event it tells of, stable across retries: {@code case:42:yellow:2}
 * @param caseId the case, for the inbox to keep one entry per case and topic
 * @param topic what it is about, for people to choose what reaches them where
 * @param link the path of the case in the application
 */
public record CaseNotice(String key, long caseId, NoticeTopic topic, String subject, String body, String link,
		List<Long> personIds) {

	public CaseNotice {
		personIds = List.copyOf(personIds);
	}

}
