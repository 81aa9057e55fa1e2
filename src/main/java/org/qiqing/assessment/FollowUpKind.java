package org.qiqing.assessment;

/**
 * What followed from a result (考核运用). Stored as text: the accountability register, which
 * comes later, adds its own kinds (a decision of 问责) beside these.
 */
public enum FollowUpKind {

	/** 书面通报: a written criticism. */
	WRITTEN_CRITICISM,
	/** 约谈: an interview of the unit's head. */
	INTERVIEW,
	/** A note. */
	NOTE

}
