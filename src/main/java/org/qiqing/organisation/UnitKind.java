package org.qiqing.organisation;

/**
 * The kinds of government body that take part in the handling of cases.
 */
public enum UnitKind {

	DEPARTMENT, TOWN_GOVERNMENT, SERVICE_CENTRE, SUPERVISION_OFFICE, DISCIPLINE_COMMISSION, OFFICE,
	/** 帮企办: the enterprise help office, which serves enterprises on demand. */
	HELP_OFFICE

}
