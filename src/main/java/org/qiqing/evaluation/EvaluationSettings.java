package org.qiqing.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of conduct evaluation ({@code qiqing.evaluation.*}); docs/evaluation.md.
 *
 * @param sampleShare the share of a period's closed cases a spot-check draw takes when
 * the drawer names none (0.10: one in ten)
 * @param minAnswersShown the fewest answers of a unit before any figure of them is shown,
 * to anyone: fewer could point at one enterprise
 * @param flagGapPoints the least gap, in percentage points, between a unit's own 满意率 and
 * its spot-checks' before it is flagged
 * @param flagMinSpotChecks the fewest recorded spot-checks of a unit before it may be
 * flagged
 * @param flagMinOwnRatings the fewest ratings by its enterprises before it may be flagged
 * @param z the normal quantile of the confidence of the Wilson intervals (1.96: 95 %)
 */
@ConfigurationProperties("qiqing.evaluation")
public record EvaluationSettings(@DefaultValue("0.10") double sampleShare, @DefaultValue("3") int minAnswersShown,
		@DefaultValue("20") int flagGapPoints, @DefaultValue("5") int flagMinSpotChecks,
		@DefaultValue("5") int flagMinOwnRatings, @DefaultValue("1.96") double z) {
}
