package org.qiqing.evaluation;

/**
 * The rule that flags a unit whose enterprises' own ratings are markedly better than its
 * spot-checks say (a sign of coached answers), with every figure behind the verdict.
 * <p>
 * A unit is flagged when all of these hold (docs/evaluation.md):
 * <ol>
 * <li>it has at least {@code flagMinSpotChecks} recorded spot-checks and
 * {@code flagMinOwnRatings} ratings by its enterprises;</li>
 * <li>its own 满意率 minus its spot-checks' 满意率 is at least {@code flagGapPoints} percentage
 * points;</li>
 * <li>the gap is not chance: the lower bound of its confidence interval, Newcombe's
 * hybrid score interval built from the two Wilson intervals, is above zero.</li>
 * </ol>
 * A bare difference flags a unit with 5 spot-checks, 3 of them good (60 %), against 95 %
 * own, although 3 of 5 is well within chance of a unit that satisfies 85 %; the Wilson
 * interval is honest at small counts and near 0 or 100 %, where the normal approximation
 * is not (Brown, Cai, DasGupta 2001).
 *
 * @param ownSatisfied own ratings at a good level (满意 or better, 基本满意 included)
 * @param ownCount own ratings
 * @param spotSatisfied spot-checks that heard a good level
 * @param spotCount spot-checks recorded
 */
public record Disagreement(int ownSatisfied, int ownCount, int spotSatisfied, int spotCount, Double ownShare,
		Double spotShare, Double gapPoints, Double lowerBoundPoints, int thresholdPoints, int minSpotChecks,
		boolean flagged) {

	public static Disagreement judge(int ownSatisfied, int ownCount, int spotSatisfied, int spotCount,
			EvaluationSettings settings) {
		Double own = share(ownSatisfied, ownCount);
		Double spot = share(spotSatisfied, spotCount);
		Double gap = own == null || spot == null ? null : (own - spot) * 100;
		Double lower = null;
		if (gap != null) {
			double[] ownInterval = wilson(ownSatisfied, ownCount, settings.z());
			double[] spotInterval = wilson(spotSatisfied, spotCount, settings.z());
			lower = gap - 100 * Math.sqrt(Math.pow(own - ownInterval[0], 2) + Math.pow(spotInterval[1] - spot, 2));
		}
		boolean flagged = gap != null && spotCount >= settings.flagMinSpotChecks()
				&& ownCount >= settings.flagMinOwnRatings() && gap >= settings.flagGapPoints() - 1e-9 && lower > 0;
		return new Disagreement(ownSatisfied, ownCount, spotSatisfied, spotCount, own, spot, round(gap), round(lower),
				settings.flagGapPoints(), settings.flagMinSpotChecks(), flagged);
	}

	/** The Wilson score interval of {@code k} of {@code n}: {lower, upper}. */
	static double[] wilson(int k, int n, double z) {
		if (n == 0) {
			return new double[] { 0, 1 };
		}
		double p = (double) k / n;
		double z2 = z * z;
		double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
		double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
	}

	private static Double share(int k, int n) {
		return n == 0 ? null : (double) k / n;
	}

	private static Double round(Double points) {
		return points == null ? null : Math.round(points * 10) / 10.0;
	}

}
