package org.qiqing.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar the application ships, read from its migration: the tests check the data
 * users get, not a copy of it.
 */
final class OfficialCalendar {

	private static final Pattern ROW = Pattern
		.compile("\\('(\\d*)', date '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']*)'\\)");

	private OfficialCalendar() {
	}

	static List<CalendarEntry> entries() {
		try {
			String sql = Files.readString(Path.of("src/main/resources/db/migration/V7__calendar.sql"));
			List<CalendarEntry> entries = new ArrayList<>();
			Matcher row = ROW.matcher(sql);
			while (row.find()) {
				entries.add(new CalendarEntry(row.group(1), LocalDate.parse(row.group(2)),
						DayKind.valueOf(row.group(3)), row.group(4)));
			}
			return entries;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static CalendarRules rules() {
		return new CalendarRules(entries(), new OfficeHours("08:30-12:00,13:30-17:30"));
	}

}
