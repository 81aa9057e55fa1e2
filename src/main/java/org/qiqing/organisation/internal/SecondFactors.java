package org.qiqing.organisation.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.PlatformClock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's second factor: a TOTP secret his authenticator app holds (RFC 6238, 6 digits
 * every 30 s, a code accepted one step early or late and never twice), confirmed with a
 * first code, and 10 recovery codes for a lost phone, kept as SHA-256 hashes (they are
 * random, like API tokens) and each good once. Under {@code prod} an administrator must
 * have one ({@code qiqing.security.totp.required-for-admins}).
 */
@Component
@EnableConfigurationProperties(SecondFactors.Settings.class)
public class SecondFactors {

	static final int RECOVERY_CODES = 10;

	@ConfigurationProperties("qiqing.security.totp")
	record Settings(boolean requiredForAdmins, String key, String issuer) {

		Settings {
			issuer = issuer == null ? "Qiqing" : issuer;
		}

	}

	/** What the person types or scans into his app: the secret and its otpauth:// URI. */
	public record Enrolment(String secret, String uri) {
	}

	private final JdbcClient jdbc;

	private final PlatformClock clock;

	private final Settings settings;

	private final SecretBox box;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(JdbcClient jdbc, PlatformClock clock, Settings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.box = new SecretBox(settings.key());
	}

	/** Whether the person confirmed a second factor, so that his logins ask for it. */
	public boolean enrolled(long personId) {
		return this.jdbc.sql("select count(*) from person_totp where person_id = :person and confirmed_at is not null")
			.param("person", personId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Whether this person may do nothing before he has a second factor. */
	boolean requiredFor(Actor actor) {
		return this.settings.requiredForAdmins() && actor.has(Role.ADMIN);
	}

	/**
	 * The secret to put into the app: the one not yet confirmed, if he started already,
	 * else a new one. Empty when he has a confirmed one.
	 */
	@Transactional
	public Optional<Enrolment> start(Actor actor) {
		if (enrolled(actor.personId())) {
			return Optional.empty();
		}
		String secret = unconfirmedSecret(actor.personId()).orElseGet(() -> {
			byte[] bytes = new byte[20];
			this.random.nextBytes(bytes);
			String fresh = Totp.base32(bytes);
			this.jdbc.sql("insert into person_totp (person_id, secret) values (:person, :secret)")
				.param("person", actor.personId())
				.param("secret", this.box.seal(fresh))
				.update();
			return fresh;
		});
		return Optional.of(new Enrolment(secret, uri(actor.username(), secret)));
	}

	/**
	 * Confirms the secret not yet confirmed with a code from the app.
	 * @return the recovery codes, to be shown once; empty if the code is wrong
	 */
	@Transactional
	public Optional<List<String>> confirm(long personId, String code) {
		Optional<String> secret = unconfirmedSecret(personId);
		if (secret.isEmpty() || !acceptCode(personId, secret.get(), code)) {
			return Optional.empty();
		}
		this.jdbc.sql("update person_totp set confirmed_at = :now where person_id = :person")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("person", personId)
			.update();
		this.jdbc.sql("delete from totp_recovery_code where person_id = :person").param("person", personId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[7];
			this.random.nextBytes(bytes);
			String recovery = Totp.base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
			recovery = recovery.substring(0, 5) + "-" + recovery.substring(5);
			this.jdbc.sql("insert into totp_recovery_code (person_id, code_hash) values (:person, :hash)")
				.param("person", personId)
				.param("hash", recoveryHash(recovery))
				.update();
			codes.add(recovery);
		}
		return Optional.of(codes);
	}

	/**
	 * Whether a code from the app, or an unused recovery code, proves the second factor.
	 */
	@Transactional
	boolean verify(long personId, String code) {
		if (code == null) {
			return false;
		}
		String typed = code.strip();
		if (typed.matches("\\d{6}")) {
			return this.jdbc
				.sql("select secret from person_totp where person_id = :person and confirmed_at is not null")
				.param("person", personId)
				.query(String.class)
				.optional()
				.map(this.box::open)
				.filter(secret -> acceptCode(personId, secret, typed))
				.isPresent();
		}
		return this.jdbc.sql("""
				update totp_recovery_code set used_at = :now
				where person_id = :person and code_hash = :hash and used_at is null""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("person", personId)
			.param("hash", recoveryHash(typed))
			.update() == 1;
	}

	/**
	 * Accepts a code of the current step or its neighbours, once: the step it matched is
	 * remembered, and no code of that step or an earlier one works again.
	 */
	private boolean acceptCode(long personId, String secret, String code) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return false;
		}
		byte[] key = Totp.fromBase32(secret);
		long now = Totp.step(this.clock.instant());
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(Totp.code(key, step).getBytes(StandardCharsets.US_ASCII),
					code.strip().getBytes(StandardCharsets.US_ASCII))) {
				return this.jdbc
					.sql("update person_totp set last_step = :step where person_id = :person and last_step < :step")
					.param("step", step)
					.param("person", personId)
					.update() == 1;
			}
		}
		return false;
	}

	private Optional<String> unconfirmedSecret(long personId) {
		return this.jdbc.sql("select secret from person_totp where person_id = :person and confirmed_at is null")
			.param("person", personId)
			.query(String.class)
			.optional()
			.map(this.box::open);
	}

	private String uri(String username, String secret) {
		String issuer = URLEncoder.encode(this.settings.issuer(), StandardCharsets.UTF_8).replace("+", "%20");
		String account = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + issuer + ":" + account + "?secret=" + secret + "&issuer=" + issuer
				+ "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
	}

	private static String recoveryHash(String code) {
		return ApiTokens.hash(code.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", ""));
	}

}
