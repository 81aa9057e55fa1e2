package org.qiqing.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qiqing.casework.CaseQueries.QueueCounts;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Tallies;

/**
 * The counts of a person's queue tabs: counted at every ask while his queue is small, so
 * that a handler sees his own step in them at once; kept ({@link Tallies}, the desk's
 * count cache) once it holds {@link #LARGE} cases or more, where a count read every case
 * of it at every page (a county dispatcher's 45,000 in the benchmark took over 100 ms)
 * and a count some seconds old says as much to a person. A kept queue that shrinks below
 * the mark is counted at every ask again.
 */
final class QueueCountsKept {

	static final int LARGE = 1_000;

	/** Whose counts, as of which previous visit (what counts as new). */
	private record Key(Actor actor, Instant since) {
	}

	private final BiFunction<Actor, Instant, QueueCounts> count;

	private final Tallies<Key, QueueCounts> kept;

	/** The people whose queue was large when last counted. */
	private final Cache<Long, Boolean> large;

	QueueCountsKept(Duration ttl, Clock clock, BiFunction<Actor, Instant, QueueCounts> count) {
		this.count = count;
		this.kept = new Tallies<>("queue", ttl, clock, this::countKept);
		this.large = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();
	}

	QueueCounts of(Actor actor, Instant since) {
		if (this.large.getIfPresent(actor.personId()) != null) {
			return this.kept.get(new Key(actor, since));
		}
		QueueCounts counts = this.count.apply(actor, since);
		if (counts.all() >= LARGE) {
			this.large.put(actor.personId(), Boolean.TRUE);
		}
		return counts;
	}

	private QueueCounts countKept(Key key) {
		QueueCounts counts = this.count.apply(key.actor(), key.since());
		if (counts.all() < LARGE) {
			this.large.invalidate(key.actor().personId());
		}
		return counts;
	}

}
