package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.qiqing.casework.CaseQueries.QueueCounts;
import org.qiqing.organisation.Actor;

class QueueCountsKeptTests {

	static final Instant SINCE = Instant.parse("2026-12-08T01:00:00Z");

	final Actor dispatcher = new Actor(7, "dispatcher", "受理员", 1L, null, "/330400/330421/", Set.of());

	final AtomicInteger counted = new AtomicInteger();

	/** What the queue holds now: what the next count finds. */
	volatile int holds;

	final QueueCountsKept counts = new QueueCountsKept(Duration.ofSeconds(15),
			Clock.fixed(SINCE.plusSeconds(60), ZoneOffset.UTC), (actor, since) -> {
				this.counted.incrementAndGet();
				return new QueueCounts(this.holds, 0, 0, 0, 0, Map.of());
			});

	@Test
	void aSmallQueueIsCountedAtEveryAskSoThatAStepShowsAtOnce() {
		this.holds = 3;
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).isEqualTo(3);
		this.holds = 2;
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).isEqualTo(2);
		assertThat(this.counted).hasValue(2);
	}

	@Test
	void aLargeQueueIsKeptOnceItWasCountedLarge() {
		this.holds = 45_611;
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).isEqualTo(45_611);
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).as("counted into the kept counts").isEqualTo(45_611);
		this.holds = 45_610;
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).as("the kept count").isEqualTo(45_611);
		assertThat(this.counted).hasValue(2);
	}

	@Test
	void aKeptQueueThatShrankIsCountedAtEveryAskAgain() {
		this.holds = QueueCountsKept.LARGE;
		this.counts.of(this.dispatcher, SINCE);
		this.holds = QueueCountsKept.LARGE - 1;
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).isEqualTo(QueueCountsKept.LARGE - 1);
		this.holds = 5;
		assertThat(this.counts.of(this.dispatcher, SINCE).all()).isEqualTo(5);
		assertThat(this.counted).hasValue(3);
	}

}
