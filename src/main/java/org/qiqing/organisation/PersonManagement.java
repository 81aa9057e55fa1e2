package org.qiqing.organisation;

import java.util.Optional;
import java.util.regex.Pattern;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	PersonManagement(People people, Units units, Regions regions, PasswordEncoder passwords, PasswordPolicy policy,
			ApplicationEventPublisher events) {
		this.people = people;
		this.units = units;
		this.regions = regions;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
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

	public Person update(long id, int expectedVersion, PersonDetails details, Actor actor) {
		Person person = find(id, actor);
		if (person.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, person.getVersion());
		}
		return change(person, details, actor);
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
