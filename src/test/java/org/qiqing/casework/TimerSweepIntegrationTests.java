package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

/**
 * A batch of timers fires at once; when one of them fails, the batch is fired again one
 * timer at a time, so that the others fire exactly once and only the bad one waits.
 */
@IntegrationTest
class TimerSweepIntegrationTests {

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
	void aTimerThatFailsIsPostponedAloneAndTheRestOfItsBatchFiresOnce() throws Exception {
		Api api = new Api(this.mvc);
		this.clock.set(LocalDateTime.parse("2026-08-03T10:00").atZone(CHINA).toInstant());
		List<Long> good = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			good.add(api.assignedCase(this.world));
		}
		long bad = api.assignedCase(this.world);
		// An event written behind the engine's back holds the next place in the bad
		// case's history, so the steps its timers take (the automatic order, the
		// escalation) fail at the database.
		this.jdbc.sql("""
				insert into case_event (case_id, seq, action, actor_id, at, to_state, prev_hash, hash)
				select id, event_count + 1, 'URGE', submitted_by, updated_at, state, last_hash, last_hash
				from cases where id = :id""").param("id", bad).update();
		Instant late = LocalDateTime.parse("2026-09-01T10:00").atZone(CHINA).toInstant();
		try {
			this.clock.set(late);
			this.sweep.sweep();
			this.sweep.sweep();

			for (long id : good) {
				// Yellow, red, the notice, the listing, the escalation and the contact
				// reminder, each once.
				assertThat(count("select count(*) from case_timer where case_id = :id and fired_at is not null"
						+ " and not skipped", id))
					.isEqualTo(6);
				assertThat(count("select count(*) from case_event where case_id = :id and action = 'ORDER'", id))
					.isEqualTo(1);
				assertThat(count("select count(*) from supervision_order where case_id = :id", id)).isEqualTo(1);
				assertThat(count("select count(*) from notification_received where notice_key like '" + yellow(id)
						+ "' and person_id = " + this.world.handlerA().actor().personId(), id))
					.isEqualTo(1);
			}
			assertThat(this.jdbc.sql("""
					select kind, fire_at from case_timer where case_id = :id and fired_at is null order by kind""")
				.param("id", bad)
				.query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant())
				.list()).containsExactly("ESCALATE " + late.plus(Duration.ofMinutes(10)),
						"RED " + late.plus(Duration.ofMinutes(10)));
			// Its other timers fired, once: the urging, the overdue notice, the listing
			// and the contact reminder.
			assertThat(count(
					"select count(*) from case_timer where case_id = :id and fired_at is not null and not skipped",
					bad))
				.isEqualTo(4);
			assertThat(count("select count(*) from supervision_order where case_id = :id", bad)).isZero();
			assertThat(count("select count(*) from notification_received where notice_key like '" + yellow(bad)
					+ "' and person_id = " + this.world.handlerA().actor().personId(), bad))
				.isEqualTo(1);
		}
		finally {
			this.jdbc.sql(
					"delete from case_event where case_id = :id and seq > (select event_count from cases where id = :id)")
				.param("id", bad)
				.update();
			this.jdbc.sql(
					"update case_timer set fired_at = fire_at, skipped = true where case_id = :id and fired_at is null")
				.param("id", bad)
				.update();
		}
	}

	private static String yellow(long caseId) {
		return "case:" + caseId + ":yellow:%";
	}

	private int count(String sql, long id) {
		return this.jdbc.sql(sql)
			.param("id", id)
			.param("late", Timestamp.from(LocalDateTime.parse("2026-09-01T10:00").atZone(CHINA).toInstant()))
			.query(Integer.class)
			.single();
	}

}
