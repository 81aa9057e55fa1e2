package org.qiqing.assessment;

import java.util.List;
import java.util.Map;

/**
 * A rate a formula weighs, each a share of two of the statistics' measures (their names,
 * {@code statistics.Measure}); its words are {@code assessment.indicator.NAME} and
 * {@code .definition}.
 */
public enum Indicator {

	/** 按期办结率: resolutions on or before the due date, among resolutions. */
	ON_TIME(List.of("RESOLVED_ON_TIME"), "RESOLVED"),
	/** 满意率: ratings at the three good levels, among ratings. */
	SATISFACTION(List.of("RATED_VERY_SATISFIED", "RATED_SATISFIED", "RATED_BASICALLY_SATISFIED"), "RATED"),
	/** 解决率: resolutions that solved the difficulty, among resolutions. */
	SOLVED(List.of("RESOLVED_SOLVED"), "RESOLVED"),
	/** 响应率: contacts within the limit, among contacts. */
	RESPONSE(List.of("CONTACTED_IN_TIME"), "CONTACTED"),
	/** 受理及时率: acceptances within the limit, among acceptances. */
	ACCEPTED_IN_TIME(List.of("ACCEPTED_IN_TIME"), "ACCEPTED");

	private final List<String> numerator;

	private final String denominator;

	Indicator(List<String> numerator, String denominator) {
		this.numerator = numerator;
		this.denominator = denominator;
	}

	public List<String> numerator() {
		return this.numerator;
	}

	public String denominator() {
		return this.denominator;
	}

	/** Its counts in the figures, or null when the denominator is 0. */
	public long[] shareOf(Map<String, Long> figures) {
		long whole = figures.getOrDefault(this.denominator, 0L);
		if (whole == 0) {
			return null;
		}
		long part = 0;
		for (String measure : this.numerator) {
			part += figures.getOrDefault(measure, 0L);
		}
		return new long[] { Math.min(part, whole), whole };
	}

	public String messageKey() {
		return "assessment.indicator." + name();
	}

}
