package org.qiqing.linkage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

/**
 * The period a coverage is asked for: a month ({@code 2026-11}), a quarter
 * ({@code 2026-Q4}), a half-year ({@code 2026-H2}) or a year ({@code 2026}).
 *
 * @param key the text that names it
 */
public record CoveragePeriod(String key, LocalDate from, LocalDate to) {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** The month holding a day. */
	public static CoveragePeriod monthOf(LocalDate day) {
		return of(YearMonth.from(day).toString(), LinkFrequency.MONTHLY, day);
	}

	/** The period a text names; the month of {@code today} when it is blank. */
	public static CoveragePeriod parse(String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			return monthOf(today);
		}
		String value = text.strip().toUpperCase(java.util.Locale.ROOT);
		Matcher quarter = QUARTER.matcher(value);
		if (quarter.matches()) {
			int month = (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1;
			return of(value, LinkFrequency.QUARTERLY, LocalDate.of(Integer.parseInt(quarter.group(1)), month, 1));
		}
		Matcher half = HALF.matcher(value);
		if (half.matches()) {
			int month = half.group(2).equals("1") ? 1 : 7;
			return of(value, LinkFrequency.HALF_YEARLY, LocalDate.of(Integer.parseInt(half.group(1)), month, 1));
		}
		if (YEAR.matcher(value).matches()) {
			return of(value, LinkFrequency.YEARLY, LocalDate.of(Integer.parseInt(value), 1, 1));
		}
		try {
			return of(YearMonth.parse(value).toString(), LinkFrequency.MONTHLY, YearMonth.parse(value).atDay(1));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("period", Text.of("error.link.period", text));
		}
	}

	private static CoveragePeriod of(String key, LinkFrequency length, LocalDate day) {
		return new CoveragePeriod(key, length.windowStart(day), length.windowEnd(day));
	}

	/** The month before and after, the quarter before and after, and so on. */
	public CoveragePeriod previous() {
		return shifted(-1);
	}

	public CoveragePeriod next() {
		return shifted(1);
	}

	private CoveragePeriod shifted(int by) {
		int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(this.from, this.to.plusDays(1));
		LocalDate from = this.from.plusMonths((long) months * by);
		String key = switch (months) {
			case 1 -> YearMonth.from(from).toString();
			case 3 -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
			case 6 -> from.getYear() + "-H" + (from.getMonthValue() < 7 ? 1 : 2);
			default -> Integer.toString(from.getYear());
		};
		return parse(key, from);
	}

}
