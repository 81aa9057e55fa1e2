package org.qiqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scheduled job's lease: one node holds it until it gives it back or it runs out (on
 * the database's clock). On the campaigns' lease table, whose round tests never schedule.
 */
@IntegrationTest
class LeaseIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneNodeAtATimeHoldsTheLeaseUntilItGivesItBackOrItRunsOut() {
		Lease one = new Lease(this.jdbc, "campaign_lease", "urging", Duration.ofMinutes(30));
		Lease other = new Lease(this.jdbc, "campaign_lease", "urging", Duration.ofMinutes(30));
		assertThat(one.take()).isTrue();
		assertThat(other.take()).isFalse();
		other.release();
		assertThat(other.take()).isFalse();
		one.release();
		assertThat(other.take()).isTrue();
		other.release();

		Lease brief = new Lease(this.jdbc, "campaign_lease", "urging", Duration.ofMillis(-1));
		assertThat(brief.take()).isTrue();
		assertThat(one.take()).as("a lease run out is taken by another node").isTrue();
		one.release();
	}

}
