package org.qiqing.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.qiqing.casework.AnswerMethod;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTimes;
import org.qiqing.casework.Channel;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.Priority;
import org.qiqing.casework.Rating;
import org.qiqing.casework.RatingReview;
import org.qiqing.casework.RatingSource;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;

/**
 * A case as the API shows it, with the steps the caller may take now. An enterprise
 * contact does not see what only internal steps set (a requested extension).
 */
record CaseView(long id, String number, CaseKind kind, Priority priority, Channel channel, CaseState state,
		String title, String description, Long categoryId, Long enterpriseId, String regionCode, Long leadUnitId,
		Set<Long> coUnitIds, LocalDate dueDate, LocalDate requestedDueDate, Outcome outcome, String answer,
		String referral, Rating rating, int handoffs, int reopenCount, TimeState timeState, Instant limitAt,
		Integer workingDaysLeft, Long escalatedUnitId, Instant verifiedAt, Instant createdAt, Instant updatedAt,
		int version, List<String> allowedActions, RatingSource ratingSource, String respondentName,
		String respondentRole, Instant answeredAt, AnswerMethod answerMethod, RatingReview ratingReview,
		String ratingReviewReason) {

	static CaseView of(Case kase, CaseTimes.TimeStatus time, List<CaseAction> allowed, Actor actor) {
		return new CaseView(kase.getId(), kase.getNumber(), kase.getKind(), kase.getPriority(), kase.getChannel(),
				kase.getState(), kase.getTitle(), kase.getDescription(), kase.getCategoryId(), kase.getEnterpriseId(),
				kase.getRegionCode(), kase.getLeadUnitId(), kase.getCoUnitIds(), kase.getDueDate(),
				actor.isEnterpriseContact() ? null : kase.getRequestedDueDate(), kase.getOutcome(), kase.getAnswer(),
				kase.getReferral(), kase.getRating(), kase.getHandoffs(), kase.getReopenCount(), time.state(),
				time.limitAt(), time.workingDaysLeft(), kase.getEscalatedUnitId(),
				actor.isEnterpriseContact() ? null : kase.getVerifiedAt(), kase.getCreatedAt(), kase.getUpdatedAt(),
				kase.getVersion(), allowed.stream().map(CaseAction::slug).toList(), kase.getRatingSource(),
				kase.getRespondentName(), kase.getRespondentRole(), kase.getAnsweredAt(), kase.getAnswerMethod(),
				kase.getRatingReview(), kase.getRatingReviewReason());
	}

}
