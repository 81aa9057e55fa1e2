package org.qiqing.calendar;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of working days and office time on a set of calendar entries: the days
 * that are not what their weekday makes them, nationally or for a region and everything
 * under it (the most specific entry wins). Days without an entry follow the weekday.
 * Immutable: {@link WorkingCalendar} builds a new one when the entries change.
 */
final class CalendarRules {

	/**
	 * No limit spans more than this; a walk beyond it means a calendar without working
	 * days.
	 */
	private static final int MAX_DAYS = 3660;

	private final Map<String, Map<LocalDate, DayKind>> byPrefix = new HashMap<>();

	private final List<String> prefixes;

	/** The office hours, parsed once: every limit a step computes walks them. */
	private final List<OfficeHours.Period> periods;

	private final Duration day;

	CalendarRules(Collection<CalendarEntry> entries, OfficeHours hours) {
		for (CalendarEntry entry : entries) {
			this.byPrefix.computeIfAbsent(prefixOf(entry.regionCode()), key -> new HashMap<>())
				.put(entry.day(), entry.kind());
		}
		this.prefixes = this.byPrefix.keySet()
			.stream()
			.sorted(Comparator.comparing(String::length).reversed())
			.toList();
		this.periods = hours.periods();
		this.day = hours.day();
	}

	boolean isWorkingDay(LocalDate day, String regionCode) {
		DayKind kind = kindOf(day, regionCode);
		if (kind != null) {
			return kind == DayKind.WORKDAY;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The close of office hours on the n-th working day after the day of t (n ≥ 1); for n
	 * = 0, on t's day if it is a working day, else on the next one.
	 */
	Instant endOfWorkingDay(Instant t, int n, String regionCode) {
		if (n < 0) {
			throw new IllegalArgumentException("a number of working days is not negative: " + n);
		}
		LocalDate day = dayOf(t);
		if (n == 0) {
			day = day.minusDays(1);
			n = 1;
		}
		for (int found = 0, walked = 0; found < n; walked++) {
			day = day.plusDays(1);
			guard(walked);
			if (isWorkingDay(day, regionCode)) {
				found++;
			}
		}
		return close(day);
	}

	/**
	 * The instant that lies {@code hours} of office time after t; from a moment outside
	 * office hours, the time counts from the next opening.
	 */
	Instant addWorkingHours(Instant t, Duration hours, String regionCode) {
		if (hours.isNegative()) {
			return minusWorkingTime(t, hours.negated(), regionCode);
		}
		Duration left = hours;
		Instant cursor = t;
		LocalDate day = dayOf(t);
		for (int walked = 0;; walked++) {
			guard(walked);
			if (isWorkingDay(day, regionCode)) {
				for (OfficeHours.Period period : this.periods) {
					Instant closes = at(day, period.closes());
					if (!cursor.isBefore(closes)) {
						continue;
					}
					Instant start = latest(cursor, at(day, period.opens()));
					Duration available = Duration.between(start, closes);
					if (left.compareTo(available) <= 0) {
						return start.plus(left);
					}
					left = left.minus(available);
				}
			}
			day = day.plusDays(1);
			cursor = at(day, LocalTime.MIDNIGHT);
		}
	}

	/** Office time from a to b; negative when b is before a. */
	Duration workingTimeBetween(Instant a, Instant b, String regionCode) {
		if (b.isBefore(a)) {
			return workingTimeBetween(b, a, regionCode).negated();
		}
		Duration total = Duration.ZERO;
		LocalDate last = dayOf(b);
		int walked = 0;
		for (LocalDate day = dayOf(a); !day.isAfter(last); day = day.plusDays(1)) {
			guard(walked++);
			if (!isWorkingDay(day, regionCode)) {
				continue;
			}
			for (OfficeHours.Period period : this.periods) {
				Instant from = latest(a, at(day, period.opens()));
				Instant to = earliest(b, at(day, period.closes()));
				if (to.isAfter(from)) {
					total = total.plus(Duration.between(from, to));
				}
			}
		}
		return total;
	}

	/**
	 * The working days d with a < d ≤ b, counted: 3 when the third working day after a is
	 * b. Negative when b is before a.
	 */
	int workingDaysBetween(LocalDate a, LocalDate b, String regionCode) {
		if (b.isBefore(a)) {
			return -workingDaysBetween(b, a, regionCode);
		}
		int count = 0;
		int walked = 0;
		for (LocalDate day = a.plusDays(1); !day.isAfter(b); day = day.plusDays(1)) {
			guard(walked++);
			if (isWorkingDay(day, regionCode)) {
				count++;
			}
		}
		return count;
	}

	/** The instant {@code days} working days of office time before {@code due}. */
	Instant minusWorkingDays(Instant due, int days, String regionCode) {
		return minusWorkingTime(due, this.day.multipliedBy(days), regionCode);
	}

	private Instant minusWorkingTime(Instant t, Duration time, String regionCode) {
		Duration left = time;
		Instant cursor = t;
		LocalDate day = dayOf(t);
		for (int walked = 0;; walked++) {
			guard(walked);
			if (isWorkingDay(day, regionCode)) {
				for (int i = this.periods.size() - 1; i >= 0; i--) {
					Instant opens = at(day, this.periods.get(i).opens());
					if (!cursor.isAfter(opens)) {
						continue;
					}
					Instant end = earliest(cursor, at(day, this.periods.get(i).closes()));
					Duration available = Duration.between(opens, end);
					if (left.compareTo(available) <= 0) {
						return end.minus(left);
					}
					left = left.minus(available);
				}
			}
			cursor = at(day, LocalTime.MIDNIGHT);
			day = day.minusDays(1);
		}
	}

	/** The most specific entry for the day that applies to the region, or null. */
	private DayKind kindOf(LocalDate day, String regionCode) {
		String region = regionCode == null ? "" : regionCode;
		for (String prefix : this.prefixes) {
			if (region.startsWith(prefix)) {
				DayKind kind = this.byPrefix.get(prefix).get(day);
				if (kind != null) {
					return kind;
				}
			}
		}
		return null;
	}

	List<Integer> years() {
		return this.byPrefix.values()
			.stream()
			.flatMap(days -> days.keySet().stream())
			.map(LocalDate::getYear)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The part of a region code its descendants share: a county's 6 digits, but a city's
	 * first 4 (330400 → 3304) and a province's first 2, as their children's codes differ
	 * in the trailing zeros.
	 */
	static String prefixOf(String regionCode) {
		if (regionCode == null || regionCode.isEmpty()) {
			return "";
		}
		String code = regionCode;
		while (code.length() > 2 && code.length() <= 6 && code.endsWith("00")) {
			code = code.substring(0, code.length() - 2);
		}
		return code;
	}

	private static void guard(int walked) {
		if (walked > MAX_DAYS) {
			throw new IllegalStateException("no working day within ten years: check the calendar");
		}
	}

	private static LocalDate dayOf(Instant t) {
		return LocalDate.ofInstant(t, CHINA);
	}

	private Instant close(LocalDate day) {
		return at(day, this.periods.get(this.periods.size() - 1).closes());
	}

	private static Instant at(LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, CHINA).toInstant();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
