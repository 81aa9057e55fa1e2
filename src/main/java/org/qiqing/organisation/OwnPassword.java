package org.qiqing.organisation;

import org.qiqing.platform.FieldErrors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person changes his own password: he gives the current one (after a reset, the
 * one-time password the administrator told him, so that a session left open elsewhere
 * cannot change it) and a new one that keeps the {@link PasswordPolicy}; a reset's
 * must-change mark goes with it.
 */
@Service
@Transactional
public class OwnPassword {

	private final People people;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	OwnPassword(People people, PasswordEncoder passwords, PasswordPolicy policy, ApplicationEventPublisher events,
			MessageSource messages) {
		this.people = people;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.messages = messages;
	}

	/** Whether the person must choose his own password before anything else. */
	@Transactional(readOnly = true)
	public boolean mustChange(Actor actor) {
		return this.people.findById(actor.personId()).map(Person::isMustChangePassword).orElse(false);
	}

	/**
	 * @throws org.qiqing.platform.InvalidInput naming the field that is wrong: the
	 * current password, the new one, or its repetition
	 */
	public void change(Actor actor, String current, String chosen, String repeated) {
		Person person = this.people.findById(actor.personId()).orElseThrow();
		FieldErrors errors = new FieldErrors();
		if (current == null || !this.passwords.matches(current, person.getPasswordHash())) {
			errors.reject("current", text("adm.password.error.current"));
		}
		if (chosen == null || !chosen.equals(repeated)) {
			errors.reject("repeated", text("adm.password.error.repeated"));
		}
		if (chosen != null && chosen.equals(current)) {
			errors.reject("password", text("adm.password.error.same"));
		}
		if (this.policy.problem(chosen).isPresent()) {
			errors.reject("password",
					text("adm.password.error.policy", PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH));
		}
		errors.throwIfAny();
		person.choosePassword(this.passwords.encode(chosen));
		this.people.save(person);
		this.events.publishEvent(OrganisationChanged.of(actor, "person", person.getId(), "own password changed"));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
