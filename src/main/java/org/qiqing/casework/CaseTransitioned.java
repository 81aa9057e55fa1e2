package org.qiqing.casework;

import java.time.Instant;
import java.util.Set;

/**
 * Published in the transaction of every step of a case, for the modules that watch cases
 * (statistics counts from it alone). {@link CaseHistories} replays the same record from a
 * case's history, so what is counted live can be counted again from the histories.
 *
 * @param at when the step was taken
 * @param filedAt when the case was filed
 * @param leadUnitId the lead unit after the step
 * @param coUnitIds the co-handling units after the step
 * @param previousLeadUnitId the lead unit before the step
 * @param previousCoUnitIds the co-handling units before the step
 * @param outcome the outcome of a resolution (after the step)
 * @param rating the rating the step gave (RATE, REOPEN, RETURN_VISIT), else null
 * @param bySystem whether the platform took the step itself (a timer)
 * @param withinLimit for ACCEPT, CONTACT and RESOLVE: whether it came within its limit
 * ({@link StepTimes}); null for the other steps
 * @param workingDays for RESOLVE: working days from filing to the resolution
 * @param review for REVIEW_RATING: the supervisor's verdict on the bad rating, else null
 */
public record CaseTransitioned(long caseId, String number, CaseAction action, CaseState from, CaseState to,
		Long leadUnitId, CaseKind kind, Channel channel, Long categoryId, String regionCode, String regionPath,
		Set<Long> coUnitIds, Long previousLeadUnitId, Set<Long> previousCoUnitIds, Instant at, Instant filedAt,
		Outcome outcome, Rating rating, boolean bySystem, Boolean withinLimit, Integer workingDays,
		RatingReview review) {

	public CaseTransitioned {
		coUnitIds = Set.copyOf(coUnitIds);
		previousCoUnitIds = Set.copyOf(previousCoUnitIds);
	}

}
