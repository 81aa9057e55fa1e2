package org.qiqing.organisation.web;

import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;

/**
 * A unit as the API shows it.
 */
record UnitView(long id, String code, String name, UnitKind kind, String regionCode, Long superiorId, boolean enabled,
		int version) {

	static UnitView of(Unit unit) {
		return new UnitView(unit.getId(), unit.getCode(), unit.getName(), unit.getKind(), unit.getRegionCode(),
				unit.getSuperiorId(), unit.isEnabled(), unit.getVersion());
	}

}
