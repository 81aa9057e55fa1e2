package org.qiqing.casework;

/**
 * What a notice of a case is about, for the people who choose what reaches them where.
 */
public enum NoticeTopic {

	/** 催办: a limit draws near, a contact or a stage reply is due, a supervisor urges. */
	URGING,
	/** 督办单: a supervision order to the handling unit. */
	SUPERVISION_ORDER,
	/** 催办通知书: the formal notice a working day after the limit. */
	OVERDUE_NOTICE,
	/** 书面通报: the case is listed for written criticism. */
	CRITICISM,
	/** 提级: the case is raised to the superior unit. */
	ESCALATION,
	/** The limit for accepting a case has passed. */
	DEADLINE,
	/** The enterprise is invited to rate a resolved case. */
	RATING_INVITE,
	/** 新交办: a case is assigned, or handed on, to the unit. */
	ASSIGNED,
	/** 已办结: the answer is there, for the enterprise or the leader who assigned it. */
	RESOLVED

}
