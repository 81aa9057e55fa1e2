package org.qiqing.registration;

import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.ContactManagement;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.PersonalData;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the managing contact of an enterprise does with its other contacts: sees them,
 * adds a colleague (verified by him, so without the service centre), stops one from
 * logging in or lets him in again, and hands the management over. Everyone else is
 * refused; the centre keeps its own way in through the administration.
 */
@Service
@Transactional
public class EnterpriseContacts {

	/**
	 * A contact as his manager sees him: phone and e-mail address masked
	 * ({@link PersonalData}; {@link ContactReveals} shows them in full).
	 */
	public record ContactLine(long id, String username, String displayName, String phone, String email, boolean enabled,
			boolean manager) {
	}

	private final ContactManagement contacts;

	private final Managers managers;

	private final PasswordEncoder passwords;

	EnterpriseContacts(ContactManagement contacts, Managers managers, PasswordEncoder passwords) {
		this.contacts = contacts;
		this.managers = managers;
		this.passwords = passwords;
	}

	/** Whether the actor manages his enterprise's contacts. */
	@Transactional(readOnly = true)
	public boolean manages(Actor actor) {
		return this.managers.enterpriseManagedBy(actor) != null;
	}

	@Transactional(readOnly = true)
	public List<ContactLine> list(Actor actor) {
		long enterprise = managed(actor);
		long manager = this.managers.of(enterprise).orElseThrow();
		return this.contacts.contactsOf(enterprise)
			.stream()
			.map(p -> new ContactLine(p.getId(), p.getUsername(), p.getDisplayName(),
					PersonalData.phone(p.getPhone(), actor), PersonalData.email(p.getEmail(), actor), p.isEnabled(),
					p.getId() == manager))
			.toList();
	}

	public ContactLine add(NewContact input, Actor actor) {
		long enterprise = managed(actor);
		String phone = Reachability.phone(input.phone());
		String email = Reachability.email(input.email());
		String username = input.username() == null ? null : input.username().strip();
		FieldErrors errors = new FieldErrors().required("displayName", input.displayName(), 100);
		Reachability.check(errors, phone, email);
		this.contacts.checkCredentials(errors, username, input.password());
		if (this.contacts.hasContactReachedAt(enterprise, phone, email)) {
			errors.reject("phone", Text.of("error.contact.reachTaken"));
		}
		errors.throwIfAny();
		this.managers.settle(enterprise);
		Person person = this.contacts.enrol(username, input.displayName().strip(),
				this.passwords.encode(input.password()), enterprise, phone, email);
		return new ContactLine(person.getId(), person.getUsername(), person.getDisplayName(),
				PersonalData.phone(person.getPhone(), actor), PersonalData.email(person.getEmail(), actor), true,
				false);
	}

	/**
	 * Stops a colleague from logging in, or lets him in again; never the manager himself.
	 */
	public void allowLogin(long personId, boolean enabled, Actor actor) {
		long enterprise = managed(actor);
		if (personId == actor.personId()) {
			throw new InvalidInput("id", Text.of("error.contact.handOverFirst"));
		}
		this.managers.settle(enterprise);
		this.contacts.allowLogin(personId, enterprise, enabled);
	}

	/**
	 * Makes another contact, who may log in, the manager of the enterprise's contacts.
	 */
	public void handOver(long personId, Actor actor) {
		long enterprise = managed(actor);
		Person next = this.contacts.contact(personId, enterprise);
		if (!next.isEnabled()) {
			throw new InvalidInput("id", Text.of("error.contact.mayNotLogIn", next.getDisplayName()));
		}
		this.managers.name(enterprise, next.getId());
	}

	private long managed(Actor actor) {
		Long enterprise = this.managers.enterpriseManagedBy(actor);
		if (enterprise == null) {
			throw new AccessDeniedException("only the managing contact of an enterprise manages its contacts");
		}
		return enterprise;
	}

}
