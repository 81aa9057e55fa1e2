package org.qiqing.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The office hours of a working day, in which limits given in working hours run
 * ({@code qiqing.calendar.office-hours}, default {@code 08:30-12:00,13:30-17:30}). The
 * periods must be in order, not overlap and not be empty; the application does not start
 * otherwise.
 */
@ConfigurationProperties("qiqing.calendar")
public record OfficeHours(@DefaultValue("08:30-12:00,13:30-17:30") String officeHours) {

	/** A period of a day's office hours. */
	record Period(LocalTime opens, LocalTime closes) {
	}

	public OfficeHours {
		periods(officeHours);
	}

	List<Period> periods() {
		return periods(this.officeHours);
	}

	/** The office time of one working day. */
	Duration day() {
		return periods().stream()
			.map(period -> Duration.between(period.opens(), period.closes()))
			.reduce(Duration.ZERO, Duration::plus);
	}

	private static List<Period> periods(String text) {
		List<Period> periods = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] ends = part.trim().split("-");
			if (ends.length != 2) {
				throw new IllegalArgumentException(
						"qiqing.calendar.office-hours: '" + part.trim() + "' is not a period like 08:30-12:00");
			}
			Period period;
			try {
				period = new Period(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"qiqing.calendar.office-hours: '" + part.trim() + "' is not a period like 08:30-12:00");
			}
			if (!period.closes().isAfter(period.opens())) {
				throw new IllegalArgumentException("qiqing.calendar.office-hours: the period " + part.trim()
						+ " is empty or ends before it begins");
			}
			if (!periods.isEmpty() && period.opens().isBefore(periods.get(periods.size() - 1).closes())) {
				throw new IllegalArgumentException("qiqing.calendar.office-hours: the period " + part.trim()
						+ " overlaps or precedes the one before");
			}
			periods.add(period);
		}
		return List.copyOf(periods);
	}

}
