package org.qiqing.statistics;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanTests {

	/** The last day any step was counted on. */
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void thisMonthSoFarIsItsMonthsRow() {
		assertThat(Span.cover(LocalDate.of(2026, 12, 1), TODAY, TODAY))
			.containsExactly(months("2026-12-01", "2026-12-01"));
	}

	@Test
	void aYearToTodayReadsTheDaysOfItsFirstMonthAndTwelveMonths() {
		assertThat(Span.cover(LocalDate.of(2025, 12, 7), TODAY, TODAY))
			.containsExactly(days("2025-12-07", "2025-12-31"), months("2026-01-01", "2026-12-01"));
	}

	@Test
	void aPeriodEndingBeforeTodayWithinAMonthReadsItsLastDays() {
		assertThat(Span.cover(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 15), TODAY))
			.containsExactly(months("2026-01-01", "2026-10-01"), days("2026-11-01", "2026-11-15"));
	}

	@Test
	void wholeMonthsInThePastAreMonths() {
		assertThat(Span.cover(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), TODAY))
			.containsExactly(months("2026-02-01", "2026-02-01"));
	}

	@Test
	void aPeriodWithNoWholeMonthIsDays() {
		assertThat(Span.cover(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 6), TODAY))
			.containsExactly(days("2026-11-05", "2026-12-06"));
		assertThat(Span.cover(LocalDate.of(2026, 12, 2), TODAY, TODAY))
			.containsExactly(days("2026-12-02", "2026-12-07"));
	}

	@Test
	void aPeriodIntoTheFutureTakesItsMonthsWhole() {
		assertThat(Span.cover(LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 10), TODAY))
			.containsExactly(days("2026-11-20", "2026-11-30"), months("2026-12-01", "2027-02-01"));
	}

	@Test
	void aStepCountedAfterTheEndOfThePeriodKeepsItsMonthToDays() {
		// a step counted on the 9th (a node's clock ahead): the period to the 8th may not
		// take December's row
		assertThat(Span.cover(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9)))
			.containsExactly(days("2026-12-01", "2026-12-08"));
	}

	@Test
	void nothingCountedReadsDays() {
		assertThat(Span.cover(LocalDate.of(2026, 1, 1), TODAY, null)).containsExactly(days("2026-01-01", "2026-12-07"));
	}

	private static Span days(String from, String to) {
		return new Span(LocalDate.parse(from), LocalDate.parse(to), false);
	}

	private static Span months(String from, String to) {
		return new Span(LocalDate.parse(from), LocalDate.parse(to), true);
	}

}
