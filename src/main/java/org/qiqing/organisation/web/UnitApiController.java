package org.qiqing.organisation.web;

import java.net.URI;
import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitDetails;
import org.qiqing.organisation.UnitManagement;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.Versions;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Units: anyone may list and read them; an administrator creates, changes and imports the
 * units of his jurisdiction.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitApiController {

	private final UnitManagement units;

	private final OrganisationQueries queries;

	private final UnitImport unitImport;

	UnitApiController(UnitManagement units, OrganisationQueries queries, UnitImport unitImport) {
		this.units = units;
		this.queries = queries;
		this.unitImport = unitImport;
	}

	@GetMapping
	List<OrganisationQueries.UnitLine> listUnits(@RequestParam(required = false) String q) {
		return this.queries.units(q);
	}

	@GetMapping("/{id}")
	ResponseEntity<UnitView> showUnit(@PathVariable long id) {
		return current(this.units.find(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UnitView> createUnit(@RequestBody UnitDetails details, Actor actor) {
		Unit unit = this.units.create(details, actor);
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.getId()))
			.eTag(Versions.etag(unit.getVersion()))
			.body(UnitView.of(unit));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UnitView> updateUnit(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody UnitDetails details, Actor actor) {
		return current(this.units.update(id, Versions.fromIfMatch(ifMatch), details, actor));
	}

	/** Disables the unit: it keeps its cases and history and is no longer offered. */
	@PostMapping("/{id}/disable")
	ResponseEntity<UnitView> disableUnit(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return current(this.units.enable(id, Versions.fromIfMatch(ifMatch), false, actor));
	}

	@PostMapping("/{id}/restore")
	ResponseEntity<UnitView> restoreUnit(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return current(this.units.enable(id, Versions.fromIfMatch(ifMatch), true, actor));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	ImportReport importUnits(@RequestPart("file") MultipartFile file, Actor actor) {
		return this.unitImport.run(file, actor);
	}

	private static ResponseEntity<UnitView> current(Unit unit) {
		return ResponseEntity.ok().eTag(Versions.etag(unit.getVersion())).body(UnitView.of(unit));
	}

}
