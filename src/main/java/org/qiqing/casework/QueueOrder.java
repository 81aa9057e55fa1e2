package org.qiqing.casework;

/** The orders of a person's queue. */
public enum QueueOrder {

	/** the nearest time limit first, then the most recently moved (the default) */
	URGENCY(" order by c.limit_at nulls last, c.updated_at desc, c.id desc"),
	/** the most recently moved first: what just arrived on top */
	NEWEST(" order by c.updated_at desc, c.id desc");

	final String orderBy;

	QueueOrder(String orderBy) {
		this.orderBy = orderBy;
	}

}
