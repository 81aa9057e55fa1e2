package org.qiqing.organisation.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.qiqing.platform.PlatformClock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: failed logins are counted per account and per network address,
 * failed API tokens per address, in the database every node shares
 * ({@code login_failure}). After {@code threshold} failures each further failure makes
 * its key wait, 1 s the first time and twice as long each time after, up to 15 minutes;
 * attempts made while a key waits are refused without being tried or counted. Nothing
 * locks an account for good: a wait always ends, a success forgets the account's
 * failures, and failures older than {@code decay} are forgotten. What it cannot prevent:
 * an attacker who keeps guessing one account delays its owner's next login by at most the
 * longest wait.
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Settings.class)
class LoginThrottle {

	@ConfigurationProperties("qiqing.security.login-throttle")
	record Settings(Integer accountFailures, Integer addressFailures, Integer tokenFailures, Duration firstWait,
			Duration maxWait, Duration decay) {

		Settings {
			accountFailures = accountFailures == null ? 5 : accountFailures;
			addressFailures = addressFailures == null ? 20 : addressFailures;
			tokenFailures = tokenFailures == null ? 20 : tokenFailures;
			firstWait = firstWait == null ? Duration.ofSeconds(1) : firstWait;
			maxWait = maxWait == null ? Duration.ofMinutes(15) : maxWait;
			decay = decay == null ? Duration.ofHours(1) : decay;
		}

		/** How long a key waits after its {@code failures}-th failure. */
		Duration waitAfter(int failures, int threshold) {
			if (failures < threshold) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - threshold, 30);
			Duration wait = this.firstWait.multipliedBy(1L << doublings);
			return wait.compareTo(this.maxWait) > 0 ? this.maxWait : wait;
		}

	}

	private final JdbcClient jdbc;

	private final PlatformClock clock;

	private final Settings settings;

	static final Duration TOKEN_WAITS_READ_EVERY = Duration.ofSeconds(1);

	/** Each address's token wait as last read (Instant.MIN: none), kept a second. */
	private final Cache<String, Instant> tokenWaits = Caffeine.newBuilder()
		.expireAfterWrite(TOKEN_WAITS_READ_EVERY)
		.maximumSize(10_000)
		.build();

	LoginThrottle(JdbcClient jdbc, PlatformClock clock, Settings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * How long a login to this account from this address must still wait (zero: none).
	 */
	Duration loginWait(String username, String address) {
		Duration account = waitOf(account(username));
		Duration from = waitOf(address(address));
		return account.compareTo(from) > 0 ? account : from;
	}

	void loginFailed(String username, String address) {
		failed(account(username), this.settings.accountFailures());
		failed(address(address), this.settings.addressFailures());
	}

	/**
	 * The account's failures are forgotten; the address's are not (it may be guessing
	 * others).
	 */
	void loginSucceeded(String username) {
		this.jdbc.sql("delete from login_failure where throttle_key = :key").param("key", account(username)).update();
	}

	/**
	 * How long API tokens from this address must still wait. Every API request asks, so
	 * the answer is read from the database at most once a second per address
	 * ({@link #TOKEN_WAITS_READ_EVERY}): a wait begun by another node's refusals holds
	 * here that much later; one begun here holds at once.
	 */
	Duration tokenWait(String address) {
		Instant until = this.tokenWaits.get(tokenAddress(address),
				key -> blockedUntil(key, this.clock.instant()).orElse(Instant.MIN));
		Instant now = this.clock.instant();
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	void tokenFailed(String address) {
		failed(tokenAddress(address), this.settings.tokenFailures());
		this.tokenWaits.invalidate(tokenAddress(address));
	}

	/** Rows whose failures have decayed and whose wait is over say nothing any more. */
	@Scheduled(fixedDelayString = "${qiqing.security.login-throttle.cleanup:10m}")
	void forgetOld() {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				delete from login_failure
				where last_failed_at < :decayed and (blocked_until is null or blocked_until < :now)""")
			.param("decayed", Timestamp.from(now.minus(this.settings.decay())))
			.param("now", Timestamp.from(now))
			.update();
	}

	private Duration waitOf(String key) {
		Instant now = this.clock.instant();
		return blockedUntil(key, now).map(until -> Duration.between(now, until)).orElse(Duration.ZERO);
	}

	private Optional<Instant> blockedUntil(String key, Instant now) {
		return this.jdbc
			.sql("select blocked_until from login_failure where throttle_key = :key and blocked_until > :now")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private void failed(String key, int threshold) {
		Instant now = this.clock.instant();
		// One statement counts, so that failures arriving together on several nodes all
		// count.
		int updated = this.jdbc.sql("""
				update login_failure
				set failures = case when last_failed_at < :decayed then 1 else failures + 1 end,
				    last_failed_at = :now
				where throttle_key = :key""")
			.param("decayed", Timestamp.from(now.minus(this.settings.decay())))
			.param("now", Timestamp.from(now))
			.param("key", key)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into login_failure (throttle_key, failures, last_failed_at)
						values (:key, 1, :now)""").param("key", key).param("now", Timestamp.from(now)).update();
			}
			catch (DuplicateKeyException raced) {
				failed(key, threshold);
				return;
			}
		}
		int failures = this.jdbc.sql("select failures from login_failure where throttle_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
		Duration wait = this.settings.waitAfter(failures, threshold);
		if (!wait.isZero()) {
			this.jdbc.sql("update login_failure set blocked_until = :until where throttle_key = :key")
				.param("until", Timestamp.from(now.plus(wait)))
				.param("key", key)
				.update();
		}
	}

	private static String account(String username) {
		return "account:" + clip(username);
	}

	private static String address(String address) {
		return "address:" + clip(address);
	}

	private static String tokenAddress(String address) {
		return "token-address:" + clip(address);
	}

	private static String clip(String value) {
		String text = value == null ? "" : value;
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

}
