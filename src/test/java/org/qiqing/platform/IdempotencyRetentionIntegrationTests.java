package org.qiqing.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer to an idempotent request is kept for a day, for retries, and then forgotten,
 * so the table does not grow with every request ever made.
 */
@IntegrationTest
class IdempotencyRetentionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformClock clock;

	@Autowired
	IdempotencyRetention retention;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void anAnswerIsKeptForADayThenForgotten() throws Exception {
		String key = UUID.randomUUID().toString();
		int status = this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/cases")
				.header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer())
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"categoryId": %d, "title": "用工招聘", "description": "招工难，请协调人社部门。"}"""
					.formatted(this.world.category().id())))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(201);
		Instant now = Instant.now();

		this.clock.set(now.plus(Duration.ofHours(23)));
		this.retention.purge();
		assertThat(stored(key)).isEqualTo(1);

		this.clock.set(now.plus(Duration.ofHours(25)));
		this.retention.purge();
		assertThat(stored(key)).isZero();
	}

	private int stored(String key) {
		return this.jdbc.sql("select count(*) from idempotent_request where idem_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

}
