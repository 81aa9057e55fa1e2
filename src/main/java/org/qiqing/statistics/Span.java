package org.qiqing.statistics;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Part of a period as the rollups are read: days (inclusive) from the days' rows
 * (stat_rollup), or whole months (their first days) from the months' rows (stat_month).
 */
record Span(LocalDate from, LocalDate to, boolean months) {

	/**
	 * The period split so that the whole months inside it are read from the months' rows
	 * and only the days before and after them from the days' rows: a year reads twelve
	 * rows of a cell where it would read three hundred and sixty-five. The month a period
	 * ends in counts as whole when the period runs to the last day any step was counted
	 * on, or later: its days after that have no counts.
	 * @param lastCounted the last day any step was counted on (null: none was)
	 */
	static List<Span> cover(LocalDate from, LocalDate to, LocalDate lastCounted) {
		if (lastCounted == null) {
			return List.of(new Span(from, to, false));
		}
		LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
		boolean endsWithItsMonth = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) || !to.isBefore(lastCounted);
		LocalDate lastMonth = endsWithItsMonth ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
		if (lastMonth.isBefore(firstMonth)) {
			return List.of(new Span(from, to, false));
		}
		List<Span> spans = new ArrayList<>(3);
		if (from.isBefore(firstMonth)) {
			spans.add(new Span(from, firstMonth.minusDays(1), false));
		}
		spans.add(new Span(firstMonth, lastMonth, true));
		LocalDate afterMonths = lastMonth.plusMonths(1);
		if (!afterMonths.isAfter(to)) {
			spans.add(new Span(afterMonths, to, false));
		}
		return spans;
	}

}
