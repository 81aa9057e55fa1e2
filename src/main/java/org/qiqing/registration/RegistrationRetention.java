package org.qiqing.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps registrations' personal data no longer than {@link PrivacySettings} says: blanks
 * the network address a registration came from after a week, and anonymises a refused
 * registration after a month (name, phone, e-mail, login, password hash, the secret of
 * its status page and the reason, which may name him), keeping the row for counts. Every
 * node may run it: the updates only touch rows not yet cleared, so running twice, or on
 * two nodes at once, does no harm.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(PrivacySettings.class)
class RegistrationRetention {

	private static final Logger log = LoggerFactory.getLogger(RegistrationRetention.class);

	private final JdbcClient jdbc;

	private final PrivacySettings settings;

	private final Clock clock;

	RegistrationRetention(JdbcClient jdbc, PrivacySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${qiqing.privacy.retention-interval:1h}", initialDelayString = "5m")
	@Transactional
	void purge() {
		Instant now = this.clock.instant();
		int addresses = this.jdbc.sql("""
				update registration set filed_from = null
				where filed_from is not null and filed_at < :cutoff""")
			.param("cutoff", Timestamp.from(now.minus(this.settings.registrationAddressRetention())))
			.update();
		// The status hash must stay unique and match no secret code: no SHA-256 in hex
		// has
		// a colon.
		int anonymised = this.jdbc.sql("""
				update registration
				set display_name = '', phone = null, email = null, username = '', password_hash = '',
				    status_hash = 'anonymised:' || cast(id as varchar(20)), reason = null, filed_from = null,
				    anonymised_at = :now
				where status = 'REFUSED' and anonymised_at is null and decided_at < :cutoff""")
			.param("now", Timestamp.from(now))
			.param("cutoff", Timestamp.from(now.minus(this.settings.refusedRegistrationRetention())))
			.update();
		if (addresses + anonymised > 0) {
			log.info("Registrations: forgot {} network addresses, anonymised {} refused registrations", addresses,
					anonymised);
		}
	}

}
