package org.qiqing.casework;

/** The orders of the list of all cases. */
public enum CaseSort {

	/** most recently moved first (the default) */
	UPDATED("c.updated_at desc, c.id desc"),
	/** most recently filed first */
	FILED("c.created_at desc, c.id desc"),
	/** the nearest time limit first, cases without a running limit last */
	URGENCY("c.limit_at nulls last, c.updated_at desc, c.id desc");

	final String orderBy;

	CaseSort(String orderBy) {
		this.orderBy = orderBy;
	}

}
