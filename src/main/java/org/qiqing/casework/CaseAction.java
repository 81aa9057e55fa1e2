package org.qiqing.casework;

import java.util.Locale;

/**
 * The verbs of the engine. Which of them a kind of case allows, in which state and by
 * whom, is its workflow's business.
 */
public enum CaseAction {

	SUBMIT, ACCEPT, DECLINE, WITHDRAW, ASSIGN, DISPUTE, REASSIGN, REJECT_DISPUTE, CONTACT, STAGE_REPLY,
	REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION, REQUEST_SUSPENSION, APPROVE_SUSPENSION, REFUSE_SUSPENSION,
	RESUME, RESOLVE, RATE, REOPEN, URGE, ORDER, REPLY_ORDER, ESCALATE, VERIFY, SEND_BACK, CONFIRM,
	/** 回访: the service centre records the enterprise's rating on its behalf. */
	RETURN_VISIT,
	/** 未评价: nobody rated a resolved case in time; the platform closes it unrated. */
	CLOSE_UNRATED,
	/** 差评复核: a supervisor judges a bad rating after review; the rating stays. */
	REVIEW_RATING,
	/**
	 * 书面通报: a supervisor criticises the handling unit in writing for how it handles the
	 * case; the case stays where it is.
	 */
	CRITICISE;

	/** The action's name in URLs: {@code request-extension}. */
	/**
	 * Whether a case in a state where this step may be taken waits on its party, and so
	 * stands in his queue. A return visit and the review of a rating are taken on the
	 * service centre's or a supervisor's own initiative: every resolved case would
	 * otherwise fill the dispatcher's queue while it waits for the enterprise's rating.
	 */
	public boolean waitsOnItsParty() {
		return this != RETURN_VISIT && this != REVIEW_RATING;
	}

	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static CaseAction fromSlug(String slug) {
		return valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
