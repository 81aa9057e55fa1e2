package org.qiqing.calendar;

import java.util.Locale;

/**
 * What a calendar entry makes of a day, against the rule that Monday to Friday are
 * worked.
 */
public enum DayKind {

	/** a day off: a public holiday, or a local one */
	HOLIDAY,
	/** a weekend day worked in exchange for a holiday (调休上班) */
	WORKDAY;

	/**
	 * The kind a person wrote: its name in any case, or the marks of the published
	 * schedules, 休 (a day off) and 班 (a day worked).
	 * @return the kind, or null when the text names none
	 */
	public static DayKind parse(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.strip().toUpperCase(Locale.ROOT)) {
			case "HOLIDAY", "休" -> HOLIDAY;
			case "WORKDAY", "班" -> WORKDAY;
			default -> null;
		};
	}

}
