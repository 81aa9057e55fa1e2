package org.qiqing.casework;

import java.util.Optional;

import org.qiqing.organisation.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads a case a person may see, checking {@link CaseScope} in the statement that reads
 * the row: one statement where asking and then loading took two. The case comes with its
 * co-handling units, as {@link Cases} loads it ({@link CaseRows}).
 */
@Repository
class VisibleCases {

	private static final String FIND = CaseRows.SELECT + "where c.id = :id and " + CaseScope.ONE_CASE;

	private final JdbcClient jdbc;

	VisibleCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Case> find(long caseId, Actor actor) {
		return CaseScope.bind(this.jdbc.sql(FIND), actor)
			.param("id", caseId)
			.query((row, number) -> Case.fromRow(row))
			.optional();
	}

}
