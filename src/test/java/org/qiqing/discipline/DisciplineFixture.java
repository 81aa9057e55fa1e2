package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.qiqing.TestWorld.Member;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Unit;

/**
 * Special actions, their groups, inspections and rectification items for the discipline
 * tests, made through the real services:
 * {@code action("专项", centreA, from, to, inspector,
 * group("督查组", inspector, member))}, then {@code inspection(action, group, unit, member)}
 * and {@code item(inspection, "问题", 10, member)}. A bean of the {@code TestWorld}.
 */
public final class DisciplineFixture {

	private final DisciplineManagement management;

	private final DisciplineQueries queries;

	private final CaseManagement cases;

	public DisciplineFixture(DisciplineManagement management, DisciplineQueries queries, CaseManagement cases) {
		this.management = management;
		this.queries = queries;
		this.cases = cases;
	}

	/** A supervision group led by the leader (a member too) with the members. */
	public static NewAction.Group group(String name, Member leader, Member... members) {
		return new NewAction.Group(name, leader.actor().personId(),
				Arrays.stream(members).map(m -> m.actor().personId()).toList());
	}

	/**
	 * An action of the organiser over its own region, with the one checkpoint 要点, set up
	 * by the inspector.
	 */
	public long action(String theme, Unit organiser, LocalDate startsOn, LocalDate endsOn, Member inspector,
			NewAction.Group... groups) {
		return action(theme, organiser, startsOn, endsOn, List.of(), "要点", inspector, groups);
	}

	/** An action covering the regions (none: the organiser's) with one checkpoint. */
	public long action(String theme, Unit organiser, LocalDate startsOn, LocalDate endsOn, List<String> regions,
			String checkpoint, Member inspector, NewAction.Group... groups) {
		return this.management.createAction(new NewAction(theme, organiser.getId(), startsOn, endsOn, regions,
				List.of(), List.of(checkpoint), List.of(groups)), inspector.actor());
	}

	/** The action's first group, as the reader sees it. */
	public long firstGroup(long action, Member reader) {
		return this.queries.action(action, reader.actor()).groups().get(0).id();
	}

	/** The first kind of problem not retired. */
	public long kind() {
		return this.queries.kinds().stream().filter(k -> !k.retired()).findFirst().orElseThrow().id();
	}

	/** A planned (明查) inspection of the unit by the group on the day, without notes. */
	public long inspection(long action, long group, Unit unit, LocalDate on, Member by) {
		return this.management.recordInspection(action,
				new NewInspection(group, unit.getId(), InspectionMode.PLANNED, on, null, List.of(), null), by.actor());
	}

	/** A planned inspection of the unit by the group today. */
	public long inspection(long action, long group, Unit unit, Member by) {
		return inspection(action, group, unit, LocalDate.now(), by);
	}

	/** One finding of the inspection, issued and filed as a rectification item. */
	public long item(long inspection, String what, int dueInDays, Member by) {
		this.management.recordFinding(inspection, new NewFinding(kind(), null, what, null, null), List.of(),
				by.actor());
		List<Long> items = this.management.issueFindings(inspection, LocalDate.now().plusDays(dueInDays), by.actor());
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	/** The item signed for with its plan and resolved with an answer and a PDF. */
	public Case resolved(long item, Member unit, String plan, String answer) {
		Case kase = this.cases.find(item, unit.actor());
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.CONTACT, StepInput.note(plan), unit.actor());
		return this.cases.perform(item, kase.getVersion(), CaseAction.RESOLVE,
				new StepInput(null, null, null, null, Outcome.SOLVED, answer, null, null,
						List.of(new NewAttachment("evidence.pdf", "application/pdf", "%PDF-1.4".getBytes()))),
				unit.actor());
	}

}
