package org.qiqing.casework;

import org.qiqing.organisation.Actor;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The one rule of who sees which case, as a SQL condition on {@code cases c}: an
 * enterprise contact sees his enterprise's cases; an official sees the cases of his unit
 * (lead or co-handling, or the unit it was escalated to) and every case in the region
 * subtree of his jurisdiction. Every query of cases includes it.
 */
final class CaseScope {

	static final String CONDITION = """
			(c.enterprise_id = :scopeEnterprise
			 or c.lead_unit_id = :scopeUnit
			 or c.escalated_unit_id = :scopeUnit
			 or exists (select 1 from case_co_unit scope_cu where scope_cu.case_id = c.id and scope_cu.unit_id = :scopeUnit)
			 or c.region_path like :scopePattern)""";

	/** Matches no id and no path: what a person without that tie gets. */
	private static final long NOBODY = -1;

	private CaseScope() {
	}

	static StatementSpec bind(StatementSpec statement, Actor actor) {
		return statement.param("scopeEnterprise", actor.enterpriseId() == null ? NOBODY : actor.enterpriseId())
			.param("scopeUnit", actor.unitId() == null ? NOBODY : actor.unitId())
			.param("scopePattern", actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern());
	}

}
