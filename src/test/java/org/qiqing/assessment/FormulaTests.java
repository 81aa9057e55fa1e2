package org.qiqing.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formula's arithmetic on hand-made figures: weights, indicators without a
 * denominator, deductions with their caps and subtractions, the floor at zero, a measure
 * the statistics do not count yet, the ranks of a league and the canonical hash.
 */
class FormulaTests {

	static Formula standard(List<Deduction> deductions) {
		Map<Indicator, BigDecimal> weights = new EnumMap<>(Indicator.class);
		weights.put(Indicator.ON_TIME, new BigDecimal("40"));
		weights.put(Indicator.SATISFACTION, new BigDecimal("30"));
		weights.put(Indicator.SOLVED, new BigDecimal("20"));
		weights.put(Indicator.RESPONSE, new BigDecimal("10"));
		return new Formula(1, YearMonth.of(2000, 1), weights, deductions, "test", null, Instant.EPOCH);
	}

	static List<Deduction> standardDeductions() {
		return List.of(new Deduction("BECAME_OVERDUE", "", new BigDecimal("2"), new BigDecimal("20")),
				new Deduction("ORDERED", "", new BigDecimal("1"), new BigDecimal("10")), new Deduction(
						"RATING_REVIEWED", "RATING_JUDGED_UNREASONABLE", new BigDecimal("1"), new BigDecimal("10")));
	}

	static Map<String, Long> figures(Object... pairs) {
		Map<String, Long> figures = new TreeMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			figures.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
		}
		return figures;
	}

	@Test
	void weightsTimesRatesLessDeductions() {
		Formula.Score score = standard(standardDeductions()).score(figures("RESOLVED", 10, "RESOLVED_ON_TIME", 8,
				"RESOLVED_SOLVED", 5, "RATED", 4, "RATED_SATISFIED", 3, "RATED_UNSATISFIED", 1, "CONTACTED", 5,
				"CONTACTED_IN_TIME", 5, "BECAME_OVERDUE", 2, "ORDERED", 1, "RATING_REVIEWED", 1));
		// 40 × 0.8 + 30 × 0.75 + 20 × 0.5 + 10 × 1 = 74.5; 2 × 2 + 1 + 1 = 6
		assertThat(score.indicatorPoints()).isEqualByComparingTo("74.50");
		assertThat(score.deductionPoints()).isEqualByComparingTo("6.00");
		assertThat(score.score()).isEqualByComparingTo("68.50");
		assertThat(score.rates()).containsEntry(Indicator.SATISFACTION, 0.75);
		assertThat(score.deducted()).containsEntry("BECAME_OVERDUE", new BigDecimal("4"));
	}

	@Test
	void anIndicatorWithNothingToMeasureGivesItsWeightToTheOthers() {
		// no ratings: (32 + 10 + 10) / 70 × 100 = 74.2857…
		Formula.Score score = standard(List.of()).score(figures("RESOLVED", 10, "RESOLVED_ON_TIME", 8,
				"RESOLVED_SOLVED", 5, "CONTACTED", 5, "CONTACTED_IN_TIME", 5));
		assertThat(score.indicatorPoints()).isEqualByComparingTo("74.29");
		assertThat(score.rates()).doesNotContainKey(Indicator.SATISFACTION);
	}

	@Test
	void withoutAnythingToMeasureTheIndicatorsGiveFullMarks() {
		assertThat(standard(standardDeductions()).score(figures("ORDERED", 3)).score()).isEqualByComparingTo("97.00");
	}

	@Test
	void aDeductionStopsAtItsCapAndTheScoreAtZero() {
		Formula formula = standard(standardDeductions());
		assertThat(formula.score(figures("BECAME_OVERDUE", 15)).deductionPoints()).isEqualByComparingTo("20");
		Formula harsh = standard(List.of(new Deduction("ORDERED", "", new BigDecimal("30"), null)));
		assertThat(harsh.score(figures("ORDERED", 5)).score()).isEqualByComparingTo("0.00");
	}

	@Test
	void onlyTheBadRatingsUpheldAfterReviewAreDeducted() {
		Formula formula = standard(standardDeductions());
		assertThat(formula.score(figures("RATING_REVIEWED", 3, "RATING_JUDGED_UNREASONABLE", 1)).deductionPoints())
			.isEqualByComparingTo("2");
		assertThat(formula.score(figures("RATING_REVIEWED", 1, "RATING_JUDGED_UNREASONABLE", 1)).deductionPoints())
			.isEqualByComparingTo("0");
	}

	@Test
	void aMeasureAddedLaterIsOneRow() {
		List<Deduction> deductions = new ArrayList<>(standardDeductions());
		deductions.add(new Deduction("CRITICISED", "", new BigDecimal("3"), null));
		deductions.add(new Deduction(Deduction.ACCOUNTABILITY, "", new BigDecimal("5"), null));
		Formula formula = standard(deductions);
		assertThat(formula.score(figures()).deductionPoints()).isEqualByComparingTo("0");
		assertThat(formula.score(figures("CRITICISED", 2, "ACCOUNTABILITY", 1)).deductionPoints())
			.isEqualByComparingTo("11");
	}

	@Test
	void equalScoresShareARankAndTheNextSkips() {
		List<AssessmentFreeze.Scored> scored = new ArrayList<>();
		String[] scores = { "80", "95", "80", "60" };
		for (int i = 0; i < scores.length; i++) {
			AssessmentFreeze.Subjected subject = new AssessmentFreeze.Subjected(
					new Snapshot.Subject('U', i + 1, "330421"), "/330400/330421/", "DEPARTMENT@330421",
					new TreeMap<>());
			BigDecimal s = new BigDecimal(scores[i]);
			scored.add(new AssessmentFreeze.Scored(subject, Map.of(), Map.of(),
					new Formula.Score(s, BigDecimal.ZERO, s, Map.of(), Map.of())));
		}
		Map<Long, Integer> ranks = new TreeMap<>();
		Leagues.rank(scored).forEach(r -> ranks.put(r.subject().unitId(), r.rank()));
		assertThat(ranks).isEqualTo(new TreeMap<>(Map.of(1L, 2, 2L, 1, 3L, 2, 4L, 4)));
	}

	@Test
	void theHashCoversTheFiguresAndTheFormula() {
		Snapshot.Result result = new Snapshot.Result(new Snapshot.Subject('U', 7, "330421"), "/330400/330421/",
				"DEPARTMENT@330421", figures("RESOLVED", 2), Map.of(), new BigDecimal("100.00"), BigDecimal.ZERO,
				new BigDecimal("100.00"), 1, 1);
		Snapshot one = new Snapshot(YearMonth.of(2026, 11), standard(standardDeductions()), List.of(result), List.of());
		Snapshot same = new Snapshot(YearMonth.of(2026, 11), standard(standardDeductions()), List.of(result),
				List.of());
		assertThat(one.hash()).hasSize(64).isEqualTo(same.hash());
		Snapshot.Result changed = new Snapshot.Result(result.subject(), result.regionPath(), result.league(),
				figures("RESOLVED", 3), Map.of(), result.indicatorPoints(), result.deductionPoints(), result.score(), 1,
				1);
		assertThat(new Snapshot(YearMonth.of(2026, 11), standard(standardDeductions()), List.of(changed), List.of())
			.hash()).isNotEqualTo(one.hash());
		assertThat(new Snapshot(YearMonth.of(2026, 11), standard(List.of()), List.of(result), List.of()).hash())
			.isNotEqualTo(one.hash());
		assertThat(Snapshot.figures(Snapshot.text(figures("B", 2, "A", 1, "C", 0)))).isEqualTo(figures("A", 1, "B", 2));
	}

}
