package org.qiqing.registration.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;
import org.qiqing.registration.ContactReveals;
import org.qiqing.platform.Versions;
import org.qiqing.registration.NewRegistration;
import org.qiqing.registration.Registration;
import org.qiqing.registration.RegistrationDesk;
import org.qiqing.registration.RegistrationStatus;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registrations over the API: anyone files one (no token: he has no login yet); the
 * service centre of the region, or the enterprise's manager, lists, verifies and refuses
 * them, each decision with {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/registrations")
class RegistrationApiController {

	private final RegistrationDesk desk;

	private final ContactReveals reveals;

	RegistrationApiController(RegistrationDesk desk, ContactReveals reveals) {
		this.desk = desk;
		this.reveals = reveals;
	}

	/**
	 * A registration as the people who decide it see it, its phone and e-mail address
	 * masked for those who do not need them.
	 */
	record RegistrationView(long id, String enterpriseName, String displayName, String phone, String email,
			String username, RegistrationStatus status, String reason, java.time.Instant filedAt,
			java.time.Instant decidedAt) {

		static RegistrationView of(Registration r) {
			return new RegistrationView(r.id(), r.enterpriseName(), r.displayName(), r.phone(), r.email(), r.username(),
					r.status(), r.reason(), r.filedAt(), r.decidedAt());
		}

	}

	/** What the registrant gets back: where to follow his registration. */
	record Filed(long id, RegistrationStatus status, String statusUrl) {
	}

	record Refusal(@Size(max = 500) String reason) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Filed> register(@RequestBody NewRegistration body, HttpServletRequest request) {
		RegistrationDesk.Receipt receipt = this.desk.register(body, request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create(receipt.statusPath()))
			.body(new Filed(receipt.id(), RegistrationStatus.PENDING, receipt.statusPath()));
	}

	@GetMapping
	List<RegistrationView> listPending(Actor actor) {
		return this.desk.pending(actor).stream().map(r -> RegistrationView.of(r.shownTo(actor))).toList();
	}

	@GetMapping("/{id}")
	ResponseEntity<RegistrationView> showRegistration(@PathVariable long id, Actor actor) {
		return current(this.desk.find(id, actor), actor);
	}

	/** The registrant's phone and e-mail address in full; recorded in the audit log. */
	@GetMapping("/{id}/contact")
	PersonalData.Revealed revealContact(@PathVariable long id, Actor actor) {
		return this.reveals.registration(id, actor);
	}

	@PostMapping("/{id}/verify")
	ResponseEntity<RegistrationView> verify(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return current(this.desk.verify(id, Versions.fromIfMatch(ifMatch), actor), actor);
	}

	@PostMapping("/{id}/refuse")
	ResponseEntity<RegistrationView> refuse(@PathVariable long id, @Valid @RequestBody Refusal body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Actor actor) {
		return current(this.desk.refuse(id, Versions.fromIfMatch(ifMatch), body.reason(), actor), actor);
	}

	private static ResponseEntity<RegistrationView> current(Registration registration, Actor viewer) {
		return ResponseEntity.ok()
			.eTag(Versions.etag(registration.version()))
			.body(RegistrationView.of(registration.shownTo(viewer)));
	}

}
