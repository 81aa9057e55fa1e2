package org.qiqing.calendar;

/**
 * What a calendar entry makes of a day, against the rule that Monday to Friday are
 * worked.
 */
public enum DayKind {

	/** a day off: a public holiday, or a local one */
	HOLIDAY,
	/** a weekend day worked in exchange for a holiday (调休上班) */
	WORKDAY

}
