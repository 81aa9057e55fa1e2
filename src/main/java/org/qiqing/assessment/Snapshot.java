package org.qiqing.assessment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A month's results as they are frozen: every unit's and region's figures, adjustments
 * carried in, points, score and rank, under one formula; and the SHA-256 of its canonical
 * text, which names nothing that may change later (no names, no moment of freezing).
 */
public record Snapshot(YearMonth month, Formula formula, List<Result> results, List<Adjustment> adjustments) {

	/** U: a unit; R: a region (unit 0). */
	public record Subject(char kind, long unitId, String regionCode) implements Comparable<Subject> {

		private static final Comparator<Subject> ORDER = Comparator.comparing(Subject::kind)
			.thenComparingLong(Subject::unitId)
			.thenComparing(Subject::regionCode);

		@Override
		public int compareTo(Subject other) {
			return ORDER.compare(this, other);
		}

		String canonical() {
			return this.kind + "|" + this.unitId + "|" + this.regionCode;
		}

	}

	/** One result of the month. */
	public record Result(Subject subject, String regionPath, String league, Map<String, Long> figures,
			Map<String, Long> adjusted, BigDecimal indicatorPoints, BigDecimal deductionPoints, BigDecimal score,
			int rank, int leagueSize) {

		String canonical() {
			return String.join("|", this.subject.canonical(), this.regionPath, this.league, text(this.figures),
					text(this.adjusted), plain(this.indicatorPoints), plain(this.deductionPoints), plain(this.score),
					Integer.toString(this.rank), Integer.toString(this.leagueSize));
		}

	}

	/** Counts of an earlier frozen month that arrived after it was frozen. */
	public record Adjustment(YearMonth ofMonth, Subject subject, String measure, long delta) {

		String canonical() {
			return String.join("|", "A", this.ofMonth.toString(), this.subject.canonical(), this.measure,
					Long.toString(this.delta));
		}

	}

	public String canonical() {
		StringBuilder text = new StringBuilder();
		text.append("qiqing-assessment-1|")
			.append(this.month)
			.append('|')
			.append(this.formula.canonical())
			.append('\n');
		List<Result> sorted = new ArrayList<>(this.results);
		sorted.sort(Comparator.comparing(Result::subject));
		sorted.forEach(r -> text.append(r.canonical()).append('\n'));
		this.adjustments.stream().map(Adjustment::canonical).sorted().forEach(a -> text.append(a).append('\n'));
		return text.toString();
	}

	public String hash() {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Figures as canonical text: MEASURE=n in name order, zeros left out. */
	public static String text(Map<String, Long> figures) {
		StringBuilder out = new StringBuilder();
		new TreeMap<>(figures).forEach((measure, n) -> {
			if (n != 0) {
				out.append(out.isEmpty() ? "" : ",").append(measure).append('=').append(n);
			}
		});
		return out.toString();
	}

	/** The figures of canonical text. */
	public static Map<String, Long> figures(String text) {
		Map<String, Long> figures = new TreeMap<>();
		if (text != null && !text.isEmpty()) {
			for (String pair : text.split(",")) {
				int eq = pair.indexOf('=');
				figures.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
			}
		}
		return figures;
	}

	private static String plain(BigDecimal n) {
		return n.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

}
