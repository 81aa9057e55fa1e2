package org.qiqing.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The flag rule on hand-made numbers (docs/evaluation.md): at least 5 spot-checks and 5
 * own ratings, a gap of at least 20 points, and a gap whose 95 % lower bound (Newcombe,
 * from Wilson intervals) is above zero.
 */
class DisagreementTests {

	private static final EvaluationSettings SETTINGS = new EvaluationSettings(0.10, 3, 20, 5, 5, 1.96);

	@Test
	void aUnitRatedWellByItsEnterprisesButBadlyOnTheCallsIsFlaggedWithItsFigures() {
		Disagreement d = Disagreement.judge(95, 100, 4, 10, SETTINGS);
		assertThat(d.flagged()).isTrue();
		assertThat(d.ownShare()).isEqualTo(0.95);
		assertThat(d.spotShare()).isEqualTo(0.4);
		assertThat(d.gapPoints()).isEqualTo(55.0);
		assertThat(d.lowerBoundPoints()).isGreaterThan(0.0).isLessThan(55.0);
		assertThat(d.thresholdPoints()).isEqualTo(20);
		assertThat(d.minSpotChecks()).isEqualTo(5);
	}

	@Test
	void aGapBelowTheThresholdIsNotFlaggedHoweverSure() {
		Disagreement d = Disagreement.judge(950, 1000, 800, 1000, SETTINGS);
		assertThat(d.gapPoints()).isEqualTo(15.0);
		assertThat(d.lowerBoundPoints()).isGreaterThan(0.0);
		assertThat(d.flagged()).isFalse();
	}

	@Test
	void tooFewSpotChecksAreNeverEnough() {
		assertThat(Disagreement.judge(100, 100, 0, 4, SETTINGS).flagged()).isFalse();
		assertThat(Disagreement.judge(100, 100, 0, 5, SETTINGS).flagged()).isTrue();
		assertThat(Disagreement.judge(4, 4, 0, 10, SETTINGS).flagged()).isFalse();
	}

	@Test
	void aLargeGapThatChanceExplainsIsNotFlagged() {
		// 3 of 5 spot-checks good (60 %) against 85 % own: 25 points, but 3 of 5 is well
		// within chance of a unit that satisfies 85 %.
		Disagreement d = Disagreement.judge(85, 100, 3, 5, SETTINGS);
		assertThat(d.gapPoints()).isEqualTo(25.0);
		assertThat(d.lowerBoundPoints()).isLessThan(0.0);
		assertThat(d.flagged()).isFalse();
	}

	@Test
	void spotChecksBetterThanOwnRatingsAreNoSignOfCoaching() {
		Disagreement d = Disagreement.judge(60, 100, 10, 10, SETTINGS);
		assertThat(d.gapPoints()).isEqualTo(-40.0);
		assertThat(d.flagged()).isFalse();
	}

	@Test
	void noRatingsGiveNoFigures() {
		Disagreement d = Disagreement.judge(0, 0, 3, 6, SETTINGS);
		assertThat(d.ownShare()).isNull();
		assertThat(d.gapPoints()).isNull();
		assertThat(d.flagged()).isFalse();
	}

	@Test
	void wilsonIntervalsMatchThePublishedValues() {
		// Newcombe (1998), Table I: 81/263 → 0.2553–0.3662; 0/10 → 0–0.2775.
		double[] a = Disagreement.wilson(81, 263, 1.96);
		assertThat(a[0]).isCloseTo(0.2553, within(0.0005));
		assertThat(a[1]).isCloseTo(0.3662, within(0.0005));
		double[] b = Disagreement.wilson(0, 10, 1.96);
		assertThat(b[0]).isCloseTo(0.0, within(0.0005));
		assertThat(b[1]).isCloseTo(0.2775, within(0.0005));
	}

}
