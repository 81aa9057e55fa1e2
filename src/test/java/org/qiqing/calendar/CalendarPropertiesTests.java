package org.qiqing.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.qiqing.platform.PlatformClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold of the working-day arithmetic at any moment of 2025 and 2026, holidays
 * and make-up days included.
 */
class CalendarPropertiesTests {

	static final CalendarRules RULES = OfficialCalendar.rules();

	static final String REGION = "330421";

	@Property
	void theNthWorkingDayIsWorkedAndExactlyNWorkingDaysAway(@ForAll("moments") Instant t,
			@ForAll @IntRange(min = 1, max = 40) int n) {
		LocalDate due = day(RULES.endOfWorkingDay(t, n, REGION));
		assertThat(RULES.isWorkingDay(due, REGION)).isTrue();
		assertThat(RULES.workingDaysBetween(day(t), due, REGION)).isEqualTo(n);
	}

	@Property
	void eachWorkingDayMoreEndsADayLater(@ForAll("moments") Instant t, @ForAll @IntRange(min = 1, max = 40) int n) {
		assertThat(RULES.endOfWorkingDay(t, n + 1, REGION)).isAfter(RULES.endOfWorkingDay(t, n, REGION));
		// Day 0 is the day itself when it is worked, else the next working day, which is
		// also day 1.
		assertThat(RULES.endOfWorkingDay(t, 0, REGION)).isBeforeOrEqualTo(RULES.endOfWorkingDay(t, 1, REGION));
	}

	@Property
	void addingWorkingTimeIsUndoneByMeasuringIt(@ForAll("moments") Instant t,
			@ForAll @IntRange(min = 0, max = 40 * 60 * 8) int minutes) {
		Duration time = Duration.ofMinutes(minutes);
		Instant later = RULES.addWorkingHours(t, time, REGION);
		assertThat(later).isAfterOrEqualTo(t);
		assertThat(RULES.workingTimeBetween(t, later, REGION)).isEqualTo(time);
		assertThat(RULES.workingTimeBetween(later, t, REGION)).isEqualTo(time.negated());
	}

	@Property
	void goingBackWorkingDaysIsUndoneByGoingForward(@ForAll("moments") Instant t,
			@ForAll @IntRange(min = 0, max = 20) int days) {
		Instant earlier = RULES.minusWorkingDays(t, days, REGION);
		assertThat(earlier).isBeforeOrEqualTo(t);
		Duration dayLength = Duration.ofMinutes(450);
		assertThat(RULES.workingTimeBetween(earlier, t, REGION)).isEqualTo(dayLength.multipliedBy(days));
	}

	@Property
	void workingDaysBetweenAddUp(@ForAll("days") LocalDate a, @ForAll("days") LocalDate b,
			@ForAll("days") LocalDate c) {
		assertThat(RULES.workingDaysBetween(a, b, REGION) + RULES.workingDaysBetween(b, c, REGION))
			.isEqualTo(RULES.workingDaysBetween(a, c, REGION));
	}

	@Provide
	Arbitrary<Instant> moments() {
		return Arbitraries.longs()
			.between(0, 2L * 365 * 24 * 60)
			.map(minutes -> LocalDateTime.parse("2025-01-01T00:00")
				.plusMinutes(minutes)
				.atZone(PlatformClock.CHINA)
				.toInstant());
	}

	@Provide
	Arbitrary<LocalDate> days() {
		return Arbitraries.integers().between(0, 2 * 365).map(d -> LocalDate.parse("2025-01-01").plusDays(d));
	}

	private static LocalDate day(Instant t) {
		return LocalDate.ofInstant(t, PlatformClock.CHINA);
	}

}
