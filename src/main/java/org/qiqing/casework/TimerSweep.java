package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 * sweep). The lease is short ({@code qiqing.timers.lease}) and renewed while the sweep
 * runs, so that a node killed in the middle of a sweep stops the timers no longer than
 * that; it is counted on the database's clock, which all nodes share. After downtime the
 * sweep catches up: every overdue timer fires once, checking first whether its case still
 * needs it.
 */
@Component
@EnableConfigurationProperties(TimerSweep.Settings.class)
public class TimerSweep {

	private static final Logger log = LoggerFactory.getLogger(TimerSweep.class);

	static final int BATCH = 500;

	/**
	 * A timer whose firing failed is tried again this much later, not in a tight loop.
	 */
	private static final Duration RETRY = Duration.ofMinutes(10);

	private final String node = java.util.UUID.randomUUID().toString();

	private final CaseTimers timers;

	private final TimerFiring firing;

	private final JdbcClient jdbc;

	private final TransactionTemplate batch;

	private final TransactionTemplate single;

	private final Clock clock;

	private final Duration lease;

	/**
	 * Renews the lease while a sweep runs; its one thread ends when idle.
	 */
	private final ScheduledThreadPoolExecutor renewals;

	/**
	 * The sweep's lease ({@code qiqing.timers.*}).
	 *
	 * @param lease how long the lease lasts unless renewed: a node that dies holding it
	 * stops the timers this long at most. It is renewed three times within it, so it must
	 * outlast a pause of the node (a garbage collection) or of the database.
	 */
	@ConfigurationProperties("qiqing.timers")
	record Settings(@DefaultValue("20s") Duration lease) {

	}

	TimerSweep(CaseTimers timers, TimerFiring firing, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock, Settings settings) {
		this.timers = timers;
		this.firing = firing;
		this.jdbc = jdbc;
		this.batch = new TransactionTemplate(transactions);
		this.single = new TransactionTemplate(transactions);
		this.single.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
		this.lease = settings.lease();
		this.renewals = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "timer-lease");
			thread.setDaemon(true);
			return thread;
		});
		this.renewals.setKeepAliveTime(1, TimeUnit.MINUTES);
		this.renewals.allowCoreThreadTimeOut(true);
		this.renewals.setRemoveOnCancelPolicy(true);
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
		long every = this.lease.dividedBy(3).toMillis();
		ScheduledFuture<?> renewing = this.renewals.scheduleAtFixedRate(this::renewLease, every, every,
				TimeUnit.MILLISECONDS);
		try {
			return sweepHolding();
		}
		finally {
			renewing.cancel(false);
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
	 * The lease runs on the database's clock, whatever moment a test sweeps at and
	 * however the nodes' clocks differ.
	 */
	boolean takeLease() {
		return this.batch.execute(status -> {
			Instant now = databaseNow();
			return this.jdbc.sql("""
					update timer_sweep_lease set holder = :node, held_until = :until
					where name = 'timers' and (held_until is null or held_until < :now)""")
				.param("node", this.node)
				.param("until", Timestamp.from(now.plus(this.lease)))
				.param("now", Timestamp.from(now))
				.update();
		}) == 1;
	}

	/**
	 * Runs on its own thread, beside the sweep. Should the lease have run out all the
	 * same (the node stood still longer than the lease), the sweep goes on: another node
	 * may sweep beside it, and their claims skip each other's timers.
	 */
	private void renewLease() {
		try {
			int renewed = this.batch.execute(status -> this.jdbc
				.sql("update timer_sweep_lease set held_until = :until where name = 'timers' and holder = :node")
				.param("node", this.node)
				.param("until", Timestamp.from(databaseNow().plus(this.lease)))
				.update());
			if (renewed == 0) {
				log.warn("The timers' lease ran out under a sweep of this node; another node may be sweeping too");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the timers' lease", ex);
		}
	}

	private Instant databaseNow() {
		return this.jdbc.sql("select current_timestamp").query(Timestamp.class).single().toInstant();
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
