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
 * The measures of periods that have ended, kept. A step is counted on the day it is
 * taken, so a day that has ended changes no more, but for a rebuild of the rollups (which
 * forgets them here once committed; another node keeps its own at most
 * {@code qiqing.statistics.ended-periods}) and a step begun in the day's last instant and
 * committed in the next one's first. The dashboard reads such periods at every page: the
 * trend's eleven ended months and the period before the one shown, at a province's size
 * each some ten thousand rows (the days of a period before this month's, a hundred
 * thousand).
 */
@Component
@EnableConfigurationProperties(EndedPeriods.Settings.class)
class EndedPeriods {

	/**
	 * @param endedPeriods how long an ended period's measures are answered without
	 * reading them again; zero reads them at every request (the tests)
	 */
	@ConfigurationProperties("qiqing.statistics")
	record Settings(@DefaultValue("10m") Duration endedPeriods) {
	}

	/** What the figures depend on: whose (his unit, his jurisdiction) and which slice. */
	private record Key(Long unitId, String jurisdiction, Slice slice) {
	}

	private final Cache<Key, Figures.Counts> kept;

	EndedPeriods(Settings settings) {
		Duration ttl = settings.endedPeriods();
		this.kept = ttl.isZero() || ttl.isNegative() ? null
				: Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
	}

	/** The measures of the slice, a period that has ended, as the actor sees them. */
	Figures.Counts measures(Actor actor, Slice slice, Supplier<Figures.Counts> read) {
		if (this.kept == null) {
			return read.get();
		}
		return this.kept.get(new Key(actor.unitId(), actor.jurisdictionPattern(), slice), key -> read.get());
	}

	/** Forgets every period kept: the rollups were rebuilt. */
	void forget() {
		if (this.kept != null) {
			this.kept.invalidateAll();
		}
	}

}
