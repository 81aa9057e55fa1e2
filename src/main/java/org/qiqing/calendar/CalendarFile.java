package org.qiqing.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

import org.qiqing.calendar.CalendarImportRefused.Problem;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.TabularFile;
import org.qiqing.platform.Text;

/**
 * Reads the days of an uploaded calendar: a table ({@code .csv} or {@code .xlsx}, through
 * {@link TabularFile}) with the columns {@code date,kind,name}, or an iCalendar file
 * ({@code .ics}) whose all-day events are the days. Nothing is checked here but what the
 * format itself says; {@link DayCheck} judges the days.
 */
final class CalendarFile {

	static final List<String> COLUMNS = List.of("date", "kind", "name");

	/** No holiday lasts longer; a longer event is a mistake, not 10,000 days to list. */
	private static final int LONGEST_EVENT_DAYS = 366;

	/** The days of a file and what made some of its parts unreadable. */
	record Read(List<ProposedDay> days, List<Problem> problems) {
	}

	private CalendarFile() {
	}

	/**
	 * @throws InvalidInput when the file is missing or of an unknown format
	 */
	static Read read(String filename, InputStream content) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".ics") || name.endsWith(".ical") || name.endsWith(".ifb")) {
			return readIcs(content);
		}
		if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
			throw new InvalidInput("file", Text.of("error.calendar.fileType"));
		}
		List<ProposedDay> days = new ArrayList<>();
		try {
			TabularFile.read(filename, content, COLUMNS, List.of(),
					row -> days.add(new ProposedDay(row.line(), row.text("date"), row.text("kind"), row.text("name"))));
		}
		catch (InvalidInput ex) {
			// The header or the file as a whole: a problem of line 1 like any other.
			return new Read(List.of(), List.of(new Problem(1, ex.getMessage())));
		}
		return new Read(days, List.of());
	}

	/**
	 * Every VEVENT is a holiday, or a working day when its SUMMARY says 班 (上班, 调休上班); an
	 * event of several days (DTEND, exclusive as RFC 5545 has it, or DURATION) gives each
	 * of its days.
	 */
	private static Read readIcs(InputStream content) {
		String text;
		try {
			text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(text));
		}
		catch (ParserException ex) {
			return new Read(List.of(),
					List.of(new Problem(ex.getLineNo(), "not a readable iCalendar file: " + ex.getMessage())));
		}
		catch (IOException | RuntimeException ex) {
			return new Read(List.of(), List.of(new Problem(0, "not a readable iCalendar file")));
		}
		List<Integer> lines = eventLines(text);
		List<ProposedDay> days = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		for (int i = 0; i < events.size(); i++) {
			int line = i < lines.size() ? lines.get(i) : 0;
			readEvent(events.get(i), line, days, problems);
		}
		if (events.isEmpty()) {
			problems.add(new Problem(0, "the file holds no event (VEVENT)"));
		}
		return new Read(days, problems);
	}

	private static void readEvent(VEvent event, int line, List<ProposedDay> days, List<Problem> problems) {
		if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
			problems.add(new Problem(line, "a repeating event (RRULE, RDATE) is not a list of days: list each day"));
			return;
		}
		Optional<DtStart<Temporal>> start = event.getStartDate();
		if (start.isEmpty()) {
			problems.add(new Problem(line, "the event has no DTSTART"));
			return;
		}
		if (!(start.get().getDate() instanceof LocalDate first)) {
			problems.add(new Problem(line, "DTSTART is a time, not a whole day: write DTSTART;VALUE=DATE:20260101"));
			return;
		}
		LocalDate end;
		try {
			end = endOf(event, first);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			problems.add(new Problem(line, ex.getMessage()));
			return;
		}
		long length = ChronoUnit.DAYS.between(first, end);
		if (length < 1 || length > LONGEST_EVENT_DAYS) {
			problems.add(new Problem(line, "the event must last from 1 to " + LONGEST_EVENT_DAYS + " days, not "
					+ length + " (DTEND is the day after the last one)"));
			return;
		}
		String summary = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
		String kind = summary != null && summary.contains("班") ? DayKind.WORKDAY.name() : DayKind.HOLIDAY.name();
		for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
			days.add(new ProposedDay(line, day.toString(), kind, summary));
		}
	}

	/** The day after the event's last one. */
	private static LocalDate endOf(VEvent event, LocalDate first) {
		Optional<DtEnd<Temporal>> end = event.getEndDate(false);
		if (end.isPresent()) {
			if (!(end.get().getDate() instanceof LocalDate last)) {
				throw new IllegalArgumentException("DTEND is a time, not a day: write DTEND;VALUE=DATE:20260104");
			}
			return last;
		}
		Optional<Property> duration = event.getProperty(Property.DURATION);
		if (duration.isPresent()) {
			return first.plus(Period.parse(duration.get().getValue()));
		}
		return first.plusDays(1);
	}

	/** The line of each BEGIN:VEVENT, in the order of the events. */
	private static List<Integer> eventLines(String text) {
		List<Integer> lines = new ArrayList<>();
		String[] all = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < all.length; i++) {
			if (all[i].strip().equalsIgnoreCase("BEGIN:VEVENT")) {
				lines.add(i + 1);
			}
		}
		return lines;
	}

}
