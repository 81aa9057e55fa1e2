package org.qiqing.casework;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Saves a case after a step that left its co-handling units as they were: its row only
 * ({@link CaseRows#UPDATE}), with the same version check as {@link Cases#save}, which
 * would also delete and insert again every co-unit row of the case.
 */
@Component
class CaseRowUpdate {

	private final JdbcClient jdbc;

	CaseRowUpdate(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws OptimisticLockingFailureException when the row has another version than the
	 * case was read with; the case then keeps the version it was read with
	 */
	Case save(Case kase) {
		if (CaseRows.bindUpdate(this.jdbc.sql(CaseRows.UPDATE), kase).update() == 0) {
			throw new OptimisticLockingFailureException("case " + kase.getId() + " was changed meanwhile");
		}
		kase.setVersion(kase.getVersion() + 1);
		return kase;
	}

}
