package org.qiqing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qiqing.calendar.CalendarImportRefused.Problem;
import org.qiqing.platform.Text;

/**
 * Judges the days proposed for one year of one calendar (national, or a region's
 * override) before any is stored.
 * <p>
 * A HOLIDAY may fall on a weekend: the State Council's schedules name every day of a
 * holiday, weekends included (2025-02-01, a Saturday, is 春节), and a region cancels a
 * national 调休上班 Saturday with a HOLIDAY. A WORKDAY on Monday to Friday, though, says
 * nothing (the day is worked anyway) and is almost always a mistyped date, so it is
 * refused; except in a region's override where the calendar above makes that weekday a
 * holiday, which the region then works.
 */
final class DayCheck {

	static final int NAME_LENGTH = 50;

	/** ISO dates, and the forms a spreadsheet shows: 2026/1/1, 2026.1.1, 2026年1月1日. */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
		.withResolverStyle(ResolverStyle.STRICT);

	private final int year;

	private final String regionCode;

	private final Map<LocalDate, CalendarEntry> above;

	/**
	 * @param above the entries of the calendars above this one (the national one above a
	 * region's), the most specific for each day
	 */
	DayCheck(int year, String regionCode, Map<LocalDate, CalendarEntry> above) {
		this.year = year;
		this.regionCode = regionCode;
		this.above = above;
	}

	/**
	 * The entries of a whole year's days, or every problem of them.
	 * @throws CalendarImportRefused naming every problem, by line
	 */
	List<CalendarEntry> year(List<ProposedDay> days, List<Problem> problems) {
		List<Problem> all = new ArrayList<>(problems);
		List<CalendarEntry> entries = new ArrayList<>();
		Map<LocalDate, ProposedDay> seen = new HashMap<>();
		Map<LocalDate, DayKind> kinds = new HashMap<>();
		for (ProposedDay day : days) {
			Map<String, Text> reasons = new LinkedHashMap<>();
			CalendarEntry entry = entry(day, reasons);
			if (entry != null) {
				ProposedDay first = seen.putIfAbsent(entry.day(), day);
				if (first != null) {
					DayKind firstKind = kinds.get(entry.day());
					reasons.put("date", firstKind == entry.kind()
							? Text.of("error.calendar.twice", entry.day(), first.line())
							: Text.of("error.calendar.conflict", entry.day(), firstKind, first.line(), entry.kind()));
				}
				else {
					kinds.put(entry.day(), entry.kind());
					entries.add(entry);
				}
			}
			if (!reasons.isEmpty()) {
				all.add(new Problem(day.line(),
						reasons.values()
							.stream()
							.map(Text::resolve)
							.collect(java.util.stream.Collectors.joining("; "))));
			}
		}
		if (!all.isEmpty()) {
			all.sort(java.util.Comparator.comparingInt(Problem::line));
			throw new CalendarImportRefused(all);
		}
		return entries;
	}

	/**
	 * The entry of one day.
	 * @return null when it has a problem, which is noted in reasons by field
	 */
	CalendarEntry entry(ProposedDay day, Map<String, Text> reasons) {
		LocalDate date = date(day.date(), reasons);
		DayKind kind = DayKind.parse(day.kind());
		if (day.kind() == null || day.kind().isBlank()) {
			reasons.put("kind", Text.of("error.calendar.kindEmpty"));
		}
		else if (kind == null) {
			reasons.put("kind", Text.of("error.calendar.kind", day.kind().strip()));
		}
		String name = day.name() == null ? "" : day.name().strip();
		if (name.isEmpty()) {
			reasons.put("name", Text.of("error.calendar.nameEmpty"));
		}
		else if (name.length() > NAME_LENGTH) {
			reasons.put("name", Text.of("error.field.tooLong", "name", NAME_LENGTH));
		}
		if (date != null && kind == DayKind.WORKDAY && isWeekday(date) && !holidayAbove(date)) {
			reasons.put("kind",
					Text.of(this.regionCode.isEmpty() ? "error.calendar.weekdayWorked"
							: "error.calendar.weekdayWorkedRegion", date,
							Text.of("weekday." + date.getDayOfWeek().name())));
		}
		return reasons.isEmpty() ? new CalendarEntry(this.regionCode, date, kind, name) : null;
	}

	private LocalDate date(String text, Map<String, Text> reasons) {
		if (text == null || text.isBlank()) {
			reasons.put("date", Text.of("error.field.required", "date"));
			return null;
		}
		LocalDate date = parse(text.strip());
		if (date == null) {
			reasons.put("date", Text.of("error.date.format", "date", text.strip()));
		}
		else if (date.getYear() != this.year) {
			reasons.put("date", Text.of("error.calendar.dateOfYear", date, this.year));
			return null;
		}
		return date;
	}

	static LocalDate parse(String text) {
		String iso = text.replace('/', '-').replace('.', '-').replace('年', '-').replace('月', '-').replace("日", "");
		if (iso.matches("\\d{8}")) {
			iso = iso.substring(0, 4) + "-" + iso.substring(4, 6) + "-" + iso.substring(6);
		}
		try {
			return LocalDate.parse(iso, DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private boolean holidayAbove(LocalDate date) {
		CalendarEntry entry = this.above.get(date);
		return !this.regionCode.isEmpty() && entry != null && entry.kind() == DayKind.HOLIDAY;
	}

	private static boolean isWeekday(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
