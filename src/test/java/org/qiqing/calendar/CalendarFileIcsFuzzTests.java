package org.qiqing.calendar;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes uploaded as an iCalendar file give days or problems, never an exception: a
 * problem is shown to the administrator with its line, a day is a real date of a known
 * kind, and no event gives more days than the longest one allowed. Runs its seeds in
 * every build; {@code JAZZER_FUZZ=1} fuzzes it (docs/OPERATIONS.md).
 */
class CalendarFileIcsFuzzTests {

	@FuzzTest(maxDuration = "5m")
	void anyBytesGiveDaysOrProblemsNeverAnException(byte[] content) {
		CalendarFile.Read read = CalendarFile.read("days.ics", new ByteArrayInputStream(content));
		assertThat(read.problems()).allSatisfy(problem -> {
			assertThat(problem.line()).isNotNegative();
			assertThat(problem.reason()).isNotBlank();
		});
		assertThat(read.days()).allSatisfy(day -> {
			assertThat(LocalDate.parse(day.date())).isNotNull();
			assertThat(day.kind()).isIn(DayKind.HOLIDAY.name(), DayKind.WORKDAY.name());
		});
		List<Integer> lines = read.days().stream().map(ProposedDay::line).distinct().toList();
		assertThat(read.days()).hasSizeLessThanOrEqualTo(lines.size() * 366);
		if (read.days().isEmpty()) {
			assertThat(read.problems()).isNotEmpty();
		}
	}

}
