package org.qiqing.organisation.web;

import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.UnitManagement;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regions a unit serves besides its own place, read and replaced by an administrator
 * of the unit's jurisdiction ({@link UnitManagement}'s guard).
 */
@RestController
class ServedRegionsApiController {

	/** The regions a unit serves. */
	record ServedRegions(long unitId, List<String> regionCodes, List<Region> regions) {

		static ServedRegions of(long unitId, List<Region> regions) {
			return new ServedRegions(unitId, regions.stream().map(Region::code).toList(), regions);
		}

	}

	/** The whole set of regions the unit is to serve; an empty list serves none. */
	record ServedRegionsChange(List<String> regionCodes) {
	}

	private final UnitManagement units;

	ServedRegionsApiController(UnitManagement units) {
		this.units = units;
	}

	@GetMapping("/api/v1/units/{id}/served-regions")
	ServedRegions showServedRegions(@PathVariable long id, Actor actor) {
		return ServedRegions.of(id, this.units.servedRegions(id, actor));
	}

	@PutMapping(path = "/api/v1/units/{id}/served-regions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ServedRegions replaceServedRegions(@PathVariable long id, @RequestBody ServedRegionsChange change, Actor actor) {
		if (change == null || change.regionCodes() == null) {
			throw new InvalidInput("regionCodes", Text.of("error.unit.regionCodesRequired"));
		}
		return ServedRegions.of(id, this.units.serve(id, change.regionCodes(), actor));
	}

}
