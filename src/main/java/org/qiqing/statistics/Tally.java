package org.qiqing.statistics;

import java.util.ArrayList;
import java.util.List;

import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTransitioned;
import org.qiqing.casework.RatingReview;

/**
 * The definition of every measure, as code: what one step of a case adds to the rollups.
 * A pure function of the step ({@link CaseTransitioned}), used alike for a live step and
 * a replayed history, so the rebuilt rollups equal the live ones. Every count goes to the
 * step's lead unit and to each co-handling unit (apart, as co-handling).
 */
final class Tally {

	/** One count a step adds: a measure, with its bucket for a histogram (else 0). */
	record Count(Measure measure, int bucket) {
		Count(Measure measure) {
			this(measure, 0);
		}
	}

	private Tally() {
	}

	static List<Count> of(CaseTransitioned step) {
		List<Count> counts = new ArrayList<>(4);
		CaseAction action = step.action();
		switch (action) {
			case SUBMIT -> counts.add(new Count(Measure.RECEIVED));
			case ACCEPT -> {
				counts.add(new Count(Measure.ACCEPTED));
				if (Boolean.TRUE.equals(step.withinLimit())) {
					counts.add(new Count(Measure.ACCEPTED_IN_TIME));
				}
			}
			case DECLINE -> counts.add(new Count(Measure.DECLINED));
			case WITHDRAW -> counts.add(new Count(Measure.WITHDRAWN));
			case ASSIGN -> counts.add(new Count(Measure.ASSIGNED));
			case REASSIGN -> {
				counts.add(new Count(Measure.ASSIGNED));
				counts.add(new Count(Measure.HANDED_OFF));
			}
			case CONTACT -> {
				counts.add(new Count(Measure.CONTACTED));
				if (Boolean.TRUE.equals(step.withinLimit())) {
					counts.add(new Count(Measure.CONTACTED_IN_TIME));
				}
			}
			case RESOLVE -> {
				counts.add(new Count(Measure.RESOLVED));
				if (step.outcome() != null) {
					counts.add(new Count(Measure.resolvedAs(step.outcome())));
				}
				if (Boolean.TRUE.equals(step.withinLimit())) {
					counts.add(new Count(Measure.RESOLVED_ON_TIME));
				}
				if (step.workingDays() != null) {
					counts.add(new Count(Measure.RESOLVE_DAYS, Math.min(step.workingDays(), Measure.LAST_DAY_BUCKET)));
				}
			}
			case RATE, REOPEN, RETURN_VISIT -> {
				if (step.rating() != null) {
					counts.add(new Count(Measure.RATED));
					counts.add(new Count(Measure.ratedAs(step.rating())));
				}
				// A return visit records the enterprise's answer on its behalf: counted
				// as a rating, and apart, so the two can be told apart.
				if (action == CaseAction.RETURN_VISIT) {
					counts.add(new Count(Measure.RETURN_VISITED));
				}
				if (action == CaseAction.REOPEN || step.to() == CaseState.REOPENED) {
					counts.add(new Count(Measure.REOPENED));
				}
			}
			case CLOSE_UNRATED -> counts.add(new Count(Measure.NOT_RATED));
			case REVIEW_RATING -> {
				counts.add(new Count(Measure.RATING_REVIEWED));
				if (step.review() == RatingReview.UNREASONABLE) {
					counts.add(new Count(Measure.RATING_JUDGED_UNREASONABLE));
				}
			}
			case SEND_BACK -> counts.add(new Count(Measure.SENT_BACK));
			case DISPUTE -> counts.add(new Count(Measure.DISPUTED));
			case REJECT_DISPUTE -> counts.add(new Count(Measure.DISPUTE_REJECTED));
			case REQUEST_EXTENSION -> counts.add(new Count(Measure.EXTENSION_REQUESTED));
			case APPROVE_EXTENSION -> counts.add(new Count(Measure.EXTENSION_APPROVED));
			case REQUEST_SUSPENSION -> counts.add(new Count(Measure.SUSPENSION_REQUESTED));
			case APPROVE_SUSPENSION -> counts.add(new Count(Measure.SUSPENDED));
			case URGE -> counts.add(new Count(Measure.URGED));
			case ORDER -> {
				counts.add(new Count(Measure.ORDERED));
				// The platform orders a case itself when its limit passes while a unit
				// holds
				// it (TimerFiring, RED): that order is the step in which it became
				// overdue.
				if (step.bySystem()) {
					counts.add(new Count(Measure.BECAME_OVERDUE));
				}
			}
			case ESCALATE -> counts.add(new Count(Measure.ESCALATED));
			case CRITICISE -> counts.add(new Count(Measure.CRITICISED));
			case CONFIRM -> counts.add(new Count(Measure.CONFIRMED));
			case VERIFY -> counts.add(new Count(Measure.VERIFIED));
			default -> {
			}
		}
		return counts;
	}

}
