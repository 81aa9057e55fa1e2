package org.qiqing.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentTests {

	static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

	final AtomicInteger computed = new AtomicInteger();

	@Test
	void anAnswerIsGivenAgainWithinItsTimeAndComputedAfreshAfterIt() {
		Recent<String, Integer> recent = new Recent<>(Duration.ofSeconds(60), 10, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(recent.get("city", this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(recent.get("city", this.computed::incrementAndGet)).isEqualTo(1);
		assertThat(recent.get("county", this.computed::incrementAndGet)).isEqualTo(2);
		Recent<String, Integer> later = new Recent<>(Duration.ofSeconds(60), 10,
				Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(61)));
		assertThat(later.get("city", this.computed::incrementAndGet)).isEqualTo(3);
	}

	@Test
	void clearingForgetsEveryAnswerAndZeroKeepsNone() {
		Recent<String, Integer> recent = new Recent<>(Duration.ofSeconds(60), 10, Clock.fixed(NOW, ZoneOffset.UTC));
		recent.get("city", this.computed::incrementAndGet);
		recent.clear();
		assertThat(recent.get("city", this.computed::incrementAndGet)).isEqualTo(2);
		Recent<String, Integer> none = new Recent<>(Duration.ZERO, 10, Clock.fixed(NOW, ZoneOffset.UTC));
		none.get("city", this.computed::incrementAndGet);
		assertThat(none.get("city", this.computed::incrementAndGet)).isEqualTo(4);
	}

}
