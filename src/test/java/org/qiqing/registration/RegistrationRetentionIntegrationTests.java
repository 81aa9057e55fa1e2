package org.qiqing.registration;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address a registration came from is kept a week; a refused registration is
 * anonymised after a month and its row kept for counts; pending and verified ones keep
 * what they need.
 */
@IntegrationTest
class RegistrationRetentionIntegrationTests {

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformClock clock;

	@Autowired
	RegistrationRetention retention;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void theAddressIsForgottenAfterAWeek() {
		Instant now = Instant.now();
		long lastWeek = registration("PENDING", now.minus(Duration.ofDays(7)).minusSeconds(60), null);
		long thisWeek = registration("PENDING", now.minus(Duration.ofDays(6)), null);

		this.clock.set(now);
		this.retention.purge();

		assertThat(row(lastWeek).get("filed_from")).isNull();
		assertThat(row(thisWeek).get("filed_from")).isEqualTo("10.1.2.3");
		assertThat(row(lastWeek).get("phone")).isEqualTo("13912345678");
	}

	@Test
	void aRefusedRegistrationIsAnonymisedAfterAMonthAndKeptForCounts() {
		Instant now = Instant.now();
		Instant longAgo = now.minus(Duration.ofDays(40));
		long oldRefusal = registration("REFUSED", longAgo, now.minus(Duration.ofDays(30)).minusSeconds(60));
		long recentRefusal = registration("REFUSED", longAgo, now.minus(Duration.ofDays(29)));
		long oldPending = registration("PENDING", longAgo, null);

		this.clock.set(now);
		this.retention.purge();
		this.retention.purge();

		Map<String, Object> anonymised = row(oldRefusal);
		assertThat(anonymised).containsEntry("display_name", "")
			.containsEntry("username", "")
			.containsEntry("password_hash", "")
			.containsEntry("phone", null)
			.containsEntry("email", null)
			.containsEntry("reason", null)
			.containsEntry("filed_from", null)
			.containsEntry("status", "REFUSED");
		assertThat(anonymised.get("anonymised_at")).isNotNull();
		assertThat(anonymised.get("enterprise_id")).isNotNull();
		assertThat(row(recentRefusal)).containsEntry("display_name", "张三").containsEntry("email", "z@example.com");
		assertThat(row(oldPending)).containsEntry("display_name", "张三").containsEntry("username", "zhang.san");
	}

	@Test
	void theJobMovesWithTheClock() {
		Instant now = Instant.now();
		long refusal = registration("REFUSED", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));

		this.clock.set(now.plus(Duration.ofDays(28)));
		this.retention.purge();
		assertThat(row(refusal)).containsEntry("display_name", "张三").containsEntry("filed_from", null);

		this.clock.set(now.plus(Duration.ofDays(30)));
		this.retention.purge();
		assertThat(row(refusal)).containsEntry("display_name", "").containsEntry("phone", null);
	}

	private long registration(String status, Instant filedAt, Instant decidedAt) {
		String hash = UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("""
				insert into registration (enterprise_id, enterprise_name, region_path, display_name, phone, email,
				    username, password_hash, status_hash, status, reason, filed_at, filed_from, decided_at)
				values (:enterprise, '测试', '/330400/330421/330421100/', '张三', '13912345678', 'z@example.com',
				    'zhang.san', '{bcrypt}x', :hash, :status, :reason, :filed, '10.1.2.3', :decided)""")
			.param("enterprise", this.world.firmA().getId())
			.param("hash", hash)
			.param("status", status)
			.param("reason", "REFUSED".equals(status) ? "张三的手机号不对" : null)
			.param("filed", Timestamp.from(filedAt))
			.param("decided", decidedAt == null ? null : Timestamp.from(decidedAt))
			.update();
		return this.jdbc.sql("select id from registration where status_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("""
				select display_name, phone, email, username, password_hash, reason, filed_from, status, enterprise_id,
				       anonymised_at
				from registration where id = :id""")
			.param("id", id)
			.query()
			.singleRow()
			.entrySet()
			.stream()
			.collect(java.util.HashMap::new, (map, e) -> map.put(e.getKey().toLowerCase(), e.getValue()),
					java.util.HashMap::putAll);
	}

}
