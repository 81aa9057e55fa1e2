package org.qiqing.casework;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qiqing.organisation.Role;

/**
 * The table of a kind of case: which action is allowed in which state, by which party,
 * what it needs and where it leads. It is the one place that says so; pages and API only
 * ask it.
 */
public record Workflow(CaseState initial, Map<Role, Channel> submitters, List<Transition> transitions) {

	/** What a step must carry. */
	public enum Field {

		NOTE, LEAD_UNIT, DUE_DATE, OUTCOME, ANSWER, RATING,
		/** who answered a return visit for the enterprise, when and how */
		RESPONDENT,
		/** a supervisor's judgement of a bad rating */
		REVIEW,
		/** at least one attached file: the evidence of a rectification */
		EVIDENCE

	}

	/**
	 * One row of the table.
	 *
	 * @param to the state after the step, or null when the case stays where it is
	 * @param public whether the enterprise sees this step on its timeline
	 */
	public record Transition(CaseAction action, Set<CaseState> from, CaseState to, Set<Party> by, Set<Field> requires,
			boolean visibleToEnterprise) {

		public CaseState target(CaseState current) {
			return this.to == null ? current : this.to;
		}

	}

	public Optional<Transition> find(CaseAction action, CaseState state) {
		return find(action, state, null);
	}

	/**
	 * The row of an action that leads to {@code target} (any, when null): an action may
	 * have rows that lead to different states, as a return visit closes a case or, with a
	 * bad rating, reopens it.
	 */
	public Optional<Transition> find(CaseAction action, CaseState state, CaseState target) {
		return this.transitions.stream()
			.filter(t -> t.action() == action && t.from().contains(state)
					&& (target == null || t.target(state) == target))
			.findFirst();
	}

	/**
	 * The channel a case comes through when a person of this role files it, if he may.
	 */
	public Optional<Channel> channelFor(Set<Role> roles) {
		// In the order of the roles, not of the set, so that a person of several roles
		// always files through the same channel.
		return roles.stream().filter(this.submitters::containsKey).sorted().map(this.submitters::get).findFirst();
	}

	/** The actions that these parties may take now, in the order of the table. */
	public List<CaseAction> allowed(CaseState state, Set<Party> parties) {
		return this.transitions.stream()
			.filter(t -> t.from().contains(state) && t.by().stream().anyMatch(parties::contains))
			.map(Transition::action)
			.distinct()
			.toList();
	}

	public Set<CaseState> states() {
		Set<CaseState> states = EnumSet.of(this.initial);
		this.transitions.forEach(t -> {
			states.addAll(t.from());
			if (t.to() != null) {
				states.add(t.to());
			}
		});
		return states;
	}

	/** Builds a table row by row. */
	static Builder startingAt(CaseState initial, Map<Role, Channel> submitters) {
		return new Builder(initial, submitters);
	}

	static final class Builder {

		private final CaseState initial;

		private final Map<Role, Channel> submitters;

		private final List<Transition> rows = new java.util.ArrayList<>();

		private Builder(CaseState initial, Map<Role, Channel> submitters) {
			this.initial = initial;
			this.submitters = Map.copyOf(submitters);
		}

		Builder on(CaseAction action, Set<CaseState> from, CaseState to, Set<Party> by, Set<Field> requires,
				boolean visibleToEnterprise) {
			this.rows.add(new Transition(action, Set.copyOf(from), to, Set.copyOf(by), Set.copyOf(requires),
					visibleToEnterprise));
			return this;
		}

		Workflow build() {
			return new Workflow(this.initial, this.submitters, List.copyOf(this.rows));
		}

	}

}
