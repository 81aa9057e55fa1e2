package org.qiqing.organisation.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waits of the throttle with its default settings: none for the first failures, then
 * 1 s doubling with every failure, never more than 15 minutes.
 */
class LoginThrottleTests {

	private final LoginThrottle.Settings settings = new LoginThrottle.Settings(null, null, null, null, null, null);

	@Test
	void waitsBeginAtTheFifthFailureOfAnAccountAndDoubleUpToFifteenMinutes() {
		assertThat(this.settings.waitAfter(4, this.settings.accountFailures())).isZero();
		assertThat(this.settings.waitAfter(5, 5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.settings.waitAfter(6, 5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.settings.waitAfter(10, 5)).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.settings.waitAfter(15, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.settings.waitAfter(10_000, 5)).isEqualTo(Duration.ofMinutes(15));
	}

}
