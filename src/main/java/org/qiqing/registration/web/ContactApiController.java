package org.qiqing.registration.web;

import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;
import org.qiqing.registration.ContactReveals;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;
import org.qiqing.registration.EnterpriseContacts;
import org.qiqing.registration.NewContact;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contacts of the caller's enterprise, for its managing contact only (403 for anyone
 * else).
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactApiController {

	private final EnterpriseContacts contacts;

	private final ContactReveals reveals;

	ContactApiController(EnterpriseContacts contacts, ContactReveals reveals) {
		this.contacts = contacts;
		this.reveals = reveals;
	}

	/** A colleague's phone and e-mail address in full; recorded in the audit log. */
	@GetMapping("/{id}/contact")
	PersonalData.Revealed revealContact(@PathVariable long id, Actor actor) {
		return this.reveals.contact(id, actor);
	}

	@GetMapping
	List<EnterpriseContacts.ContactLine> listContacts(Actor actor) {
		return this.contacts.list(actor);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EnterpriseContacts.ContactLine> addContact(@RequestBody NewContact body, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.contacts.add(body, actor));
	}

	/** {@code disable}, {@code enable} or {@code hand-over}. */
	@PostMapping("/{id}/{change}")
	ResponseEntity<Void> changeContact(@PathVariable long id, @PathVariable String change, Actor actor) {
		switch (change) {
			case "disable" -> this.contacts.allowLogin(id, false, actor);
			case "enable" -> this.contacts.allowLogin(id, true, actor);
			case "hand-over" -> this.contacts.handOver(id, actor);
			default -> throw new NotFound(Text.of("error.record.notFound", Text.of("record.change"), change));
		}
		return ResponseEntity.noContent().build();
	}

}
