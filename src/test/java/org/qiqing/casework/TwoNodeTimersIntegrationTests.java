package org.qiqing.casework;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.QiqingApplication;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

/**
 * Two application nodes share one database and sweep the same due timers at the same
 * moment: every timer fires once, and what it does (an automatic supervision order, an
 * escalation) happens once per case.
 */
@IntegrationTest
class TwoNodeTimersIntegrationTests {

	static final int CASES = 24;

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	TimerSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void twoNodesSweepingTogetherFireEachTimerOnce() throws Exception {
		Api api = new Api(this.mvc);
		this.clock.set(LocalDateTime.parse("2026-06-01T10:00").atZone(CHINA).toInstant());
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			ids.add(api.assignedCase(this.world));
		}
		this.clock.reset();

		// The second node: the same application on the same database, as a second process
		// would be.
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(QiqingApplication.class)
			.profiles("test")
			// An argument, not a default property, which application.yml's port would
			// override: the test must not need port 8080 free.
			.run("--server.port=0")) {
			TimerSweep otherSweep = other.getBean(TimerSweep.class);
			PlatformClock otherClock = other.getBean(PlatformClock.class);
			java.time.Instant late = LocalDateTime.parse("2026-07-01T10:00").atZone(CHINA).toInstant();
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<TimerSweep.Result> first = CompletableFuture
				.supplyAsync(() -> sweepAt(this.sweep, this.clock, late, together));
			CompletableFuture<TimerSweep.Result> second = CompletableFuture
				.supplyAsync(() -> sweepAt(otherSweep, otherClock, late, together));
			// One of them sweeps; the other finds the lease held, or nothing left to
			// fire.
			TimerSweep.Result a = first.get();
			TimerSweep.Result b = second.get();
			assertThat(a.swept() || b.swept()).isTrue();
			assertThat(a.fired() + b.fired()).isGreaterThanOrEqualTo(CASES * 6);
		}

		String in = ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
		assertThat(count("select count(*) from case_event where action = 'ORDER' and case_id in (" + in + ")"))
			.isEqualTo(CASES);
		assertThat(count("select count(*) from case_event where action = 'ESCALATE' and case_id in (" + in + ")"))
			.isEqualTo(CASES);
		assertThat(count("select count(*) from supervision_order where case_id in (" + in + ")")).isEqualTo(CASES);
		assertThat(count("select count(*) from case_timer where fired_at is null and fire_at <= :late and case_id in ("
				+ in + ")"))
			.isZero();
		// Assigned, never contacted: yellow, red, the notice, the listing, the escalation
		// and the contact
		// reminder each fired once per case, none skipped.
		assertThat(count("select count(*) from case_timer where fired_at is not null and not skipped and case_id in ("
				+ in + ")"))
			.isEqualTo(CASES * 6);
	}

	private static TimerSweep.Result sweepAt(TimerSweep sweep, PlatformClock clock, java.time.Instant at,
			CyclicBarrier together) {
		clock.set(at);
		try {
			together.await();
			return sweep.sweep();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			clock.reset();
		}
	}

	private int count(String sql) {
		return this.jdbc.sql(sql)
			.param("late", java.sql.Timestamp.from(LocalDateTime.parse("2026-07-01T10:00").atZone(CHINA).toInstant()))
			.query(Integer.class)
			.single();
	}

}
