package org.qiqing.statistics;

import java.time.LocalDate;

/**
 * Which figures to read: a period (filed or stepped days, inclusive) and optionally one
 * unit, one region subtree (its path), one category, kind or channel, counted for the
 * units leading the cases (the default) or co-handling them.
 */
public record Slice(LocalDate from, LocalDate to, Long unitId, String regionPath, Long categoryId, String kind,
		String channel, boolean coHandling) {

	public Slice withPeriod(LocalDate from, LocalDate to) {
		return new Slice(from, to, this.unitId, this.regionPath, this.categoryId, this.kind, this.channel,
				this.coHandling);
	}

}
