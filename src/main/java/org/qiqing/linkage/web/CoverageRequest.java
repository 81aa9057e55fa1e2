package org.qiqing.linkage.web;

import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoverageReport.Focus;
import org.qiqing.linkage.CoverageReport.FocusKind;
import org.qiqing.linkage.CoverageReport.Show;
import org.qiqing.linkage.CoveragePeriod;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

/**
 * What a coverage request asks for, as the page, the export and the API take it: at most
 * one of region, unit, group or person (none: the default focus), a period and which
 * links to list.
 */
record CoverageRequest(String region, Long unit, Long group, Long person, String period, String show) {

	Focus focus(Coverage coverage, Actor actor) {
		if (this.person != null) {
			return coverage.focus(FocusKind.PERSON, this.person.toString(), actor);
		}
		if (this.group != null) {
			return coverage.focus(FocusKind.GROUP, this.group.toString(), actor);
		}
		if (this.unit != null) {
			return coverage.focus(FocusKind.UNIT, this.unit.toString(), actor);
		}
		if (this.region != null && !this.region.isBlank()) {
			return coverage.focus(FocusKind.REGION, this.region.strip(), actor);
		}
		return coverage.defaultFocus(actor);
	}

	CoveragePeriod coveragePeriod(Coverage coverage) {
		return CoveragePeriod.parse(this.period, coverage.today());
	}

	Show shown() {
		if (this.show == null || this.show.isBlank()) {
			return Show.UNVISITED;
		}
		try {
			return Show.valueOf(this.show.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("show", Text.of("error.field.oneOf", "show", this.show, "UNVISITED, BEHIND, ALL"));
		}
	}

}
