package org.qiqing.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;
import org.qiqing.calendar.CalendarImportRefused.Problem;
import org.qiqing.platform.InvalidInput;

/**
 * Reading calendar files and judging their days, without the application.
 */
class CalendarFileTests {

	@Test
	void datesAreReadAsSpreadsheetsShowThem() {
		LocalDate first = LocalDate.of(2027, 10, 1);
		for (String text : List.of("2027-10-01", "2027/10/1", "2027.10.1", "20271001", "2027年10月1日")) {
			assertThat(DayCheck.parse(text)).as(text).isEqualTo(first);
		}
		for (String text : List.of("2027-02-29", "10/1/27", "2027-13-01", "tomorrow")) {
			assertThat(DayCheck.parse(text)).as(text).isNull();
		}
	}

	@Test
	void anIcsEventOfSeveralDaysGivesEachDayAndRepeatingOrTimedEventsAreProblems() {
		CalendarFile.Read read = ics("""
				BEGIN:VCALENDAR
				VERSION:2.0
				PRODID:-//qiqing//test//ZH
				BEGIN:VEVENT
				UID:a@test
				DTSTAMP:20260101T000000Z
				DTSTART;VALUE=DATE:20270501
				DURATION:P3D
				SUMMARY:劳动节
				END:VEVENT
				BEGIN:VEVENT
				UID:b@test
				DTSTAMP:20260101T000000Z
				DTSTART;VALUE=DATE:20270101
				RRULE:FREQ=YEARLY
				SUMMARY:元旦
				END:VEVENT
				BEGIN:VEVENT
				UID:c@test
				DTSTAMP:20260101T000000Z
				DTSTART:20270102T090000
				SUMMARY:会议
				END:VEVENT
				END:VCALENDAR
				""");
		assertThat(read.days()).extracting(ProposedDay::date).containsExactly("2027-05-01", "2027-05-02", "2027-05-03");
		assertThat(read.days()).allSatisfy(day -> {
			assertThat(day.line()).isEqualTo(4);
			assertThat(day.kind()).isEqualTo("HOLIDAY");
			assertThat(day.name()).isEqualTo("劳动节");
		});
		assertThat(read.problems()).extracting(Problem::line).containsExactly(11, 18);
	}

	@Test
	void anUnreadableIcsIsOneProblemAndAnUnknownFormatIsRefused() {
		assertThat(ics("BEGIN:VCALENDAR\nthis is not\n").problems()).hasSize(1);
		assertThatThrownBy(() -> CalendarFile.read("days.txt", new ByteArrayInputStream(new byte[1])))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void aHolidayMayFallOnAWeekendButAWorkdayOnAWeekdayOnlyOverAHolidayAbove() {
		LocalDate saturday = LocalDate.of(2027, 5, 1);
		LocalDate monday = LocalDate.of(2027, 5, 3);
		DayCheck national = new DayCheck(2027, "", Map.of());
		assertThat(national.entry(new ProposedDay(2, saturday.toString(), "休", "劳动节"), new HashMap<>()))
			.isEqualTo(new CalendarEntry("", saturday, DayKind.HOLIDAY, "劳动节"));
		Map<String, Text> reasons = new HashMap<>();
		assertThat(national.entry(new ProposedDay(3, monday.toString(), "班", "上班"), reasons)).isNull();
		assertThat(Texts.resolve(reasons.get("kind"), Locale.ENGLISH)).contains("Monday");
		assertThat(Texts.resolve(reasons.get("kind"), Locale.SIMPLIFIED_CHINESE)).contains("星期一");

		DayCheck county = new DayCheck(2027, "330421",
				Map.of(monday, new CalendarEntry("", monday, DayKind.HOLIDAY, "劳动节")));
		assertThat(county.entry(new ProposedDay(2, monday.toString(), "WORKDAY", "本县上班"), new HashMap<>()))
			.isEqualTo(new CalendarEntry("330421", monday, DayKind.WORKDAY, "本县上班"));
	}

	private static CalendarFile.Read ics(String text) {
		return CalendarFile.read("days.ics", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
