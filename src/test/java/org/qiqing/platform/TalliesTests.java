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
				Clock.fixed(NOW, ZoneOffset.UTC), key -> this.counted.incrementAndGet());
		assertThat(tallies.get("county")).isEqualTo(1);
		assertThat(tallies.get("county")).isEqualTo(1);
		assertThat(tallies.get("city")).isEqualTo(2);
	}

	@Test
	void anOldCountIsAnsweredWhileItIsCountedAgainInTheBackground() throws Exception {
		MutableClock clock = new MutableClock();
		CountDownLatch recounting = new CountDownLatch(1);
		CountDownLatch mayFinish = new CountDownLatch(1);
		Tallies<String, Integer> tallies = new Tallies<>("test", Duration.ofSeconds(15), clock, key -> {
			int n = this.counted.incrementAndGet();
			if (n > 1) {
				recounting.countDown();
				await(mayFinish);
			}
			return n;
		});
		assertThat(tallies.get("county")).isEqualTo(1);
		clock.now = NOW.plusSeconds(16);
		assertThat(tallies.get("county")).as("the old count, at once").isEqualTo(1);
		assertThat(recounting.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(tallies.get("county")).as("still the old count while it is counted").isEqualTo(1);
		mayFinish.countDown();
		assertThat(eventually(tallies, 2)).isEqualTo(2);
	}

	@Test
	void aZeroTimeCountsAtEveryAsk() {
		Tallies<String, Integer> tallies = new Tallies<>("test", Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC),
				key -> this.counted.incrementAndGet());
		tallies.get("county");
		tallies.get("county");
		assertThat(this.counted).hasValue(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int eventually(Tallies<String, Integer> tallies, int expected) throws InterruptedException {
		int seen = -1;
		for (int i = 0; i < 100 && seen != expected; i++) {
			seen = tallies.get("county");
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
