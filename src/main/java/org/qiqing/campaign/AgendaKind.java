package org.qiqing.campaign;

/** What an item of a meeting's agenda is about. */
public enum AgendaKind {

	/** a unit behind on a campaign's checklist (its id the unit's) */
	LAGGING_UNIT,
	/** an overdue rectification item (its id the case's) */
	OVERDUE_ITEM

}
