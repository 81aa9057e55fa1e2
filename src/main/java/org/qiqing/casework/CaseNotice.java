package org.qiqing.casework;

import java.util.List;

import org.qiqing.platform.Text;

/**
 * Published, in the transaction of what caused it, when people must be told something
 * about a case: an urging, a supervision order, an overdue notice. The notification
 * module delivers it to each person once per key.
 *
 * @param key the event it tells of, stable across retries: {@code case:42:yellow:2}
 * @param caseId the case, for the inbox to keep one entry per case and topic
 * @param topic what it is about, for people to choose what reaches them where
 * @param subject the subject, put into words in each reader's language
 * @param body the text, likewise; a person's own words (a supervisor's note) are
 * {@link #words(String)}, shown as written
 * @param link the path of the case in the application
 */
public record CaseNotice(String key, long caseId, NoticeTopic topic, Text subject, Text body, String link,
		List<Long> personIds) {

	public CaseNotice {
		personIds = List.copyOf(personIds);
	}

	/** A person's own words as a notice's body: the same in every language. */
	public static Text words(String words) {
		return Text.of("notice.words", words == null ? "" : words);
	}

}
