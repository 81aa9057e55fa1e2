package org.qiqing.evaluation.web;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.LocalDate;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

/** A period of days asked for, the past twelve months to today by default. */
record Period(LocalDate from, LocalDate to) {

	static Period of(LocalDate from, LocalDate to, Clock clock) {
		LocalDate end = to == null ? LocalDate.ofInstant(clock.instant(), CHINA) : to;
		LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
		if (start.isAfter(end) || start.isBefore(end.minusYears(5))) {
			throw new InvalidInput("from", Text.of("evaluation.error.period"));
		}
		return new Period(start, end);
	}

}
