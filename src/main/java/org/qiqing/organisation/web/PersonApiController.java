package org.qiqing.organisation.web;

import java.net.URI;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.PersonDetails;
import org.qiqing.organisation.PersonManagement;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.Versions;
import org.qiqing.platform.Paging;

import org.qiqing.organisation.Role;

import org.springframework.http.CacheControl;
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
 * The officials of the caller's jurisdiction, for administrators only.
 */
@RestController
@RequestMapping("/api/v1/people")
@PreAuthorize("hasRole('ADMIN')")
class PersonApiController {

	private final PersonManagement people;

	private final OrganisationQueries queries;

	private final PersonImport personImport;

	PersonApiController(PersonManagement people, OrganisationQueries queries, PersonImport personImport) {
		this.people = people;
		this.queries = queries;
		this.personImport = personImport;
	}

	@GetMapping
	OrganisationQueries.Page<OrganisationQueries.PersonLine> listPeople(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Role role,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 100);
		return this.queries.people(actor,
				new OrganisationQueries.PersonFilter(q, unitId, role, OrganisationQueries.Status.of(status)),
				paging.page(), paging.size());
	}

	@GetMapping("/{id}")
	ResponseEntity<PersonView> showPerson(@PathVariable long id, Actor actor) {
		return current(this.people.find(id, actor));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PersonView> createPerson(@RequestBody PersonDetails details, Actor actor) {
		Person person = this.people.create(details, actor);
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.getId()))
			.eTag(Versions.etag(person.getVersion()))
			.body(PersonView.of(person));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PersonView> updatePerson(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody PersonDetails details, Actor actor) {
		return current(this.people.update(id, Versions.fromIfMatch(ifMatch), details, actor));
	}

	/** Stops the official from logging in; his sessions end at once. */
	@PostMapping("/{id}/disable")
	ResponseEntity<PersonView> disablePerson(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return current(this.people.enable(id, Versions.fromIfMatch(ifMatch), false, actor));
	}

	@PostMapping("/{id}/restore")
	ResponseEntity<PersonView> restorePerson(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return current(this.people.enable(id, Versions.fromIfMatch(ifMatch), true, actor));
	}

	/**
	 * A new one-time password, in this answer only (never stored, never cached): the
	 * official must change it at his next login.
	 */
	@PostMapping("/{id}/password-reset")
	ResponseEntity<ResetView> resetPassword(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		PersonManagement.Reset reset = this.people.resetPassword(id, Versions.fromIfMatch(ifMatch), actor);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.eTag(Versions.etag(reset.person().getVersion()))
			.body(new ResetView(PersonView.of(reset.person()), reset.oneTimePassword()));
	}

	/** The official after a reset, and the password to tell him. */
	record ResetView(PersonView person, String oneTimePassword) {
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importPeople(@RequestPart("file") MultipartFile file, Actor actor) {
		return this.personImport.run(file, actor);
	}

	private static ResponseEntity<PersonView> current(Person person) {
		return ResponseEntity.ok().eTag(Versions.etag(person.getVersion())).body(PersonView.of(person));
	}

}
