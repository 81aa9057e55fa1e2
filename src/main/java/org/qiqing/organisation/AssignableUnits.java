package org.qiqing.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The units a person may give work to: those of his jurisdiction, and those above it that
 * an administrator marked as serving it (a county tax bureau of a vertical system, a city
 * bureau serving a county).
 *
 * @param own the units that stand in his jurisdiction, the higher regions first
 * @param serving the units that stand elsewhere and serve his jurisdiction or a region of
 * it
 */
public record AssignableUnits(List<Unit> own, List<Unit> serving) {

	public AssignableUnits {
		own = List.copyOf(own);
		serving = List.copyOf(serving);
	}

	public List<Unit> all() {
		List<Unit> all = new ArrayList<>(this.own);
		all.addAll(this.serving);
		return all;
	}

	public boolean contains(Long unitId) {
		return unitId != null && (this.own.stream().anyMatch(unit -> unitId.equals(unit.getId()))
				|| this.serving.stream().anyMatch(unit -> unitId.equals(unit.getId())));
	}

	/** Whether every one of the units is here. */
	public boolean containsAll(Collection<Long> unitIds) {
		return unitIds.stream().filter(Objects::nonNull).allMatch(this::contains);
	}

}
