package org.qiqing.casework;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jdbc.core.convert.DataAccessStrategy;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Saves a case after a step that left its co-handling units as they were: its row only,
 * with the same version check as {@link Cases#save}, which would also delete and insert
 * again every co-unit row of the case.
 */
@Component
class CaseRowUpdate {

	private final DataAccessStrategy data;

	private final RelationalPersistentEntity<?> entity;

	CaseRowUpdate(DataAccessStrategy data, RelationalMappingContext mapping) {
		this.data = data;
		this.entity = mapping.getRequiredPersistentEntity(Case.class);
	}

	Case save(Case kase) {
		PersistentPropertyAccessor<Case> accessor = this.entity.getPropertyAccessor(kase);
		RelationalPersistentProperty version = this.entity.getRequiredVersionProperty();
		Integer previous = (Integer) accessor.getProperty(version);
		accessor.setProperty(version, previous + 1);
		try {
			if (!this.data.updateWithVersion(kase, Case.class, previous)) {
				throw new OptimisticLockingFailureException("case " + kase.getId() + " was changed meanwhile");
			}
		}
		catch (OptimisticLockingFailureException ex) {
			// The loser's copy keeps the version he read.
			accessor.setProperty(version, previous);
			throw ex;
		}
		return kase;
	}

}
