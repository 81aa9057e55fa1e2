package org.qiqing.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the answers to idempotent requests once a retry can no longer be expected
 * ({@code qiqing.idempotency.retention}, a day by default, as payment APIs do), so that
 * the table does not grow with every request ever made. Every node may run it: deleting
 * the same old rows twice does no harm.
 */
@Component
@EnableScheduling
class IdempotencyRetention {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

	private final IdempotentRequests requests;

	private final Duration retention;

	private final Clock clock;

	IdempotencyRetention(IdempotentRequests requests, @Value("${qiqing.idempotency.retention:24h}") Duration retention,
			Clock clock) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("qiqing.idempotency.retention must be positive, not " + retention);
		}
		this.requests = requests;
		this.retention = retention;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${qiqing.idempotency.purge-interval:1h}", initialDelayString = "5m")
	void purge() {
		int forgotten = this.requests.forgetBefore(this.clock.instant().minus(this.retention));
		if (forgotten > 0) {
			log.info("Forgot {} idempotent requests older than {}", forgotten, this.retention);
		}
	}

}
