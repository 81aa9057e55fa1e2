package org.qiqing.assessment;

import java.time.Duration;
import java.time.YearMonth;

import org.qiqing.platform.Lease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Freezes the months that have ended, every {@code qiqing.assessment.interval} (an hour),
 * on the node that takes the lease ({@code assessment_lease}, on the database's clock, as
 * the timers' sweep): the months after the last frozen one up to last month, in order
 * (the last month alone when none was ever frozen). A month is frozen once whatever runs
 * it, so two nodes at once would only do the work twice, never freeze twice. Nothing is
 * frozen while the statistics do not count every step (an upgrade before its
 * {@code --rebuild-statistics}): the months wait, and are frozen in order once they do.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qiqing.assessment.enabled", havingValue = "true", matchIfMissing = true)
class AssessmentSchedule {

	private static final Logger log = LoggerFactory.getLogger(AssessmentSchedule.class);

	/** Long enough for a province's month, which takes well under a minute. */
	private static final Duration LEASE = Duration.ofMinutes(10);

	private final AssessmentFreeze freeze;

	private final Lease lease;

	AssessmentSchedule(AssessmentFreeze freeze, JdbcClient jdbc) {
		this.freeze = freeze;
		this.lease = new Lease(jdbc, "assessment_lease", "freeze", LEASE);
	}

	@Scheduled(fixedDelayString = "${qiqing.assessment.interval:1h}",
			initialDelayString = "${qiqing.assessment.initial-delay:2m}")
	void freezeEndedMonths() {
		if (!this.freeze.countsComplete()) {
			log.warn("The assessment waits: the statistics do not count the cases filed before them yet. "
					+ "Run the application once with --rebuild-statistics.");
			return;
		}
		if (!this.lease.take()) {
			return;
		}
		try {
			YearMonth last = this.freeze.thisMonth().minusMonths(1);
			YearMonth next = this.freeze.lastFrozen().map(m -> m.plusMonths(1)).orElse(last);
			for (YearMonth month = next; !month.isAfter(last); month = month.plusMonths(1)) {
				AssessmentFreeze.Outcome outcome = this.freeze.freeze(month, null);
				log.info("Froze the assessment of {}: {} results, {} adjustments, {} ms", month, outcome.results(),
						outcome.adjustments(), outcome.millis());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not freeze the assessment", ex);
		}
		finally {
			this.lease.release();
		}
	}

}
