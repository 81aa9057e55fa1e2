package org.qiqing.casework;

/**
 * What a timer of a case does when it fires, if the case still needs it then.
 */
enum TimerKind {

	/** the case turns yellow: urge the people who must act (催办) */
	YELLOW,
	/** the limit passes: a supervision order to the handling unit (督办单) */
	RED,
	/** overdue since the previous working day: a formal urging notice (催办通知书) */
	OVERDUE_NOTICE,
	/** still overdue: listed for written criticism in the supervisors' bulletin (书面通报) */
	CRITICISM,
	/** still overdue: raised to the superior unit (提级) */
	ESCALATE,
	/** the unit has not contacted the enterprise in time */
	CONTACT,
	/** no stage reply for the category's interval */
	STAGE_REPLY,
	/** a dispute waits for the dispatcher */
	SETTLE_DISPUTE,
	/** resolved but not rated: invite the enterprise to rate */
	RATING_INVITE,
	/** resolved and still not rated: the platform closes it unrated (未评价) */
	CLOSE_UNRATED

}
