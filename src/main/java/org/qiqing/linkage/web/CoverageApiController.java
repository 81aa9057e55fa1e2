package org.qiqing.linkage.web;

import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoverageReport;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coverage of links by visits (docs/linkage.md): for a region, unit, group or person
 * and a period, the tally, the drill-down rows and the links, unvisited first.
 */
@RestController
class CoverageApiController {

	private final Coverage coverage;

	CoverageApiController(Coverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/api/v1/coverage")
	CoverageReport showCoverage(@RequestParam(required = false) String region,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) Long group,
			@RequestParam(required = false) Long person, @RequestParam(required = false) String period,
			@RequestParam(required = false) String show, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 1000);
		CoverageRequest request = new CoverageRequest(region, unit, group, person, period, show);
		return this.coverage.report(request.focus(this.coverage, actor), request.coveragePeriod(this.coverage),
				request.shown(), paging.page(), paging.size(), actor);
	}

}
