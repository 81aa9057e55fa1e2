package org.qiqing.organisation;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds the unit of a kind that serves a region: the nearest one up the region tree, so a
 * town without its own office is served by its county's.
 */
@Component
public class Offices {

	private final Units units;

	private final Regions regions;

	Offices(Units units, Regions regions) {
		this.units = units;
		this.regions = regions;
	}

	/**
	 * The unit of the first kind found at the region or, going up, at its nearest
	 * ancestor; only when no ancestor has one, the same for the next kind.
	 */
	public Optional<Unit> nearest(String regionCode, UnitKind... kinds) {
		for (UnitKind kind : kinds) {
			String code = regionCode;
			while (code != null) {
				var found = this.units.findByRegionCodeAndKindOrderByCode(code, kind);
				if (!found.isEmpty()) {
					return Optional.of(found.get(0));
				}
				code = this.regions.find(code).map(Region::parentCode).orElse(null);
			}
		}
		return Optional.empty();
	}

}
