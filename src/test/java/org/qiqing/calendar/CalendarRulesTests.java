package org.qiqing.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.qiqing.platform.PlatformClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dated examples around every holiday of 2025 and 2026, as the State Council set them,
 * and the rules of region overrides and office hours.
 */
class CalendarRulesTests {

	static final CalendarRules OFFICIAL = OfficialCalendar.rules();

	static final String JIASHAN = "330421";

	@Test
	void theShippedSchedulesHaveEveryHolidayAndMakeUpDay() {
		List<CalendarEntry> entries = OfficialCalendar.entries();
		assertThat(entries.stream().filter(e -> e.day().getYear() == 2025 && e.kind() == DayKind.HOLIDAY))
			.hasSize(1 + 8 + 3 + 5 + 3 + 8);
		assertThat(entries.stream().filter(e -> e.day().getYear() == 2026 && e.kind() == DayKind.HOLIDAY))
			.hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
		assertThat(
				entries.stream().filter(e -> e.kind() == DayKind.WORKDAY).map(CalendarEntry::day).map(Object::toString))
			.containsExactlyInAnyOrder("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
					"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
	}

	/** day, is it worked */
	@ParameterizedTest
	@CsvSource({ "2025-01-01, false", "2025-01-02, true", "2025-01-26, true", "2025-01-27, true", "2025-01-28, false",
			"2025-02-04, false", "2025-02-05, true", "2025-02-08, true", "2025-04-03, true", "2025-04-04, false",
			"2025-04-07, true", "2025-04-27, true", "2025-05-05, false", "2025-05-06, true", "2025-06-02, false",
			"2025-06-03, true", "2025-09-28, true", "2025-10-08, false", "2025-10-09, true", "2025-10-11, true",
			"2026-01-02, false", "2026-01-04, true", "2026-01-05, true", "2026-02-13, true", "2026-02-14, true",
			"2026-02-23, false", "2026-02-24, true", "2026-02-28, true", "2026-04-06, false", "2026-04-07, true",
			"2026-05-05, false", "2026-05-06, true", "2026-05-09, true", "2026-06-19, false", "2026-06-22, true",
			"2026-09-20, true", "2026-09-25, false", "2026-09-28, true", "2026-10-07, false", "2026-10-08, true",
			"2026-10-10, true", "2026-10-11, false", "2027-01-01, true", "2027-01-02, false" })
	void knowsWhichDaysAreWorked(LocalDate day, boolean worked) {
		assertThat(OFFICIAL.isWorkingDay(day, JIASHAN)).as(day.toString()).isEqualTo(worked);
	}

	/** assigned at, working days, due at the end of */
	@ParameterizedTest
	@CsvSource({ "2025-01-24T10:00, 1, 2025-01-26", "2025-01-24T10:00, 3, 2025-02-05",
			"2025-04-30T10:00, 1, 2025-05-06", "2025-04-25T10:00, 1, 2025-04-27", "2025-05-30T10:00, 1, 2025-06-03",
			"2025-09-30T10:00, 1, 2025-10-09", "2025-09-30T10:00, 3, 2025-10-11", "2025-12-31T10:00, 1, 2026-01-04",
			"2026-02-12T10:00, 2, 2026-02-14", "2026-02-12T10:00, 3, 2026-02-24", "2026-04-03T10:00, 1, 2026-04-07",
			"2026-04-30T10:00, 4, 2026-05-09", "2026-04-30T10:00, 5, 2026-05-11", "2026-06-18T10:00, 1, 2026-06-22",
			"2026-09-18T10:00, 1, 2026-09-20", "2026-09-24T10:00, 1, 2026-09-28", "2026-09-30T10:00, 5, 2026-10-13",
			"2026-09-30T10:00, 3, 2026-10-10", "2026-10-09T18:00, 1, 2026-10-10", "2026-10-10T09:00, 0, 2026-10-10",
			"2026-10-11T09:00, 0, 2026-10-12" })
	void countsLimitsAcrossHolidays(LocalDateTime at, int days, LocalDate due) {
		Instant end = OFFICIAL.endOfWorkingDay(china(at), days, JIASHAN);
		assertThat(end).isEqualTo(china(due.atTime(17, 30)));
	}

	@Test
	void countsWorkingDaysBetweenDatesBothWays() {
		assertThat(OFFICIAL.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-13"), JIASHAN))
			.isEqualTo(5);
		assertThat(OFFICIAL.workingDaysBetween(LocalDate.parse("2026-10-13"), LocalDate.parse("2026-09-30"), JIASHAN))
			.isEqualTo(-5);
		assertThat(OFFICIAL.workingDaysBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07"), JIASHAN))
			.isZero();
	}

	@Test
	void workingHoursRunInOfficeHoursOnly() {
		// Friday 15:30 plus four working hours: two on Friday, two on the Saturday worked
		// before National Day.
		assertThat(OFFICIAL.addWorkingHours(china("2026-09-18T15:30"), Duration.ofHours(4), JIASHAN))
			.isEqualTo(china("2026-09-20T10:30"));
		// From the evening, the time starts at the next opening; lunch is not counted.
		assertThat(OFFICIAL.addWorkingHours(china("2026-10-12T20:00"), Duration.ofHours(4), JIASHAN))
			.isEqualTo(china("2026-10-13T14:00"));
		assertThat(OFFICIAL.workingTimeBetween(china("2026-09-30T10:00"), china("2026-10-08T10:00"), JIASHAN))
			.isEqualTo(Duration.ofHours(6).plusMinutes(90));
		assertThat(OFFICIAL.minusWorkingDays(china("2026-10-13T17:30"), 3, JIASHAN))
			.isEqualTo(china("2026-10-10T08:30"));
	}

	@Test
	void aRegionsOwnDayAppliesToItAndEverythingUnderItOnly() {
		List<CalendarEntry> entries = new ArrayList<>(OfficialCalendar.entries());
		entries.add(new CalendarEntry("330421", LocalDate.parse("2026-11-03"), DayKind.HOLIDAY, "县庆"));
		entries.add(new CalendarEntry("330400", LocalDate.parse("2026-11-04"), DayKind.HOLIDAY, "市庆"));
		entries.add(new CalendarEntry("330421100", LocalDate.parse("2026-11-04"), DayKind.WORKDAY, "镇里照常上班"));
		CalendarRules rules = new CalendarRules(entries, new OfficeHours("08:30-12:00,13:30-17:30"));
		LocalDate countyDay = LocalDate.parse("2026-11-03");
		LocalDate cityDay = LocalDate.parse("2026-11-04");
		assertThat(rules.isWorkingDay(countyDay, "330421")).isFalse();
		assertThat(rules.isWorkingDay(countyDay, "330421101")).isFalse();
		assertThat(rules.isWorkingDay(countyDay, "330481")).isTrue();
		assertThat(rules.isWorkingDay(cityDay, "330481100")).isFalse();
		assertThat(rules.isWorkingDay(cityDay, "330421100")).isTrue();
		assertThat(rules.isWorkingDay(cityDay, "330521")).isTrue();
	}

	@Test
	void officeHoursThatMakeNoSenseAreRefused() {
		assertThatThrownBy(() -> new OfficeHours("12:00-08:30")).hasMessageContaining("empty or ends before");
		assertThatThrownBy(() -> new OfficeHours("08:30-08:30")).hasMessageContaining("empty or ends before");
		assertThatThrownBy(() -> new OfficeHours("08:30-12:00,11:00-17:00")).hasMessageContaining("overlaps");
		assertThatThrownBy(() -> new OfficeHours("nine to five")).hasMessageContaining("is not a period");
	}

	private static Instant china(String at) {
		return china(LocalDateTime.parse(at));
	}

	private static Instant china(LocalDateTime at) {
		return at.atZone(PlatformClock.CHINA).toInstant();
	}

}
