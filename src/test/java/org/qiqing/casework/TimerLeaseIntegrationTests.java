package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

/**
 * The sweep's lease is short and renewed while a sweep runs: a node killed while holding
 * it stops the timers for no longer than the lease, and a sweep that outlasts its lease
 * keeps it. The other nodes are built here on the same database, with a lease of two
 * second, so that the test waits seconds rather than the production lease.
 */
@IntegrationTest
class TimerLeaseIntegrationTests {

	static final Duration LEASE = Duration.ofSeconds(2);

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	TimerSweep sweep;

	@Autowired
	CaseTimers timers;

	@Autowired
	TimerFiring firing;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void aNodeKilledHoldingTheLeaseStopsTheTimersNoLongerThanItsLease() throws Exception {
		this.clock.set(LocalDateTime.parse("2026-10-12T10:00").atZone(CHINA).toInstant());
		long id = new Api(this.mvc).assignedCase(this.world);
		Instant late = LocalDateTime.parse("2026-11-30T10:00").atZone(CHINA).toInstant();
		this.clock.set(late);

		// The node takes the lease as a sweep does, and is killed: nothing releases or
		// renews it.
		Instant killed = Instant.now();
		assertThat(node(this.timers).takeLease()).isTrue();
		assertThat(this.sweep.sweep().swept()).isFalse();

		Instant deadline = killed.plus(LEASE).plusSeconds(5);
		while (true) {
			Instant tried = Instant.now();
			assertThat(tried).as("no node swept before %s", deadline).isBefore(deadline);
			TimerSweep.Result resumed = this.sweep.sweep();
			if (resumed.swept()) {
				// Measured to when the sweep took the lease, not to its end: a slow
				// machine may take seconds to fire what is due.
				assertThat(Duration.between(killed, tried)).isLessThan(LEASE.plusSeconds(1));
				assertThat(resumed.fired()).isPositive();
				break;
			}
			Thread.sleep(100);
		}
		assertThat(this.jdbc
			.sql("select count(*) from case_timer where case_id = :id and fired_at is null and fire_at <= :late")
			.param("id", id)
			.param("late", Timestamp.from(late))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aSweepThatOutlastsItsLeaseKeepsItByRenewingIt() throws Exception {
		this.clock.set(LocalDateTime.parse("2026-01-05T10:00").atZone(CHINA).toInstant());
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CaseTimers slow = new CaseTimers(this.jdbc) {

			@Override
			List<Due> claimDue(Instant now, int batch) {
				inside.countDown();
				try {
					finish.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return super.claimDue(now, batch);
			}

		};
		TimerSweep slowNode = node(slow);
		CompletableFuture<TimerSweep.Result> running = CompletableFuture.supplyAsync(slowNode::sweep);
		try {
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			Instant until = Instant.now().plus(LEASE.multipliedBy(3));
			while (Instant.now().isBefore(until)) {
				assertThat(this.sweep.sweep().swept()).as("another node swept while the lease was renewed").isFalse();
				Thread.sleep(200);
			}
		}
		finally {
			finish.countDown();
		}
		assertThat(running.get(10, TimeUnit.SECONDS).swept()).isTrue();
		// And the lease is freed as the sweep ends.
		assertThat(this.sweep.sweep().swept()).isTrue();
	}

	private TimerSweep node(CaseTimers timers) {
		return new TimerSweep(timers, this.firing, this.jdbc, this.transactions, this.clock,
				new TimerSweep.Settings(LEASE));
	}

}
