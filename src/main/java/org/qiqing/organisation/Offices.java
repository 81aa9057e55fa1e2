package org.qiqing.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Finds the unit of a kind that serves a region: the nearest one up the region tree, so a
 * town without its own office is served by its county's.
 */
@Component
public class Offices {

	private final Units units;

	private final Regions regions;

	private final ServedRegions served;

	Offices(Units units, Regions regions, ServedRegions served) {
		this.units = units;
		this.regions = regions;
		this.served = served;
	}

	/**
	 * The units the person may assign work to: those standing in his jurisdiction, and
	 * those marked as serving it, a region above it or a region in it. A person without a
	 * jurisdiction may assign to none.
	 */
	public AssignableUnits assignableBy(Actor actor) {
		if (actor.jurisdictionPath() == null) {
			return new AssignableUnits(List.of(), List.of());
		}
		Map<Long, String> placeOf = this.served.unitPlaces()
			.stream()
			.collect(Collectors.toMap(ServedRegions.Place::unitId, ServedRegions.Place::path));
		Set<Long> own = placeOf.entrySet()
			.stream()
			.filter(place -> actor.oversees(place.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		Set<Long> serving = this.served.servedPlaces()
			.stream()
			.filter(place -> !own.contains(place.unitId()))
			.filter(place -> actor.oversees(place.path()) || actor.liesWithin(place.path()))
			.map(ServedRegions.Place::unitId)
			.collect(Collectors.toSet());
		// The county's units before its towns', and at each level the departments (which
		// handle cases) before the offices that dispatch or oversee them.
		Comparator<Unit> byPlace = Comparator.comparing((Unit unit) -> placeOf.get(unit.getId()).length())
			.thenComparing(Unit::getKind)
			.thenComparing(Unit::getCode);
		// A disabled unit keeps its cases but takes no new ones.
		return new AssignableUnits(
				this.units.findAllById(own).stream().filter(Unit::isEnabled).sorted(byPlace).toList(),
				this.units.findAllById(serving).stream().filter(Unit::isEnabled).sorted(byPlace).toList());
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
