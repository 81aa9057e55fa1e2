package org.qiqing.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qiqing.calendar.CalendarYear;
import org.qiqing.calendar.DayKind;

/**
 * A year of a calendar laid out as twelve months of weeks, Monday first, for the page.
 */
record MonthGrid(int month, int workingDays, List<List<Cell>> weeks, List<Cell> named) {

	/**
	 * A day of the grid.
	 *
	 * @param kind the entry's kind, or null when the day follows its weekday
	 * @param own whether the entry is the shown calendar's own (else inherited)
	 */
	record Cell(LocalDate date, boolean weekend, DayKind kind, String name, boolean own, String source) {

		public int day() {
			return this.date.getDayOfMonth();
		}

		/** Whether the day is off in the shown calendar's region. */
		public boolean off() {
			return this.kind == null ? this.weekend : this.kind == DayKind.HOLIDAY;
		}

		/** The CSS classes of the day. */
		public String classes() {
			return (off() ? "off" : "on") + (this.kind == null ? "" : " " + this.kind.name().toLowerCase())
					+ (this.kind != null && !this.own ? " inherited" : "");
		}

	}

	static List<MonthGrid> of(CalendarYear year) {
		Map<LocalDate, Cell> entries = new HashMap<>();
		for (CalendarYear.Day day : year.inherited()) {
			entries.put(day.date(), cell(day, false));
		}
		for (CalendarYear.Day day : year.days()) {
			entries.put(day.date(), cell(day, true));
		}
		List<MonthGrid> months = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			YearMonth ym = YearMonth.of(year.year(), month);
			List<List<Cell>> weeks = new ArrayList<>();
			List<Cell> week = new ArrayList<>(Collections.nCopies(ym.atDay(1).getDayOfWeek().getValue() - 1, null));
			List<Cell> named = new ArrayList<>();
			for (LocalDate date = ym.atDay(1); !date.isAfter(ym.atEndOfMonth()); date = date.plusDays(1)) {
				Cell cell = entries.getOrDefault(date, new Cell(date, isWeekend(date), null, null, false, null));
				if (cell.kind() != null) {
					named.add(cell);
				}
				week.add(cell);
				if (week.size() == 7) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(null);
				}
				weeks.add(week);
			}
			months.add(new MonthGrid(month, year.workingDaysByMonth().get(month - 1), weeks, named));
		}
		return months;
	}

	private static Cell cell(CalendarYear.Day day, boolean own) {
		return new Cell(day.date(), isWeekend(day.date()), day.kind(), day.name(), own, day.regionName());
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
