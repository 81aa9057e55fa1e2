package org.qiqing.casework;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes the row of a case ({@link CaseRows}): a new case, and a case after a step that
 * left its co-handling units as they were, with the same version check as
 * {@link Cases#save}, which would also delete and insert again every co-unit row.
 */
@Component
class CaseRowWriter {

	private final JdbcClient jdbc;

	CaseRowWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a new case at version 0 and gives it the key the database chose. A new case
	 * has no co-handling units: they come with its assignment.
	 */
	Case insert(Case kase) {
		if (kase.getId() != null || !kase.getCoUnitIds().isEmpty()) {
			throw new IllegalArgumentException("only a new case without co-handling units is inserted");
		}
		KeyHolder key = new GeneratedKeyHolder();
		CaseRows.bindInsert(this.jdbc.sql(CaseRows.INSERT), kase).update(key, "id");
		kase.inserted(key.getKeyAs(Long.class));
		return kase;
	}

	/**
	 * @throws OptimisticLockingFailureException when the row has another version than the
	 * case was read with; the case then keeps the version it was read with
	 */
	Case update(Case kase) {
		if (CaseRows.bindUpdate(this.jdbc.sql(CaseRows.UPDATE), kase).update() == 0) {
			throw new OptimisticLockingFailureException("case " + kase.getId() + " was changed meanwhile");
		}
		kase.setVersion(kase.getVersion() + 1);
		return kase;
	}

}
