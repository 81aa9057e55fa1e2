package org.qiqing.organisation.web;

import java.net.URI;
import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.RegionManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regions of the caller's jurisdiction, as a flat list in tree order (each after its
 * parent; the path tells the depth).
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

	record RegionRequest(String name, RegionLevel level, String parentCode) {
	}

	private final RegionManagement regions;

	RegionApiController(RegionManagement regions) {
		this.regions = regions;
	}

	@GetMapping
	List<Region> listRegions(Actor actor) {
		return this.regions.within(actor);
	}

	/** Adds the region with this code under its parent, or renames it. */
	@PutMapping("/{code}")
	ResponseEntity<Region> saveRegion(@PathVariable String code, @RequestBody RegionRequest request, Actor actor) {
		RegionManagement.Saved saved = this.regions.save(code, request.name(), request.level(), request.parentCode(),
				actor);
		return saved.created() ? ResponseEntity.created(URI.create("/api/v1/regions/" + code)).body(saved.region())
				: ResponseEntity.ok(saved.region());
	}

}
