package org.qiqing.calendar;

import java.time.LocalDate;

/**
 * One day the calendar says is not what its weekday makes it: a holiday on a weekday, or
 * a weekend day worked, nationally (region "") or for a region and everything under it.
 */
public record CalendarEntry(String regionCode, LocalDate day, DayKind kind, String name) {

}
