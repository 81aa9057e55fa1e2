package org.qiqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TalliesTests {

	static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

	final AtomicInteger counted = new AtomicInteger();

	@Test
	void aCountIsMadeOnceAndAnsweredAgainWithinItsTime() {
		Tallies<String, Integer> tallies = new Tallies<>("test", Duration.ofSeconds(15),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(tallies.get("county", this.counted::incrementAndGet)).isEqualTo(1);
		assertThat(tallies.get("county", this.counted::incrementAndGet)).isEqualTo(1);
		assertThat(tallies.get("city", this.counted::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void anOldOrStaleCountIsAnsweredWhileItIsCountedAgainInTheBackground() throws Exception {
		MutableClock clock = new MutableClock();
		Tallies<String, Integer> tallies = new Tallies<>("test", Duration.ofSeconds(15), clock);
		assertThat(tallies.get("county", this.counted::incrementAndGet)).isEqualTo(1);
		clock.now = NOW.plusSeconds(16);
		CountDownLatch recounted = new CountDownLatch(1);
		assertThat(tallies.get("county", () -> {
			recounted.countDown();
			return 10 + this.counted.incrementAndGet();
		})).as("the old count, at once").isEqualTo(1);
		assertThat(recounted.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(eventually(tallies, 12)).isEqualTo(12);

		tallies.markStale();
		assertThat(tallies.get("county", () -> 100 + this.counted.incrementAndGet())).isEqualTo(12);
		assertThat(eventually(tallies, 103)).isEqualTo(103);
	}

	@Test
	void aZeroTimeCountsAtEveryAsk() {
		Tallies<String, Integer> tallies = new Tallies<>("test", Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC));
		tallies.get("county", this.counted::incrementAndGet);
		tallies.get("county", this.counted::incrementAndGet);
		assertThat(this.counted).hasValue(2);
	}

	private static int eventually(Tallies<String, Integer> tallies, int expected) throws InterruptedException {
		int seen = -1;
		for (int i = 0; i < 100 && seen != expected; i++) {
			seen = tallies.get("county", () -> -1);
			if (seen != expected) {
				Thread.sleep(20);
			}
		}
		return seen;
	}

	static final class MutableClock extends Clock {

		volatile Instant now = NOW;

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
