package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qiqing.casework.WorkflowTests.DISPATCHER;
import static org.qiqing.casework.WorkflowTests.ENTERPRISE;
import static org.qiqing.casework.WorkflowTests.HANDLER;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;

/**
 * The steps by which a resolved case always closes, in the workflow tables and the
 * aggregate: a return visit (回访) by the service centre, the platform's unrated close
 * (未评价) and a supervisor's review of a bad rating (差评复核).
 */
class ClosingWorkflowTests {

	static final Actor SUPERVISOR = new Actor(7, "sup", "sup", 10L, null, "/330400/330421/", Set.of(Role.SUPERVISOR));

	static final Actor SYSTEM = new Actor(8, Party.SYSTEM_USERNAME, "系统", null, null, null, Set.of());

	@ParameterizedTest
	@EnumSource(value = CaseKind.class, names = { "ENTERPRISE_REQUEST", "HELP_VISIT" })
	void theKindsAnEnterpriseRatesCloseByAReturnVisitOrUnratedAndReviewABadRating(CaseKind kind) {
		Workflow flow = kind.workflow();
		assertThat(flow.find(CaseAction.RETURN_VISIT, CaseState.RESOLVED, CaseState.CLOSED)).get()
			.satisfies(row -> assertThat(row.by()).containsExactly(Party.DISPATCHER))
			.satisfies(row -> assertThat(row.requires()).containsExactlyInAnyOrder(Workflow.Field.RATING,
					Workflow.Field.RESPONDENT));
		assertThat(flow.find(CaseAction.RETURN_VISIT, CaseState.RESOLVED, CaseState.REOPENED)).isPresent();
		assertThat(flow.find(CaseAction.CLOSE_UNRATED, CaseState.RESOLVED)).get()
			.satisfies(row -> assertThat(row.by()).containsExactly(Party.SYSTEM))
			.satisfies(row -> assertThat(row.target(CaseState.RESOLVED)).isEqualTo(CaseState.CLOSED));
		assertThat(flow.find(CaseAction.REVIEW_RATING, CaseState.CLOSED)).get()
			.satisfies(row -> assertThat(row.by()).containsExactly(Party.SUPERVISOR))
			.satisfies(row -> assertThat(row.to()).isNull())
			.satisfies(row -> assertThat(row.visibleToEnterprise()).isTrue());
	}

	@Test
	void aLeadersMatterIsNeverRatedSoItHasNoneOfThem() {
		assertThat(CaseKind.LEADER_ASSIGNMENT.workflow().transitions()).extracting(Workflow.Transition::action)
			.doesNotContain(CaseAction.RETURN_VISIT, CaseAction.CLOSE_UNRATED, CaseAction.REVIEW_RATING);
	}

	@Test
	void theServiceCentreRecordsAReturnVisitAndAGoodAnswerClosesTheCase() {
		Case kase = resolved();
		assertThat(kase.allowedActions(DISPATCHER)).contains(CaseAction.RETURN_VISIT);
		assertThat(kase.allowedActions(ENTERPRISE)).contains(CaseAction.RATE).doesNotContain(CaseAction.RETURN_VISIT);
		assertThat(kase.allowedActions(HANDLER)).doesNotContain(CaseAction.RETURN_VISIT);
		// Heard after the case was filed (just now, in these tests), and before the step.
		Instant heard = Instant.now();
		CaseEvent event = kase.perform(CaseAction.RETURN_VISIT, StepInput.returnVisit(Rating.SATISFIED, "企业表示问题已解决",
				new Respondent("王经理", "总经理", heard, AnswerMethod.PHONE)), DISPATCHER, Instant.now());
		assertThat(event.action()).isEqualTo(CaseAction.RETURN_VISIT);
		assertThat(event.toState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.getState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.getRating()).isEqualTo(Rating.SATISFIED);
		assertThat(kase.getRatingSource()).isEqualTo(RatingSource.RETURN_VISIT);
		assertThat(kase.getRespondentName()).isEqualTo("王经理");
		assertThat(kase.getAnswerMethod()).isEqualTo(AnswerMethod.PHONE);
		assertThat(kase.seal().facts()).contains("rating_source=RETURN_VISIT\n", "respondent_name=王经理\n",
				"answer_method=PHONE\n", "rating=SATISFIED\n");
	}

	@Test
	void aBadAnswerOnAReturnVisitReopensTheCaseAsTheEnterprisesOwnWouldThenCloses() {
		Case kase = resolved();
		CaseEvent reopened = kase.perform(CaseAction.RETURN_VISIT, visit(Rating.UNSATISFIED), DISPATCHER, Instant.now(),
				true);
		assertThat(reopened.action()).isEqualTo(CaseAction.RETURN_VISIT);
		assertThat(kase.getState()).isEqualTo(CaseState.REOPENED);
		assertThat(kase.getReopenCount()).isEqualTo(1);
		assertThat(kase.getOutcome()).isNull();
		kase.perform(CaseAction.RESOLVE, WorkflowTests.resolution(Outcome.EXPLAINED), HANDLER, Instant.now());
		kase.perform(CaseAction.RETURN_VISIT, visit(Rating.UNSATISFIED), DISPATCHER, Instant.now(), false);
		assertThat(kase.getState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.getRating()).isEqualTo(Rating.UNSATISFIED);
	}

	@Test
	void aReturnVisitSaysWhoAnsweredWhenAndHowAndNotInTheFuture() {
		Case kase = resolved();
		assertThatThrownBy(() -> kase.perform(CaseAction.RETURN_VISIT, StepInput.note("说了"), DISPATCHER, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).errors()).containsKeys("rating", "respondentName",
					"answeredAt", "answerMethod"));
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
		assertThatThrownBy(() -> kase.perform(CaseAction.RETURN_VISIT,
				StepInput.returnVisit(Rating.SATISFIED, null,
						new Respondent("王经理", null, tomorrow, AnswerMethod.VISIT)),
				DISPATCHER, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).errors()).containsKey("answeredAt"));
		assertThatThrownBy(
				() -> kase.perform(CaseAction.RETURN_VISIT, visit(Rating.SATISFIED), ENTERPRISE, Instant.now()))
			.isInstanceOf(NotAllowed.class);
		assertThat(kase.getState()).isEqualTo(CaseState.RESOLVED);
		assertThat(kase.getRating()).isNull();
	}

	@Test
	void onlyThePlatformClosesAResolvedCaseUnratedAndItKeepsNoRatingOfAnEarlierRound() {
		Case kase = resolved();
		assertThat(kase.allowedActions(DISPATCHER)).doesNotContain(CaseAction.CLOSE_UNRATED);
		assertThatThrownBy(() -> kase.perform(CaseAction.CLOSE_UNRATED, StepInput.empty(), DISPATCHER, Instant.now()))
			.isInstanceOf(NotAllowed.class);
		kase.perform(CaseAction.RATE, WorkflowTests.rating(Rating.VERY_UNSATISFIED), ENTERPRISE, Instant.now());
		kase.perform(CaseAction.RESOLVE, WorkflowTests.resolution(Outcome.SOLVED), HANDLER, Instant.now());
		assertThat(kase.getRating()).isEqualTo(Rating.VERY_UNSATISFIED);
		CaseEvent closed = kase.perform(CaseAction.CLOSE_UNRATED, StepInput.empty(), SYSTEM, Instant.now());
		assertThat(closed.toState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.getRating()).isNull();
		assertThat(kase.getRatingSource()).isEqualTo(RatingSource.NOT_RATED);
		assertThat(kase.seal().facts()).contains("rating=\n", "rating_source=NOT_RATED\n");
		assertThat(kase.allowedActions(SUPERVISOR)).doesNotContain(CaseAction.REVIEW_RATING);
	}

	@Test
	void aSupervisorJudgesABadRatingOnceWithAReasonAndTheRatingStays() {
		Case kase = resolved();
		kase.perform(CaseAction.RATE, WorkflowTests.rating(Rating.VERY_UNSATISFIED), ENTERPRISE, Instant.now(), false);
		assertThat(kase.getState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.allowedActions(SUPERVISOR)).contains(CaseAction.REVIEW_RATING);
		assertThatThrownBy(() -> kase.perform(CaseAction.REVIEW_RATING,
				StepInput.review(RatingReview.UNREASONABLE, "理由"), DISPATCHER, Instant.now()))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(
				() -> kase.perform(CaseAction.REVIEW_RATING, StepInput.review(null, null), SUPERVISOR, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).errors()).containsKeys("review", "note"));
		CaseEvent reviewed = kase.perform(CaseAction.REVIEW_RATING,
				StepInput.review(RatingReview.UNREASONABLE, "诉求超出政策范围，单位已按规定解释到位"), SUPERVISOR, Instant.now());
		assertThat(reviewed.visibleToEnterprise()).isTrue();
		assertThat(kase.getState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.getRating()).isEqualTo(Rating.VERY_UNSATISFIED);
		assertThat(kase.getRatingReview()).isEqualTo(RatingReview.UNREASONABLE);
		assertThat(kase.getRatingReviewReason()).isEqualTo("诉求超出政策范围，单位已按规定解释到位");
		assertThat(kase.seal().facts())
			.isEqualTo("rating_review=UNREASONABLE\n" + "rating_review_reason=诉求超出政策范围，单位已按规定解释到位\n");
		assertThat(kase.allowedActions(SUPERVISOR)).doesNotContain(CaseAction.REVIEW_RATING);
		assertThatThrownBy(() -> kase.perform(CaseAction.REVIEW_RATING, StepInput.review(RatingReview.UPHELD, "再审"),
				SUPERVISOR, Instant.now()))
			.isInstanceOf(NotAllowed.class);
	}

	@Test
	void aGoodRatingIsNotReviewed() {
		Case kase = resolved();
		kase.perform(CaseAction.RATE, WorkflowTests.rating(Rating.BASICALLY_SATISFIED), ENTERPRISE, Instant.now());
		assertThat(kase.allowedActions(SUPERVISOR)).doesNotContain(CaseAction.REVIEW_RATING);
		assertThatThrownBy(() -> kase.perform(CaseAction.REVIEW_RATING,
				StepInput.review(RatingReview.UNREASONABLE, "理由"), SUPERVISOR, Instant.now()))
			.isInstanceOf(NotAllowed.class);
	}

	static Case resolved() {
		Case kase = WorkflowTests.assigned();
		kase.perform(CaseAction.CONTACT, StepInput.note("called"), HANDLER, Instant.now());
		kase.perform(CaseAction.RESOLVE, WorkflowTests.resolution(Outcome.SOLVED), HANDLER, Instant.now());
		return kase;
	}

	static StepInput visit(Rating rating) {
		return StepInput.returnVisit(rating, "回访记录", new Respondent("王经理", "总经理", Instant.now(), AnswerMethod.PHONE));
	}

}
