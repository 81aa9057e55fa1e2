package org.qiqing.linkage;

import org.qiqing.platform.Text;

import java.time.LocalDate;

/**
 * How often a linked holder must visit: once in every calendar window of this length.
 * Windows are aligned on the calendar (months; quarters from January, April, July,
 * October; half-years from January and July; years), so that everyone's "this quarter" is
 * the same.
 */
public enum LinkFrequency {

	MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

	private final int months;

	LinkFrequency(int months) {
		this.months = months;
	}

	public int months() {
		return this.months;
	}

	/** The number of the window holding a day, counted in windows since year 0. */
	public long window(LocalDate day) {
		return (day.getYear() * 12L + day.getMonthValue() - 1) / this.months;
	}

	/** The first day of the window holding a day. */
	public LocalDate windowStart(LocalDate day) {
		long month = window(day) * this.months;
		return LocalDate.of((int) (month / 12), (int) (month % 12) + 1, 1);
	}

	/** The last day of the window holding a day. */
	public LocalDate windowEnd(LocalDate day) {
		return windowStart(day).plusMonths(this.months).minusDays(1);
	}

	/**
	 * The frequency a text names, with a message that lists the others when it names
	 * none.
	 */
	public static LinkFrequency parse(String text) {
		for (LinkFrequency frequency : values()) {
			if (frequency.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return frequency;
			}
		}
		throw new org.qiqing.platform.InvalidInput("frequency", org.qiqing.platform.Text.of("error.field.oneOf",
				"frequency", text, "MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY"));
	}

}
