package org.qiqing.organisation;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qiqing.organisation.internal.ApiTokens;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration of officials: an administrator creates and changes the people of the
 * units of his jurisdiction, and sees no one else. Enterprise contacts are not managed
 * here.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class PersonManagement {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{2,64}");

	private final People people;

	private final Units units;

	private final Regions regions;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	/**
	 * The letters of a one-time password: no 0/O, 1/l/I, which are misread when it is
	 * told over the telephone or copied from a screen.
	 */
	private static final char[] ONE_TIME_LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
		.toCharArray();

	private static final int ONE_TIME_LENGTH = 14;

	private static final SecureRandom random = new SecureRandom();

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final ApiTokens tokens;

	PersonManagement(People people, Units units, Regions regions, PasswordEncoder passwords, PasswordPolicy policy,
			ApplicationEventPublisher events, MessageSource messages, ApiTokens tokens) {
		this.tokens = tokens;
		this.people = people;
		this.units = units;
		this.regions = regions;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.messages = messages;
	}

	/** A one-time password, shown once to the administrator who reset it. */
	public record Reset(Person person, String oneTimePassword) {

		@Override
		public String toString() {
			return "Reset[" + this.person.getUsername() + "]";
		}

	}

	/** An official of the actor's jurisdiction; anyone else is not found. */
	@Transactional(readOnly = true)
	public Person find(long id, Actor actor) {
		return this.people.findById(id)
			.filter(person -> manages(person, actor))
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.person"), id)));
	}

	public Person create(PersonDetails details, Actor actor) {
		check(details, null, actor);
		Person person = Person.official(details.username(), details.displayName().strip(),
				this.passwords.encode(details.password()), details.unitId(), details.jurisdictionCode(),
				details.roles());
		Person created = this.people.save(describe(person, details));
		this.events.publishEvent(OrganisationChanged.created(actor, "person", created.getId()));
		return created;
	}

	/**
	 * Creates an official with a one-time password (the details carry none), which the
	 * administrator tells him and he must change at his first login.
	 */
	public Reset createWithOneTimePassword(PersonDetails details, Actor actor) {
		String password = oneTimePassword();
		Person created = create(new PersonDetails(details.username(), details.displayName(), password, details.unitId(),
				details.jurisdictionCode(), details.roles(), details.phone(), details.email(), details.enabled()),
				actor);
		// The hash stays; only the mark that he must choose his own is added.
		created.resetPassword(created.getPasswordHash());
		return new Reset(this.people.save(created), password);
	}

	public Person update(long id, int expectedVersion, PersonDetails details, Actor actor) {
		Person person = find(id, actor);
		requireVersion(person, expectedVersion);
		return change(person, details, actor);
	}

	/**
	 * Stops an official from logging in (his sessions end at once) or lets him again;
	 * what he did stays his.
	 * @throws NotAllowed for the administrator himself: he would lock himself out
	 */
	public Person enable(long id, int expectedVersion, boolean enabled, Actor actor) {
		Person person = find(id, actor);
		if (!enabled && person.getId() == actor.personId()) {
			throw new NotAllowed(text("adm.error.disableSelf"));
		}
		requireVersion(person, expectedVersion);
		person.allowLogin(enabled);
		Person changed = this.people.save(person);
		this.events.publishEvent(OrganisationChanged.of(actor, "person", id, enabled ? "restored" : "disabled"));
		return changed;
	}

	/**
	 * Gives an official a new random password that the administrator tells him; he must
	 * choose his own at his next login, his current sessions end and his API tokens are
	 * revoked (whoever knew the old password may have made one). Only its hash is stored.
	 */
	public Reset resetPassword(long id, int expectedVersion, Actor actor) {
		Person person = find(id, actor);
		requireVersion(person, expectedVersion);
		String password = oneTimePassword();
		person.resetPassword(this.passwords.encode(password));
		Person changed = this.people.save(person);
		this.tokens.revokeAll(id);
		this.events.publishEvent(OrganisationChanged.of(actor, "person", id, "password reset"));
		return new Reset(changed, password);
	}

	private static String oneTimePassword() {
		StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
		for (int i = 0; i < ONE_TIME_LENGTH; i++) {
			password.append(ONE_TIME_LETTERS[random.nextInt(ONE_TIME_LETTERS.length)]);
		}
		return password.toString();
	}

	private static void requireVersion(Person person, int expectedVersion) {
		if (person.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, person.getVersion());
		}
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/**
	 * Creates the official with the username, or changes the one that has it (an import,
	 * which overwrites without versions).
	 * @return whether it created him
	 */
	public boolean createOrUpdate(PersonDetails details, Actor actor) {
		Optional<Person> existing = details.username() == null ? Optional.empty()
				: this.people.findByUsername(details.username());
		if (existing.isEmpty()) {
			create(details, actor);
			return true;
		}
		if (!manages(existing.get(), actor)) {
			throw new InvalidInput("username", usernameTaken(details.username()));
		}
		change(existing.get(), details, actor);
		return false;
	}

	private Person change(Person person, PersonDetails details, Actor actor) {
		check(details, person, actor);
		person.rename(details.displayName().strip());
		person.placeIn(details.unitId(), details.jurisdictionCode());
		person.grant(details.roles());
		if (details.password() != null) {
			person.changePassword(this.passwords.encode(details.password()));
		}
		Person changed = this.people.save(describe(person, details));
		this.events.publishEvent(OrganisationChanged.changed(actor, "person", changed.getId()));
		return changed;
	}

	private static Person describe(Person person, PersonDetails details) {
		person.contactBy(details.phone(), details.email());
		if (details.enabled() != null) {
			person.allowLogin(details.enabled());
		}
		return person;
	}

	private boolean manages(Person person, Actor actor) {
		return person.getUnitId() != null && this.units.findById(person.getUnitId())
			.flatMap(unit -> this.regions.findWithin(unit.getRegionCode(), actor))
			.isPresent();
	}

	private void check(PersonDetails details, Person current, Actor actor) {
		FieldErrors errors = new FieldErrors().required("displayName", details.displayName(), 100)
			.required("unitId", details.unitId())
			.maxLength("phone", details.phone(), 30)
			.maxLength("email", details.email(), 200);
		if (current == null) {
			if (details.username() == null || !USERNAME.matcher(details.username()).matches()) {
				errors.reject("username", Text.of("error.username.format"));
			}
			else if (this.people.findByUsername(details.username()).isPresent()) {
				errors.reject("username", usernameTaken(details.username()));
			}
			errors.required("password", details.password());
		}
		else if (details.username() != null && !details.username().equals(current.getUsername())) {
			errors.reject("username", Text.of("error.person.usernameFixed"));
		}
		if (details.password() != null) {
			this.policy.check(errors, "password", details.password());
		}
		if (details.unitId() != null && this.units.findById(details.unitId())
			.flatMap(unit -> this.regions.findWithin(unit.getRegionCode(), actor))
			.isEmpty()) {
			errors.reject("unitId", Text.of("error.unit.notInJurisdiction", details.unitId()));
		}
		if (details.jurisdictionCode() != null
				&& this.regions.findWithin(details.jurisdictionCode(), actor).isEmpty()) {
			errors.reject("jurisdictionCode", Text.of("error.region.notInJurisdiction", details.jurisdictionCode()));
		}
		if (details.roles().isEmpty()) {
			errors.reject("roles", Text.of("error.person.noRole"));
		}
		else if (details.roles().contains(Role.ENTERPRISE)) {
			errors.reject("roles", Text.of("error.person.enterpriseRole"));
		}
		if (details.email() != null && !details.email().isBlank() && !details.email().contains("@")) {
			errors.reject("email", Text.of("error.contact.email"));
		}
		errors.throwIfAny();
	}

	private static Text usernameTaken(String username) {
		return Text.of("error.username.taken", username);
	}

}
