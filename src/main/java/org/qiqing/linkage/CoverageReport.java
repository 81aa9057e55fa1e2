package org.qiqing.linkage;

import java.time.LocalDate;
import java.util.List;

/**
 * The coverage of links by visits for one focus (a region, a unit, a group or a person)
 * over a period: the tally, the drill-down rows and a page of the links themselves.
 *
 * @param rows the next level down: sub-regions of a region, people of a unit, members of
 * a group; empty at a leaf
 * @param links the links, those without a visit in the period first
 */
public record CoverageReport(Focus focus, CoveragePeriod period, LocalDate today, Tally total, List<Row> rows,
		List<LinkStatus> links, Show show, int page, boolean hasNext) {

	public enum FocusKind {

		REGION, UNIT, GROUP, PERSON

	}

	/** Which links the list shows. */
	public enum Show {

		/** Links without a visit by their holder within the period. */
		UNVISITED,
		/** Links with a frequency window that ended without a visit. */
		BEHIND,
		/** Every link. */
		ALL

	}

	/**
	 * Where a link stands against its frequency in the period: every window visited; a
	 * window still open and unvisited; a window that ended unvisited.
	 */
	public enum LinkState {

		MET, PENDING, BEHIND

	}

	/** What the coverage is of, with the way up to it. */
	public record Focus(FocusKind kind, String key, String name, List<Crumb> trail) {
	}

	public record Crumb(FocusKind kind, String key, String name) {
	}

	/**
	 * @param enterprises the linked enterprises
	 * @param visitedEnterprises those a linked holder visited within the period
	 */
	public record Tally(int links, int enterprises, int visitedEnterprises, int met, int pending, int behind) {

		public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

		public int unvisitedEnterprises() {
			return this.enterprises - this.visitedEnterprises;
		}

		/** The share of linked enterprises visited in the period, in whole percent. */
		public int visitedPercent() {
			return this.enterprises == 0 ? 0 : (int) Math.floor(100.0 * this.visitedEnterprises / this.enterprises);
		}

	}

	/** A drill-down row: a sub-region, a person of the unit, a member of the group. */
	public record Row(FocusKind kind, String key, String name, Tally tally) {
	}

	/**
	 * A link and where it stands.
	 *
	 * @param dueFrom the first day of its frequency windows that overlap the period,
	 * clipped to its own period
	 * @param dueTo the last such day
	 * @param periodVisits the visits by its holder within the period itself
	 */
	public record LinkStatus(long linkId, long enterpriseId, String creditCode, String enterpriseName,
			String regionName, String holderName, boolean group, String unitName, LinkFrequency frequency,
			LocalDate dueFrom, LocalDate dueTo, int dueWindows, int visitedWindows, int periodVisits,
			LocalDate lastVisit, LinkState state) {
	}

}
