package org.qiqing.casework;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The one rule of who sees which case, as a SQL condition on {@code cases c}: an
 * enterprise contact sees his enterprise's own cases (not a leader's matter about it); an
 * official sees the cases of his unit (lead or co-handling, or the unit it was escalated
 * to) and every case in the region subtree of his jurisdiction. Every query of cases
 * includes it.
 */
public final class CaseScope {

	static final String CONDITION = """
			((c.enterprise_id = :scopeEnterprise and c.kind in %s)
			 or c.lead_unit_id = :scopeUnit
			 or c.escalated_unit_id = :scopeUnit
			 or exists (select 1 from case_co_unit scope_cu where scope_cu.case_id = c.id and scope_cu.unit_id = :scopeUnit)
			 or %s)"""
		.formatted(enterpriseKinds(), within("scopePattern"));

	/**
	 * The rule for one case and for a person's queue: {@link #CONDITION}, and the
	 * rectification items he verifies as a member of the supervision group that found
	 * their problem (V53). Lists, boards and figures keep {@link #CONDITION}.
	 */
	static final String ONE_CASE = "(" + CONDITION
			+ " or exists (select 1 from case_verifier scope_cv where scope_cv.case_id = c.id and scope_cv.person_id = :scopePerson))";

	/** Matches no id and no path: what a person without that tie gets. */
	private static final long NOBODY = -1;

	private CaseScope() {
	}

	/**
	 * The one prefix match of a region subtree on {@code cases c}: the cases whose region
	 * lies under the path bound (as {@link #pattern}) to the named parameter. The
	 * jurisdiction above uses it, and so does a list's region filter, which narrows what
	 * {@link #CONDITION} already allows and never widens it.
	 */
	static String within(String parameter) {
		return "c.region_path like :" + parameter;
	}

	/** The pattern {@link #within} matches a region path's subtree with. */
	static String pattern(String regionPath) {
		return regionPath + "%";
	}

	/** The kinds an enterprise follows, as an SQL list of literals: ('A', 'B'). */
	private static String enterpriseKinds() {
		return java.util.Arrays.stream(CaseKind.values())
			.filter(CaseKind::servesEnterprise)
			.map(kind -> "'" + kind.name() + "'")
			.collect(java.util.stream.Collectors.joining(", ", "(", ")"));
	}

	/**
	 * What the rule depends on for a person: two people with equal keys see the same
	 * cases, so what is counted for one may be answered to the other.
	 */
	record Key(long enterprise, long unit, String pattern) {

		StatementSpec bind(StatementSpec statement) {
			return statement.param("scopeEnterprise", this.enterprise)
				.param("scopeUnit", this.unit)
				.param("scopePattern", this.pattern);
		}

	}

	static Key keyOf(Actor actor) {
		return new Key(actor.enterpriseId() == null ? NOBODY : actor.enterpriseId(),
				actor.unitId() == null ? NOBODY : actor.unitId(),
				actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern());
	}

	/**
	 * The same rule for records counted about cases (the statistics' rollups), which keep
	 * the case's region path and the one unit a figure belongs to: an official sees the
	 * figures of his unit and of every region under his jurisdiction. An enterprise
	 * contact sees none of them: bind with {@link #bind}, whose enterprise is matched by
	 * nothing here.
	 * @param pathColumn the column holding the case's region path
	 * @param unitColumn the column holding the unit the figure is counted for
	 */
	public static String figures(String pathColumn, String unitColumn) {
		return "(" + unitColumn + " = :scopeUnit or " + Jurisdiction.covers(pathColumn) + ")";
	}

	/**
	 * Binds the parameters of {@link #CONDITION}, {@link #ONE_CASE} or {@link #figures}
	 * for a person.
	 */
	public static StatementSpec bind(StatementSpec statement, Actor actor) {
		return keyOf(actor).bind(statement).param("scopePerson", actor.personId());
	}

}
