package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;

/**
 * The workflow table of an enterprise request, and the Case aggregate's guarded steps.
 */
class WorkflowTests {

	static final Workflow FLOW = CaseKind.ENTERPRISE_REQUEST.workflow();

	static final Actor ENTERPRISE = new Actor(1, "ent", "ent", null, 100L, null, Set.of(Role.ENTERPRISE));

	static final Actor DISPATCHER = new Actor(2, "disp", "disp", 10L, null, "/330400/330421/", Set.of(Role.DISPATCHER));

	static final Actor FOREIGN_DISPATCHER = new Actor(3, "disp.b", "disp.b", 20L, null, "/330400/330481/",
			Set.of(Role.DISPATCHER));

	static final Actor HANDLER = new Actor(4, "handler", "handler", 11L, null, null, Set.of(Role.HANDLER));

	static final Actor CO_HANDLER = new Actor(5, "co", "co", 12L, null, null, Set.of(Role.HANDLER));

	static final Actor OTHER_HANDLER = new Actor(6, "other", "other", 13L, null, null, Set.of(Role.HANDLER));

	@ParameterizedTest
	@EnumSource(CaseKind.class)
	void everyStateIsReachableFromTheFirstAndOnlyTerminalStatesHaveNoSteps(CaseKind kind) {
		Workflow flow = kind.workflow();
		Set<CaseState> reached = EnumSet.of(flow.initial());
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Workflow.Transition t : flow.transitions()) {
				if (t.from().stream().anyMatch(reached::contains) && t.to() != null) {
					grew |= reached.add(t.to());
				}
			}
		}
		assertThat(reached).isEqualTo(flow.states());
		for (CaseState state : flow.states()) {
			boolean hasSteps = flow.transitions().stream().anyMatch(t -> t.from().contains(state));
			// A closed case still answers to a supervisor, who may verify it or send it
			// back.
			assertThat(hasSteps).as(state + " has steps").isEqualTo(state.isOpen() || state == CaseState.CLOSED);
		}
		// A closed rectification item also answers to the inspector, whose second look
		// (回头看) may reopen it.
		Set<Party> closedParties = kind == CaseKind.RECTIFICATION
				? Set.of(Party.SUPERVISOR, Party.INSPECTOR, Party.VERIFYING_GROUP) : Set.of(Party.SUPERVISOR);
		assertThat(flow.transitions().stream().filter(t -> t.from().contains(CaseState.CLOSED)))
			.allSatisfy(t -> assertThat(closedParties).containsAll(t.by()));
	}

	static final Actor INSPECTOR = new Actor(7, "insp", "insp", 10L, null, "/330400/330421/", Set.of(Role.INSPECTOR));

	static final Actor FOREIGN_INSPECTOR = new Actor(8, "insp.b", "insp.b", 20L, null, "/330400/330481/",
			Set.of(Role.INSPECTOR));

	@Test
	void aRectificationItemIsAssignedByThePlatformWorkedByTheUnitAndClosedOnlyByAnInspector() {
		Workflow flow = CaseKind.RECTIFICATION.workflow();
		assertThat(flow.transitions()).allSatisfy(t -> assertThat(t.visibleToEnterprise()).isFalse())
			.allSatisfy(t -> assertThat(t.by()).doesNotContain(Party.ENTERPRISE, Party.DISPATCHER));
		assertThat(flow.find(CaseAction.ASSIGN, CaseState.SUBMITTED).orElseThrow().by()).containsOnly(Party.SYSTEM);
		assertThat(flow.find(CaseAction.RESOLVE, CaseState.IN_PROGRESS).orElseThrow().requires())
			.contains(Workflow.Field.EVIDENCE, Workflow.Field.OUTCOME, Workflow.Field.ANSWER);
		// the jurisdiction's inspector, or a member of the group that found the problem
		assertThat(flow.find(CaseAction.CONFIRM, CaseState.RESOLVED).orElseThrow().by()).containsOnly(Party.INSPECTOR,
				Party.VERIFYING_GROUP);
		assertThat(flow.find(CaseAction.SEND_BACK, CaseState.CLOSED, CaseState.REOPENED)).isPresent();
		assertThat(flow.allowed(CaseState.RESOLVED, Set.of(Party.LEAD_UNIT))).isEmpty();
		assertThat(flow.allowed(CaseState.IN_PROGRESS, Set.of(Party.LEAD_UNIT))).contains(CaseAction.STAGE_REPLY,
				CaseAction.REQUEST_EXTENSION, CaseAction.RESOLVE);
		assertThat(flow.allowed(CaseState.IN_PROGRESS, Set.of(Party.INSPECTOR))).containsExactly(CaseAction.URGE,
				CaseAction.ORDER);
		assertThat(flow.channelFor(Set.of(Role.INSPECTOR))).contains(Channel.INSPECTION);
		assertThat(flow.channelFor(Set.of(Role.ENTERPRISE))).isEmpty();
	}

	@Test
	void anInspectorIsAPartyOnlyInHisJurisdiction() {
		Case kase = newCase();
		assertThat(Party.of(INSPECTOR, kase)).contains(Party.INSPECTOR);
		assertThat(Party.of(FOREIGN_INSPECTOR, kase)).doesNotContain(Party.INSPECTOR);
	}

	@Test
	void aLeadersMatterNeverWaitsOnTheEnterpriseOrTheDispatcher() {
		assertThat(CaseKind.LEADER_ASSIGNMENT.workflow().transitions())
			.allSatisfy(t -> assertThat(t.by()).doesNotContain(Party.ENTERPRISE, Party.DISPATCHER))
			.allSatisfy(t -> assertThat(t.visibleToEnterprise()).isFalse());
	}

	@Test
	void aStepIsOnlyOfferedToThePartiesItsRowNames() {
		Case kase = newCase();
		assertThat(kase.allowedActions(DISPATCHER)).containsExactly(CaseAction.ACCEPT, CaseAction.DECLINE);
		assertThat(kase.allowedActions(ENTERPRISE)).containsExactly(CaseAction.WITHDRAW);
		assertThat(kase.allowedActions(FOREIGN_DISPATCHER)).isEmpty();
		assertThat(kase.allowedActions(HANDLER)).isEmpty();
	}

	@Test
	void onlyTheLeadUnitHandlesAndTheCoUnitMayOnlyReply() {
		Case kase = assigned();
		// The table offers a reply to a supervision order; CaseManagement drops it while
		// none is open.
		assertThat(kase.allowedActions(HANDLER)).containsExactly(CaseAction.CONTACT, CaseAction.DISPUTE,
				CaseAction.REPLY_ORDER);
		assertThat(kase.allowedActions(CO_HANDLER)).isEmpty();
		assertThatThrownBy(() -> kase.perform(CaseAction.CONTACT, StepInput.note("hi"), OTHER_HANDLER, Instant.now()))
			.isInstanceOf(NotAllowed.class);
		kase.perform(CaseAction.CONTACT, StepInput.note("called"), HANDLER, Instant.now());
		assertThat(kase.allowedActions(CO_HANDLER)).containsExactly(CaseAction.STAGE_REPLY);
	}

	@Test
	void aStepNotInTheTableForTheStateIsRefusedAndChangesNothing() {
		Case kase = newCase();
		String hash = kase.getLastHash();
		assertThatThrownBy(
				() -> kase.perform(CaseAction.RESOLVE, resolution(Outcome.SOLVED), DISPATCHER, Instant.now()))
			.isInstanceOf(NotAllowed.class);
		assertThat(kase.getState()).isEqualTo(CaseState.SUBMITTED);
		assertThat(kase.getLastHash()).isEqualTo(hash);
		assertThat(kase.getEventCount()).isEqualTo(1);
	}

	@Test
	void aStepMissingWhatItsRowRequiresIsRefused() {
		Case kase = newCase();
		assertThatThrownBy(() -> kase.perform(CaseAction.DECLINE, StepInput.empty(), DISPATCHER, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("note");
		kase.perform(CaseAction.ACCEPT, StepInput.empty(), DISPATCHER, Instant.now());
		assertThatThrownBy(() -> kase.perform(CaseAction.ASSIGN, StepInput.note("go"), DISPATCHER, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.satisfies(ex -> assertThat(((InvalidInput) ex).errors()).containsKey("leadUnitId")
				.doesNotContainKey("dueDate"));
	}

	@Test
	void outsideOurRemitMustNameTheRightChannel() {
		Case kase = assigned();
		kase.perform(CaseAction.CONTACT, StepInput.note("called"), HANDLER, Instant.now());
		assertThatThrownBy(
				() -> kase.perform(CaseAction.RESOLVE, resolution(Outcome.OUT_OF_REMIT), HANDLER, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("渠道");
	}

	@Test
	void aBadRatingReopensToTheSameUnitAndAGoodOneCloses() {
		Case kase = assigned();
		kase.perform(CaseAction.CONTACT, StepInput.note("called"), HANDLER, Instant.now());
		kase.perform(CaseAction.RESOLVE, resolution(Outcome.SOLVED), HANDLER, Instant.now());
		CaseEvent reopened = kase.perform(CaseAction.RATE, rating(Rating.VERY_UNSATISFIED), ENTERPRISE, Instant.now());
		assertThat(reopened.action()).isEqualTo(CaseAction.REOPEN);
		assertThat(kase.getState()).isEqualTo(CaseState.REOPENED);
		assertThat(kase.getLeadUnitId()).isEqualTo(HANDLER.unitId());
		assertThat(kase.getReopenCount()).isEqualTo(1);
		kase.perform(CaseAction.RESOLVE, resolution(Outcome.EXPLAINED), HANDLER, Instant.now());
		kase.perform(CaseAction.RATE, rating(Rating.BASICALLY_SATISFIED), ENTERPRISE, Instant.now());
		assertThat(kase.getState()).isEqualTo(CaseState.CLOSED);
		assertThat(kase.getOutcome()).isEqualTo(Outcome.EXPLAINED);
	}

	@Test
	void eachEventChainsToItsPredecessorAndSealsEveryFieldAndTheFactsItChanged() {
		Case kase = newCase();
		CaseEvent submitted = kase.seal();
		String first = kase.getLastHash();
		assertThat(first).isEqualTo(submitted.hash());
		assertThat(submitted.facts()).contains("state=SUBMITTED\n", "title=用地\n");
		kase.perform(CaseAction.ACCEPT, StepInput.empty(), DISPATCHER, Instant.now());
		CaseEvent accepted = kase.seal();
		assertThat(accepted.seq()).isEqualTo(2);
		assertThat(accepted.prevHash()).isEqualTo(first);
		assertThat(accepted.facts()).isEqualTo("state=ACCEPTED\n");
		assertThat(accepted.hashVersion()).isEqualTo(2);
		assertThat(accepted.hash()).isEqualTo(CaseEvent.sealOf(first, kase.getNumber(), 2, CaseAction.ACCEPT,
				DISPATCHER.personId(), DISPATCHER.unitId(), accepted.at(), CaseState.SUBMITTED, CaseState.ACCEPTED,
				null, accepted.visibleToEnterprise(), "state=ACCEPTED\n", List.of()));
		assertThat(CaseEvent.sealOf(first, kase.getNumber(), 2, CaseAction.ACCEPT, DISPATCHER.personId(),
				DISPATCHER.unitId(), accepted.at(), CaseState.SUBMITTED, CaseState.ACCEPTED, null,
				!accepted.visibleToEnterprise(), "state=ACCEPTED\n", List.of()))
			.as("the visibility is sealed")
			.isNotEqualTo(accepted.hash());
		assertThat(kase.getLastHash()).isEqualTo(accepted.hash());
	}

	@ParameterizedTest
	@EnumSource(CaseKind.class)
	void aWrittenCriticismIsASupervisorsStepWithAReasonWhileAUnitHoldsTheCaseAndLeavesItWhereItIs(CaseKind kind) {
		List<Workflow.Transition> rows = kind.workflow()
			.transitions()
			.stream()
			.filter(t -> t.action() == CaseAction.CRITICISE)
			.toList();
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.by()).containsOnly(Party.SUPERVISOR);
			assertThat(row.requires()).containsOnly(Workflow.Field.NOTE);
			assertThat(row.to()).as("the case stays where it is").isNull();
			assertThat(row.visibleToEnterprise()).isFalse();
			Workflow.Transition urge = kind.workflow().find(CaseAction.URGE, CaseState.IN_PROGRESS).orElseThrow();
			assertThat(row.from()).as("where a supervisor may urge").isEqualTo(urge.from());
		});
	}

	@Test
	void aWrittenCriticismWithoutAReasonOrByAnotherThanASupervisorOfTheRegionIsRefused() {
		Actor supervisor = new Actor(7, "sup", "sup", 30L, null, "/330400/330421/", Set.of(Role.SUPERVISOR));
		Actor foreignSupervisor = new Actor(8, "sup.b", "sup.b", 31L, null, "/330400/330481/", Set.of(Role.SUPERVISOR));
		Case kase = assigned();
		assertThat(kase.allowedActions(supervisor)).contains(CaseAction.CRITICISE);
		assertThat(kase.allowedActions(HANDLER)).doesNotContain(CaseAction.CRITICISE);
		assertThatThrownBy(() -> kase.perform(CaseAction.CRITICISE, StepInput.empty(), supervisor, Instant.now()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("note");
		assertThatThrownBy(
				() -> kase.perform(CaseAction.CRITICISE, StepInput.note("敷衍"), foreignSupervisor, Instant.now()))
			.isInstanceOf(NotAllowed.class);
		CaseEvent event = kase.perform(CaseAction.CRITICISE, StepInput.note("答复敷衍"), supervisor, Instant.now());
		assertThat(event.action()).isEqualTo(CaseAction.CRITICISE);
		assertThat(event.toState()).isEqualTo(CaseState.ASSIGNED);
		assertThat(event.note()).isEqualTo("答复敷衍");
		assertThat(event.visibleToEnterprise()).isFalse();
	}

	static Case newCase() {
		return Case
			.submit("QQ-2026-330421-000001", CaseKind.ENTERPRISE_REQUEST, Channel.SELF_SERVICE, 1L, 100L, "330421100",
					"/330400/330421/330421100/", "用地", "厂房扩建用地指标", Priority.NORMAL, ENTERPRISE, Instant.now(),
					List.of())
			.kase();
	}

	static Case assigned() {
		Case kase = newCase();
		kase.perform(CaseAction.ACCEPT, StepInput.empty(), DISPATCHER, Instant.now());
		kase.perform(CaseAction.ASSIGN, new StepInput(null, HANDLER.unitId(), Set.of(CO_HANDLER.unitId()),
				LocalDate.now().plusDays(5), null, null, null, null, null), DISPATCHER, Instant.now());
		return kase;
	}

	static StepInput resolution(Outcome outcome) {
		return new StepInput(null, null, null, null, outcome, "已答复", null, null, null);
	}

	static StepInput rating(Rating rating) {
		return new StepInput(null, null, null, null, null, null, null, rating, null);
	}

}
