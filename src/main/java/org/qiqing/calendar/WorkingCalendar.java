package org.qiqing.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Working days and office time on the calendar of a region: the national one with the
 * region's own days on top (a county's local holiday applies to its towns and villages).
 * Days outside the loaded years follow the weekday: Monday to Friday are worked. The
 * calendar is held in memory and read again from the database every minute, or at once on
 * this node after an edit, so that every node follows an administrator's change.
 */
@Service
@EnableConfigurationProperties(OfficeHours.class)
public class WorkingCalendar {

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final OfficeHours hours;

	private volatile Loaded loaded;

	WorkingCalendar(JdbcClient jdbc, OfficeHours hours) {
		this.jdbc = jdbc;
		this.hours = hours;
	}

	public boolean isWorkingDay(LocalDate day, String regionCode) {
		return rules().isWorkingDay(day, regionCode);
	}

	/**
	 * The close of office hours on the n-th working day after the day of t (n ≥ 1); for n
	 * = 0, on t's day if it is a working day, else on the next one.
	 */
	public Instant endOfWorkingDay(Instant t, int n, String regionCode) {
		return rules().endOfWorkingDay(t, n, regionCode);
	}

	/**
	 * The instant that lies {@code hours} of office time after t; from a moment outside
	 * office hours, the time counts from the next opening.
	 */
	public Instant addWorkingHours(Instant t, Duration hours, String regionCode) {
		return rules().addWorkingHours(t, hours, regionCode);
	}

	/** Office time from a to b; negative when b is before a. */
	public Duration workingTimeBetween(Instant a, Instant b, String regionCode) {
		return rules().workingTimeBetween(a, b, regionCode);
	}

	/**
	 * The working days d with a < d ≤ b, counted: 3 when the third working day after a is
	 * b. Negative when b is before a.
	 */
	public int workingDaysBetween(LocalDate a, LocalDate b, String regionCode) {
		return rules().workingDaysBetween(a, b, regionCode);
	}

	/** The instant {@code days} working days of office time before {@code due}. */
	public Instant minusWorkingDays(Instant due, int days, String regionCode) {
		return rules().minusWorkingDays(due, days, regionCode);
	}

	/** The years that have calendar entries, nationally or for a region. */
	public List<Integer> loadedYears() {
		return rules().years();
	}

	/** Reads the calendar again now: after an edit on this node. */
	public void reload() {
		this.loaded = load();
	}

	private CalendarRules rules() {
		Loaded current = this.loaded;
		if (current == null || current.at().plus(REFRESH).isBefore(Instant.now())) {
			current = load();
			this.loaded = current;
		}
		return current.rules();
	}

	private Loaded load() {
		List<CalendarEntry> entries = this.jdbc.sql("select region_code, on_date, kind, name from calendar_day")
			.query((rs, n) -> new CalendarEntry(rs.getString(1), rs.getObject(2, LocalDate.class),
					DayKind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
		return new Loaded(Instant.now(), new CalendarRules(entries, this.hours));
	}

	private record Loaded(Instant at, CalendarRules rules) {
	}

}
