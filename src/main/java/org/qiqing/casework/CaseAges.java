package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.qiqing.calendar.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * How long a case has waited, as the office counts it: in working days on the calendar of
 * its region, or in office hours while it is less than a working day. Pages call it as
 * {@code @caseAges}.
 */
@Component("caseAges")
public class CaseAges {

	/**
	 * An age in words: the message key ({@code age.days}, {@code age.hours},
	 * {@code age.underAnHour}) and its number.
	 */
	public record Age(String key, long amount) {
	}

	/** A working day of office time, as the default office hours give it (7.5 h). */
	private static final Duration WORKING_DAY = Duration.ofMinutes(450);

	private final WorkingCalendar calendar;

	private final Clock clock;

	CaseAges(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The age of something that began at {@code since}; null when it is not known. */
	public Age since(Instant since, String regionCode) {
		if (since == null) {
			return null;
		}
		Instant now = this.clock.instant();
		LocalDate from = LocalDate.ofInstant(since, CHINA);
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		// Office time only while it can be under a working day: a long wait is counted in
		// days without walking its hours.
		if (!from.plusDays(4).isBefore(today)) {
			Duration office = this.calendar.workingTimeBetween(since, now, regionCode);
			if (office.compareTo(WORKING_DAY) < 0) {
				return office.toHours() < 1 ? new Age("age.underAnHour", 0) : new Age("age.hours", office.toHours());
			}
		}
		return new Age("age.days", Math.max(1, this.calendar.workingDaysBetween(from, today, regionCode)));
	}

}
