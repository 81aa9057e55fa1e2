package org.qiqing.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year of one calendar as its administrators see it: its own days, the days it takes
 * from the calendars above it, and what they make of the year.
 *
 * @param regionCode the region whose override this is, or "" for the national calendar
 * @param editable whether the reader may change it
 * @param days the calendar's own entries, by day
 * @param inherited the entries of the calendars above (national, a city's override above
 * a county's) on the days the calendar does not set itself, by day
 * @param workingDays the working days of the year in the region, all entries counted
 * @param workingDaysByMonth the same per month, January first
 * @param version changes whenever the calendar's own entries change (the API's ETag)
 */
public record CalendarYear(int year, String regionCode, String regionName, boolean editable, List<Day> days,
		List<Day> inherited, int workingDays, List<Integer> workingDaysByMonth, String version) {

	/**
	 * A day that is not what its weekday makes it.
	 *
	 * @param regionCode the calendar it comes from ("" nationally)
	 * @param regionName that calendar's region ("" nationally)
	 */
	public record Day(LocalDate date, DayKind kind, String name, String regionCode, String regionName) {
	}

	public boolean national() {
		return this.regionCode.isEmpty();
	}

}
