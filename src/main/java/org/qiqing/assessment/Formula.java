package org.qiqing.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A version of the assessment formula (考核公式), in force from a month until a later
 * version's: each indicator's weight in points, then the deductions. A result's score is
 * <pre>
 * indicator points = (Σ weight × rate over the indicators with a denominator)
 *                    / (Σ weight over those indicators) × (Σ weight over all)
 * score            = max(0, indicator points − Σ deductions)
 * </pre> so an indicator with nothing to measure (no ratings in the month) neither costs
 * nor earns: its weight is spread over the others. Without any, the indicator points are
 * the full weights. Every figure is rounded half up to two decimals at the end.
 */
public record Formula(int version, YearMonth validFrom, Map<Indicator, BigDecimal> weights, List<Deduction> deductions,
		String note, Long createdBy, Instant createdAt) {

	private static final MathContext EXACT = MathContext.DECIMAL64;

	public Formula {
		weights = new EnumMap<>(weights.isEmpty() ? Map.of() : weights);
		deductions = List.copyOf(deductions);
	}

	/** What a formula makes of one result's figures. */
	public record Score(BigDecimal indicatorPoints, BigDecimal deductionPoints, BigDecimal score,
			Map<Indicator, Double> rates, Map<String, BigDecimal> deducted) {
	}

	/** The sum of the weights: the best score. */
	public BigDecimal total() {
		return this.weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public Score score(Map<String, Long> figures) {
		BigDecimal weighed = BigDecimal.ZERO;
		BigDecimal present = BigDecimal.ZERO;
		Map<Indicator, Double> rates = new EnumMap<>(Indicator.class);
		for (Map.Entry<Indicator, BigDecimal> weight : this.weights.entrySet()) {
			long[] share = weight.getKey().shareOf(figures);
			if (share == null) {
				continue;
			}
			rates.put(weight.getKey(), (double) share[0] / share[1]);
			weighed = weighed.add(weight.getValue()
				.multiply(BigDecimal.valueOf(share[0]))
				.divide(BigDecimal.valueOf(share[1]), EXACT));
			present = present.add(weight.getValue());
		}
		BigDecimal total = total();
		BigDecimal indicators = present.signum() == 0 ? total : weighed.multiply(total).divide(present, EXACT);
		indicators = indicators.setScale(2, RoundingMode.HALF_UP);
		BigDecimal deductions = BigDecimal.ZERO;
		Map<String, BigDecimal> deducted = new LinkedHashMap<>();
		for (Deduction deduction : this.deductions) {
			BigDecimal points = deduction.pointsFor(figures);
			if (points.signum() > 0) {
				deducted.merge(deduction.measure(), points, BigDecimal::add);
			}
			deductions = deductions.add(points);
		}
		deductions = deductions.setScale(2, RoundingMode.HALF_UP);
		BigDecimal score = indicators.subtract(deductions).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
		return new Score(indicators, deductions, score, rates, deducted);
	}

	/** The formula as one line of text, part of every frozen month's hash. */
	public String canonical() {
		List<String> parts = new ArrayList<>();
		parts.add("v" + this.version);
		parts.add(this.validFrom.toString());
		this.weights.forEach(
				(indicator, weight) -> parts.add(indicator.name() + "=" + weight.stripTrailingZeros().toPlainString()));
		this.deductions.stream().map(Deduction::canonical).sorted().forEach(parts::add);
		return String.join(";", parts);
	}

}
