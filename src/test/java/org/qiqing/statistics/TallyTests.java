package org.qiqing.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTransitioned;
import org.qiqing.casework.Channel;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.Rating;
import org.qiqing.casework.RatingReview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.casework.CaseAction.*;
import static org.qiqing.casework.CaseState.*;

/**
 * Every measure's definition on hand-made histories: what each step adds, with
 * reopenings, extensions, suspensions, disputes and hand-offs, and the states now.
 */
class TallyTests {

	private static final long DEPT = 11;

	private static final long OTHER = 12;

	private static final long CO = 13;

	/** A case's history, written step by step as the engine would publish it. */
	private static final class History {

		final List<CaseTransitioned> steps = new ArrayList<>();

		CaseState state;

		Long lead;

		Set<Long> co = Set.of();

		Instant at = Instant.parse("2026-03-02T01:00:00Z");

		/** The verdict the next step carries (a review of a bad rating). */
		RatingReview verdict;

		History step(CaseAction action, CaseState to) {
			return step(action, to, null, null, null, false, null);
		}

		History review(RatingReview verdict) {
			this.verdict = verdict;
			step(REVIEW_RATING, CLOSED);
			this.verdict = null;
			return this;
		}

		History step(CaseAction action, CaseState to, Outcome outcome, Rating rating, Boolean within, boolean bySystem,
				Integer days) {
			CaseState from = this.state;
			Long leadBefore = this.lead;
			Set<Long> coBefore = this.co;
			this.at = this.at.plusSeconds(3600);
			this.steps.add(new CaseTransitioned(1L, "QQ-1", action, from, to, this.lead, CaseKind.ENTERPRISE_REQUEST,
					Channel.SELF_SERVICE, 7L, "330421100", "/330400/330421/330421100/", this.co, leadBefore, coBefore,
					this.at, Instant.parse("2026-03-02T01:00:00Z"), outcome, rating, bySystem, within, days,
					this.verdict));
			this.state = to;
			return this;
		}

		History assign(CaseAction action, long unit, Set<Long> coUnits) {
			CaseState from = this.state;
			Long leadBefore = this.lead;
			Set<Long> coBefore = this.co;
			this.lead = unit;
			this.co = coUnits;
			this.at = this.at.plusSeconds(3600);
			this.steps.add(new CaseTransitioned(1L, "QQ-1", action, from, ASSIGNED, unit, CaseKind.ENTERPRISE_REQUEST,
					Channel.SELF_SERVICE, 7L, "330421100", "/330400/330421/330421100/", coUnits, leadBefore, coBefore,
					this.at, Instant.parse("2026-03-02T01:00:00Z"), null, null, false, null, null, null));
			this.state = ASSIGNED;
			return this;
		}

		/** The counts of the lead units, by measure (and bucket for the histogram). */
		Map<String, Long> counts(String role) {
			Map<Cells.Cell, Long> cells = new HashMap<>();
			this.steps.forEach(step -> Cells.count(step, cells));
			Map<String, Long> counts = new HashMap<>();
			cells.forEach((cell, n) -> {
				if (cell.role().equals(role)) {
					String key = cell.measure() + (cell.bucket() == 0 ? "" : ":" + cell.bucket());
					counts.merge(key, n, Long::sum);
				}
			});
			return counts;
		}

		Map<String, Long> statesNow() {
			Map<Cells.StateCell, Long> cells = new HashMap<>();
			this.steps.forEach(step -> Cells.move(step, cells));
			Map<String, Long> states = new HashMap<>();
			cells.forEach((cell, n) -> {
				if (n != 0) {
					states.merge(cell.role() + cell.unitId() + ":" + cell.state(), n, Long::sum);
				}
			});
			return states;
		}

	}

	private static History filedAndAssigned() {
		History h = new History();
		h.step(SUBMIT, SUBMITTED);
		h.step(ACCEPT, ACCEPTED, null, null, true, false, null);
		h.assign(ASSIGN, DEPT, Set.of());
		return h;
	}

	@Test
	void aSolvedCaseOnTimeIsReceivedAcceptedContactedResolvedSolvedAndRated() {
		History h = filedAndAssigned();
		h.step(CONTACT, IN_PROGRESS, null, null, false, false, null);
		h.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 4);
		h.step(RATE, CLOSED, Outcome.SOLVED, Rating.SATISFIED, null, false, null);
		assertThat(h.counts(Cells.LEAD)).containsEntry("RECEIVED", 1L)
			.containsEntry("ACCEPTED", 1L)
			.containsEntry("ACCEPTED_IN_TIME", 1L)
			.containsEntry("ASSIGNED", 1L)
			.containsEntry("CONTACTED", 1L)
			.doesNotContainKey("CONTACTED_IN_TIME")
			.containsEntry("RESOLVED", 1L)
			.containsEntry("RESOLVED_SOLVED", 1L)
			.containsEntry("RESOLVED_ON_TIME", 1L)
			.containsEntry("RESOLVE_DAYS:4", 1L)
			.containsEntry("RATED", 1L)
			.containsEntry("RATED_SATISFIED", 1L);
		// Filed and accepted before any unit held it: counted for no unit (0).
		assertThat(h.statesNow()).containsExactly(Map.entry("L11:CLOSED", 1L));
	}

	@Test
	void aReturnVisitCountsAsARatingAndApartAndAnUnratedCloseIsNeverSatisfied() {
		History visited = filedAndAssigned();
		visited.step(CONTACT, IN_PROGRESS);
		visited.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 3);
		visited.step(RETURN_VISIT, CLOSED, Outcome.SOLVED, Rating.SATISFIED, null, false, null);
		assertThat(visited.counts(Cells.LEAD)).containsEntry("RATED", 1L)
			.containsEntry("RATED_SATISFIED", 1L)
			.containsEntry("RETURN_VISITED", 1L)
			.doesNotContainKey("REOPENED");

		History unrated = filedAndAssigned();
		unrated.step(CONTACT, IN_PROGRESS);
		unrated.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 3);
		unrated.step(CLOSE_UNRATED, CLOSED, Outcome.SOLVED, null, null, true, null);
		assertThat(unrated.counts(Cells.LEAD)).containsEntry("NOT_RATED", 1L)
			.doesNotContainKey("RATED")
			.doesNotContainKey("RATED_SATISFIED");
	}

	@Test
	void aBadReturnVisitReopensAndAReviewedBadRatingStaysCountedWithItsVerdictApart() {
		History h = filedAndAssigned();
		h.step(CONTACT, IN_PROGRESS);
		h.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 3);
		h.step(RETURN_VISIT, REOPENED, Outcome.SOLVED, Rating.UNSATISFIED, null, false, null);
		h.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 5);
		h.step(RATE, CLOSED, Outcome.SOLVED, Rating.VERY_UNSATISFIED, null, false, null);
		h.review(RatingReview.UNREASONABLE);
		assertThat(h.counts(Cells.LEAD)).containsEntry("REOPENED", 1L)
			.containsEntry("RATED", 2L)
			.containsEntry("RATED_VERY_UNSATISFIED", 1L)
			.containsEntry("RATING_REVIEWED", 1L)
			.containsEntry("RATING_JUDGED_UNREASONABLE", 1L);
		History upheld = filedAndAssigned();
		upheld.step(CONTACT, IN_PROGRESS);
		upheld.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 3);
		upheld.step(RATE, CLOSED, Outcome.SOLVED, Rating.VERY_UNSATISFIED, null, false, null);
		upheld.review(RatingReview.UPHELD);
		assertThat(upheld.counts(Cells.LEAD)).containsEntry("RATING_REVIEWED", 1L)
			.doesNotContainKey("RATING_JUDGED_UNREASONABLE");
	}

	@Test
	void anExplainedResolutionIsResolvedButNotSolved() {
		History h = filedAndAssigned();
		h.step(CONTACT, IN_PROGRESS, null, null, true, false, null);
		h.step(RESOLVE, RESOLVED, Outcome.EXPLAINED, null, false, false, 12);
		assertThat(h.counts(Cells.LEAD)).containsEntry("RESOLVED", 1L)
			.containsEntry("RESOLVED_EXPLAINED", 1L)
			.doesNotContainKey("RESOLVED_SOLVED")
			.doesNotContainKey("RESOLVED_ON_TIME")
			.containsEntry("RESOLVE_DAYS:12", 1L);
	}

	@Test
	void aBadRatingReopensAndTheSecondResolutionCountsAgain() {
		History h = filedAndAssigned();
		h.step(CONTACT, IN_PROGRESS);
		h.step(RESOLVE, RESOLVED, Outcome.SOLVED, null, true, false, 3);
		h.step(REOPEN, REOPENED, null, Rating.UNSATISFIED, null, false, null);
		h.step(RESOLVE, RESOLVED, Outcome.UNSOLVABLE, null, true, false, 8);
		h.step(RATE, CLOSED, Outcome.UNSOLVABLE, Rating.BASICALLY_SATISFIED, null, false, null);
		assertThat(h.counts(Cells.LEAD)).containsEntry("REOPENED", 1L)
			.containsEntry("RESOLVED", 2L)
			.containsEntry("RESOLVED_SOLVED", 1L)
			.containsEntry("RESOLVED_UNSOLVABLE", 1L)
			.containsEntry("RATED", 2L)
			.containsEntry("RATED_UNSATISFIED", 1L)
			.containsEntry("RATED_BASICALLY_SATISFIED", 1L)
			.containsEntry("RESOLVE_DAYS:3", 1L)
			.containsEntry("RESOLVE_DAYS:8", 1L);
	}

	@Test
	void extensionsAndSuspensionsAreCountedWhenAskedAndWhenGranted() {
		History h = filedAndAssigned();
		h.step(CONTACT, IN_PROGRESS);
		h.step(REQUEST_EXTENSION, EXTENSION_REQUESTED);
		h.step(APPROVE_EXTENSION, IN_PROGRESS);
		h.step(REQUEST_EXTENSION, EXTENSION_REQUESTED);
		h.step(REFUSE_EXTENSION, IN_PROGRESS);
		h.step(REQUEST_SUSPENSION, SUSPENSION_REQUESTED);
		h.step(APPROVE_SUSPENSION, SUSPENDED);
		h.step(RESUME, IN_PROGRESS);
		assertThat(h.counts(Cells.LEAD)).containsEntry("EXTENSION_REQUESTED", 2L)
			.containsEntry("EXTENSION_APPROVED", 1L)
			.containsEntry("SUSPENSION_REQUESTED", 1L)
			.containsEntry("SUSPENDED", 1L);
		assertThat(h.statesNow()).containsExactly(Map.entry("L11:IN_PROGRESS", 1L));
	}

	@Test
	void aDisputeHandedOffMovesTheCaseAndItsCountsToTheNewUnit() {
		History h = filedAndAssigned();
		h.step(DISPUTE, DISPUTED);
		h.step(REJECT_DISPUTE, ASSIGNED);
		h.step(DISPUTE, DISPUTED);
		h.assign(REASSIGN, OTHER, Set.of(CO));
		h.step(CONTACT, IN_PROGRESS);
		Map<String, Long> lead = h.counts(Cells.LEAD);
		assertThat(lead).containsEntry("DISPUTED", 2L)
			.containsEntry("DISPUTE_REJECTED", 1L)
			.containsEntry("HANDED_OFF", 1L)
			.containsEntry("ASSIGNED", 2L);
		// The co-handling unit counts apart, from the step it joined.
		assertThat(h.counts(Cells.CO)).containsOnly(Map.entry("ASSIGNED", 1L), Map.entry("HANDED_OFF", 1L),
				Map.entry("CONTACTED", 1L));
		assertThat(h.statesNow()).containsOnly(Map.entry("L12:IN_PROGRESS", 1L), Map.entry("C13:IN_PROGRESS", 1L));
	}

	@Test
	void thePlatformsOwnOrderAtTheLimitIsWhereACaseBecameOverdue() {
		History h = filedAndAssigned();
		h.step(CONTACT, IN_PROGRESS);
		h.step(URGE, IN_PROGRESS);
		h.step(ORDER, IN_PROGRESS, null, null, null, true, null);
		h.step(ORDER, IN_PROGRESS);
		h.step(REPLY_ORDER, IN_PROGRESS);
		h.step(ESCALATE, IN_PROGRESS, null, null, null, true, null);
		assertThat(h.counts(Cells.LEAD)).containsEntry("URGED", 1L)
			.containsEntry("ORDERED", 2L)
			.containsEntry("BECAME_OVERDUE", 1L)
			.containsEntry("ESCALATED", 1L);
	}

	@Test
	void stepsCountOnTheirOwnDayInChina() {
		History h = new History();
		h.at = Instant.parse("2026-03-31T15:30:00Z");
		h.step(SUBMIT, SUBMITTED);
		Map<Cells.Cell, Long> cells = new HashMap<>();
		Cells.count(h.steps.get(0), cells);
		assertThat(cells.keySet()).extracting(Cells.Cell::day).containsOnly(LocalDate.of(2026, 4, 1));
	}

	@Test
	void percentilesComeFromTheHistogram() {
		Figures.Counts counts = new Figures.Counts();
		counts.add("RESOLVE_DAYS", 1, 5);
		counts.add("RESOLVE_DAYS", 3, 3);
		counts.add("RESOLVE_DAYS", 20, 2);
		assertThat(counts.percentile(0.5)).isEqualTo(1);
		assertThat(counts.percentile(0.6)).isEqualTo(3);
		assertThat(counts.percentile(0.9)).isEqualTo(20);
		assertThat(new Figures.Counts().percentile(0.5)).isNull();
	}

}
