package org.qiqing.casework;

import java.util.Optional;

import org.qiqing.organisation.Actor;

import org.springframework.data.jdbc.core.convert.EntityRowMapper;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads a case a person may see, checking {@link CaseScope} in the statement that reads
 * the row: one statement where asking and then loading took two. The case is mapped as
 * {@link Cases} maps it, its co-handling units included.
 */
@Repository
class VisibleCases {

	private final JdbcClient jdbc;

	private final EntityRowMapper<Case> rows;

	@SuppressWarnings("unchecked")
	VisibleCases(JdbcClient jdbc, RelationalMappingContext mapping, JdbcConverter converter) {
		this.jdbc = jdbc;
		this.rows = new EntityRowMapper<>(
				(RelationalPersistentEntity<Case>) mapping.getRequiredPersistentEntity(Case.class), converter);
	}

	Optional<Case> find(long caseId, Actor actor) {
		return CaseScope
			.bind(this.jdbc.sql("select c.* from cases c where c.id = :id and " + CaseScope.CONDITION), actor)
			.param("id", caseId)
			.query(this.rows)
			.optional();
	}

}
