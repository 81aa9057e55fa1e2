package org.qiqing.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qiqing.enterprise.CreditCode;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.notification.DirectMail;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.ContactManagement;
import org.qiqing.organisation.Languages;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registrations of enterprise contacts: filed on the public form, decided by the service
 * centre of the enterprise's region (a dispatcher or an administrator whose jurisdiction
 * holds it) or by the enterprise's managing contact. A registration is not a person:
 * nobody logs in with it, so nothing can be filed before it is verified. Verifying it
 * makes the contact, with the password he chose.
 */
@Service
@Transactional
@EnableConfigurationProperties(RegistrationSettings.class)
public class RegistrationDesk {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the registrant is given to follow his registration on its status page. */
	public record Receipt(long id, String statusCode) {

		public String statusPath() {
			return "/register/status/" + this.statusCode;
		}

	}

	private final Registrations registrations;

	private final Managers managers;

	private final Enterprises enterprises;

	private final Regions regions;

	private final ContactManagement contacts;

	private final PasswordEncoder passwords;

	private final RegistrationThrottle throttle;

	private final RegistrationSettings settings;

	private final DirectMail mail;

	private final Clock clock;

	private final Languages languages;

	RegistrationDesk(Registrations registrations, Managers managers, Enterprises enterprises, Regions regions,
			ContactManagement contacts, PasswordEncoder passwords, RegistrationThrottle throttle,
			RegistrationSettings settings, DirectMail mail, Clock clock, Languages languages) {
		this.languages = languages;
		this.registrations = registrations;
		this.managers = managers;
		this.enterprises = enterprises;
		this.regions = regions;
		this.contacts = contacts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.settings = settings;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Files a registration, or refuses it with every reason and keeps nothing.
	 * @param from the network address it came from, for the rate limit
	 */
	public Receipt register(NewRegistration input, String from) {
		if (!this.throttle.admit(from)) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
					"too many registrations from your network; try again later");
		}
		String code = CreditCode.normalize(input.creditCode());
		String phone = Reachability.phone(input.phone());
		String email = Reachability.email(input.email());
		String username = input.username() == null ? null : input.username().strip();
		FieldErrors errors = new FieldErrors().required("displayName", input.displayName(), 100);
		Enterprise enterprise = null;
		if (code == null || code.isEmpty()) {
			errors.reject("creditCode", Text.of("error.registration.creditCode"));
		}
		else if (!CreditCode.isValid(code)) {
			errors.reject("creditCode", Text.of("error.creditCode.format", code));
		}
		else {
			enterprise = this.enterprises.findByCreditCode(code).orElse(null);
			if (enterprise == null) {
				errors.reject("creditCode", Text.of("error.registration.unknownEnterprise", code));
			}
		}
		Reachability.check(errors, phone, email);
		this.contacts.checkCredentials(errors, username, input.password());
		if (username != null && this.registrations.usernamePending(username)) {
			errors.reject("username", Text.of("error.username.taken", username));
		}
		if (enterprise != null) {
			if (this.registrations.pendingReachedAt(enterprise.getId(), phone, email)) {
				errors.reject("phone", Text.of("error.registration.pendingReach", enterprise.getName()));
			}
			else if (this.contacts.hasContactReachedAt(enterprise.getId(), phone, email)) {
				errors.reject("phone", Text.of("error.registration.contactReach", enterprise.getName()));
			}
			else if (this.registrations.countPendingOf(enterprise.getId()) >= this.settings.pendingPerEnterprise()) {
				errors.reject("creditCode", Text.of("error.registration.tooMany", enterprise.getName()));
			}
		}
		errors.throwIfAny();
		Region region = this.regions.find(enterprise.getRegionCode()).orElseThrow();
		String statusCode = secret();
		long id = this.registrations.add(new Registrations.Filed(enterprise.getId(), enterprise.getName(),
				region.path(), input.displayName().strip(), phone, email, username,
				this.passwords.encode(input.password()), sha256(statusCode), this.clock.instant(), from,
				Texts.language(LocaleContextHolder.getLocale()).getLanguage()));
		return new Receipt(id, statusCode);
	}

	/** The registration whose status page this is. */
	@Transactional(readOnly = true)
	public Optional<Registration> status(String statusCode) {
		return statusCode == null || statusCode.length() > 100 ? Optional.empty()
				: this.registrations.byStatusHash(sha256(statusCode));
	}

	/** The registrations that wait for the actor's decision, the oldest first. */
	@Transactional(readOnly = true)
	public List<Registration> pending(Actor actor) {
		return this.registrations.pending(actor, this.managers.enterpriseManagedBy(actor));
	}

	/**
	 * How many registrations wait for the actor: the number in the top bar of every page,
	 * read without a transaction of its own (its commit was one more round trip to the
	 * database per page).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public int pendingCount(Actor actor) {
		return this.registrations.countPending(actor, this.managers.enterpriseManagedBy(actor));
	}

	/** Whether the actor decides any registration: the link in the top bar. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public boolean decides(Actor actor) {
		return actor.has(org.qiqing.organisation.Role.DISPATCHER) || actor.has(org.qiqing.organisation.Role.ADMIN)
				|| this.managers.enterpriseManagedBy(actor) != null;
	}

	/** A registration the actor may decide; any other is not found. */
	@Transactional(readOnly = true)
	public Registration find(long id, Actor actor) {
		return this.registrations.findVisible(id, actor, this.managers.enterpriseManagedBy(actor))
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.registration"), id)));
	}

	/**
	 * Makes the registrant a contact of his enterprise; the enterprise's first contact
	 * becomes its manager.
	 */
	public Registration verify(long id, int expectedVersion, Actor actor) {
		Registration registration = pendingAt(id, expectedVersion, actor);
		Person person = this.contacts.enrol(registration.username(), registration.displayName(),
				this.registrations.passwordHash(id), registration.enterpriseId(), registration.phone(),
				registration.email());
		decide(registration, RegistrationStatus.VERIFIED, null, person.getId(), actor);
		this.managers.settle(registration.enterpriseId());
		Locale language = this.registrations.language(id);
		this.languages.choose(person.getId(), language);
		this.mail.send("registration:" + id, registration.email(), language,
				Text.of("notice.registration.verified.subject"), Text.of("notice.registration.verified.body",
						registration.displayName(), registration.enterpriseName(), registration.username()),
				"/login");
		return find(id, actor);
	}

	/** Refuses a registration, with the reason the registrant is told. */
	public Registration refuse(long id, int expectedVersion, String reason, Actor actor) {
		Registration registration = pendingAt(id, expectedVersion, actor);
		new FieldErrors().required("reason", reason, 500).throwIfAny();
		decide(registration, RegistrationStatus.REFUSED, reason.strip(), null, actor);
		this.mail.send("registration:" + id, registration.email(), this.registrations.language(id),
				Text.of("notice.registration.refused.subject"),
				Text.of("notice.registration.refused.body", registration.displayName(), reason.strip()), null);
		return find(id, actor);
	}

	private Registration pendingAt(long id, int expectedVersion, Actor actor) {
		Registration registration = find(id, actor);
		if (registration.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, registration.version());
		}
		if (registration.status() != RegistrationStatus.PENDING) {
			throw new NotAllowed(Text.of("error.registration.decided"));
		}
		return registration;
	}

	private void decide(Registration registration, RegistrationStatus status, String reason, Long personId,
			Actor actor) {
		if (!this.registrations.decide(registration.id(), registration.version(), status, reason, actor.personId(),
				personId, this.clock.instant())) {
			throw new StaleVersion(registration.version(), registration.version() + 1);
		}
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
