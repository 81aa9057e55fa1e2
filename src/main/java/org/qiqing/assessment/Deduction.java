package org.qiqing.assessment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A deduction of a formula: {@code points} for each count of a measure of the statistics
 * (less the count of another, or none), up to {@code cap} points (null: no cap). Keyed by
 * the measure's name, so a measure added to the statistics (CRITICISED) is one row; the
 * name {@link #ACCOUNTABILITY} counts the accountability decisions of the month
 * ({@link AccountabilityDecisions}).
 *
 * @param less a measure whose count is subtracted ({@code RATING_JUDGED_UNREASONABLE}
 * from {@code RATING_REVIEWED}: the bad ratings upheld), or ""
 */
public record Deduction(String measure, String less, BigDecimal points, BigDecimal cap) {

	/** The slot for the accountability register, which comes later. */
	public static final String ACCOUNTABILITY = "ACCOUNTABILITY";

	public Deduction {
		less = less == null ? "" : less;
	}

	/** How many counts it deducts for (never below 0). */
	public long countIn(Map<String, Long> figures) {
		long n = figures.getOrDefault(this.measure, 0L)
				- (this.less.isEmpty() ? 0 : figures.getOrDefault(this.less, 0L));
		return Math.max(n, 0);
	}

	/** Its points for the figures, capped. */
	public BigDecimal pointsFor(Map<String, Long> figures) {
		BigDecimal points = this.points.multiply(BigDecimal.valueOf(countIn(figures)));
		return this.cap != null && points.compareTo(this.cap) > 0 ? this.cap : points;
	}

	String canonical() {
		return this.measure + "-" + this.less + "*" + this.points.stripTrailingZeros().toPlainString() + "<"
				+ (this.cap == null ? "" : this.cap.stripTrailingZeros().toPlainString());
	}

}
