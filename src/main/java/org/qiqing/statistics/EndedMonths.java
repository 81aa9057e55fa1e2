package org.qiqing.statistics;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qiqing.organisation.Actor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The measures of months that have ended, kept. A step is counted on the day it is taken,
 * so a month that has ended changes no more, but for a rebuild of the rollups (which
 * forgets them here once committed; another node keeps its own at most
 * {@code qiqing.statistics.ended-months}) and a step begun in the month's last instant
 * and committed in the next one's first. The dashboard's trend reads eleven ended months
 * at every page: at a province's size, each some ten thousand rows.
 */
@Component
@EnableConfigurationProperties(EndedMonths.Settings.class)
class EndedMonths {

	/**
	 * @param endedMonths how long an ended month's measures are answered without reading
	 * them again; zero reads them at every request (the tests)
	 */
	@ConfigurationProperties("qiqing.statistics")
	record Settings(@DefaultValue("10m") Duration endedMonths) {
	}

	/** What the figures depend on: whose (his unit, his jurisdiction) and which slice. */
	private record Key(Long unitId, String jurisdiction, Slice slice) {
	}

	private final Cache<Key, Figures.Counts> kept;

	EndedMonths(Settings settings) {
		Duration ttl = settings.endedMonths();
		this.kept = ttl.isZero() || ttl.isNegative() ? null
				: Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
	}

	/** The measures of the slice, a month that has ended, as the actor sees them. */
	Figures.Counts measures(Actor actor, Slice slice, Supplier<Figures.Counts> read) {
		if (this.kept == null) {
			return read.get();
		}
		return this.kept.get(new Key(actor.unitId(), actor.jurisdictionPattern(), slice), key -> read.get());
	}

	/** Forgets every month kept: the rollups were rebuilt. */
	void forget() {
		if (this.kept != null) {
			this.kept.invalidateAll();
		}
	}

}
