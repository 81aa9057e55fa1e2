package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the clocks of all cases forward and fires the timers that are due. Time states
 * advance in two set-based statements; timers are claimed in batches and each batch is
 * fired and marked in one transaction, so a timer fires once or not at all. A batch fires
 * at once, in one savepoint ({@link TimerFiring}); should anything in it fail, it is
 * rolled back to that savepoint and fired again one timer at a time, each in a savepoint
 * of its own, so that only the timer that fails is postponed. One node sweeps at a time,
 * under a lease in the database: two sweeps at once would only wait on each other's rows
 * (and the claims use {@code FOR UPDATE SKIP LOCKED} should a lease run out under a slow
 * sweep). After downtime the sweep catches up: every overdue timer fires once, checking
 * first whether its case still needs it.
 */
@Component
public class TimerSweep {

	private static final Logger log = LoggerFactory.getLogger(TimerSweep.class);

	static final int BATCH = 500;

	/**
	 * A timer whose firing failed is tried again this much later, not in a tight loop.
	 */
	private static final Duration RETRY = Duration.ofMinutes(10);

	/**
	 * Long enough for any sweep; a node that dies holding it frees it this much later.
	 */
	private static final Duration LEASE = Duration.ofMinutes(5);

	private final String node = java.util.UUID.randomUUID().toString();

	private final CaseTimers timers;

	private final TimerFiring firing;

	private final JdbcClient jdbc;

	private final TransactionTemplate batch;

	private final TransactionTemplate single;

	private final Clock clock;

	TimerSweep(CaseTimers timers, TimerFiring firing, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		this.timers = timers;
		this.firing = firing;
		this.jdbc = jdbc;
		this.batch = new TransactionTemplate(transactions);
		this.single = new TransactionTemplate(transactions);
		this.single.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	/**
	 * Sweeps up to the current time. Each batch reads the clock again, so that a long
	 * sweep fires the timers falling due while it runs, rather than leaving them to the
	 * next.
	 */
	public Result sweep() {
		if (!takeLease()) {
			return new Result(false, 0, 0, 0, 0);
		}
		try {
			return sweepHolding();
		}
		finally {
			this.jdbc.sql(
					"update timer_sweep_lease set holder = null, held_until = null where name = 'timers' and holder = :node")
				.param("node", this.node)
				.update();
		}
	}

	/**
	 * What a sweep did: cases that changed colour, timers fired and skipped; nothing if
	 * another node held the lease.
	 */
	public record Result(boolean swept, int turnedYellow, int turnedRed, int fired, int skipped) {
	}

	/**
	 * The lease runs on the real time of the machines, whatever moment a test sweeps at.
	 */
	private boolean takeLease() {
		Instant real = Instant.now();
		return this.batch.execute(status -> this.jdbc.sql("""
				update timer_sweep_lease set holder = :node, held_until = :until
				where name = 'timers' and (held_until is null or held_until < :now)""")
			.param("node", this.node)
			.param("until", Timestamp.from(real.plus(LEASE)))
			.param("now", Timestamp.from(real))
			.update()) == 1;
	}

	private Result sweepHolding() {
		Instant now = this.clock.instant();
		int red = this.batch.execute(status -> this.jdbc.sql("""
				update cases set time_state = 'RED'
				where time_state in ('ON_TIME', 'YELLOW') and limit_at <= :now""")
			.param("now", Timestamp.from(now))
			.update());
		int yellow = this.batch.execute(status -> this.jdbc.sql("""
				update cases set time_state = 'YELLOW' where time_state = 'ON_TIME' and yellow_at <= :now""")
			.param("now", Timestamp.from(now))
			.update());
		int fired = 0;
		int skipped = 0;
		while (true) {
			int[] counts = this.batch.execute(status -> fireBatch(this.clock.instant()));
			fired += counts[0];
			skipped += counts[1];
			if (counts[0] + counts[1] < BATCH) {
				break;
			}
		}
		return new Result(true, yellow, red, fired, skipped);
	}

	/**
	 * @return how many timers fired and how many were skipped (or postponed)
	 */
	private int[] fireBatch(Instant now) {
		List<CaseTimers.Due> due = this.timers.claimDue(now, BATCH);
		if (due.isEmpty()) {
			return new int[2];
		}
		try {
			return this.single.execute(status -> fireAndMark(due, now));
		}
		catch (RuntimeException batchFailed) {
			log.info("A batch of {} timers failed ({}); firing them one at a time", due.size(), batchFailed.toString());
		}
		int[] counts = new int[2];
		for (CaseTimers.Due timer : due) {
			try {
				int[] one = this.single.execute(status -> fireAndMark(List.of(timer), now));
				counts[0] += one[0];
				counts[1] += one[1];
			}
			catch (RuntimeException ex) {
				log.warn("Timer {} ({} of case {}) failed; trying again in {}", timer.id(), timer.kind(),
						timer.caseId(), RETRY, ex);
				this.timers.postpone(timer.id(), now.plus(RETRY));
				counts[1]++;
			}
		}
		return counts;
	}

	private int[] fireAndMark(List<CaseTimers.Due> due, Instant now) {
		TimerFiring.Fired outcome = this.firing.fire(due, now);
		this.timers.fired(outcome.fired(), now, false);
		this.timers.fired(outcome.skipped(), now, true);
		return new int[] { outcome.fired().size(), outcome.skipped().size() };
	}

}
