package org.qiqing.calendar;

import java.util.List;

/**
 * Thrown when an import of a year's calendar is refused whole: nothing of it was applied.
 * It names every problem found, not only the first, so that the file is mended in one go.
 */
public class CalendarImportRefused extends RuntimeException {

	/**
	 * A problem of the file.
	 *
	 * @param line the line of the row (the header is line 1), of the event's
	 * {@code BEGIN:VEVENT} in an iCalendar file, or 0 for the file as a whole
	 */
	public record Problem(int line, String reason) {
	}

	private final List<Problem> problems;

	public CalendarImportRefused(List<Problem> problems) {
		super(problems.size() + " problems in the file; nothing was imported");
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
