package org.qiqing.linkage.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoverageReport;
import org.qiqing.organisation.Actor;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coverage of links by visits (docs/linkage.md): for a region, unit, group or person
 * and a period, the tally, the drill-down rows and the links, unvisited first.
 */
@RestController
@Validated
class CoverageApiController {

	private final Coverage coverage;

	CoverageApiController(Coverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/api/v1/coverage")
	CoverageReport showCoverage(@RequestParam(required = false) String region,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) Long group,
			@RequestParam(required = false) Long person, @RequestParam(required = false) String period,
			@RequestParam(required = false) String show, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size, Actor actor) {
		CoverageRequest request = new CoverageRequest(region, unit, group, person, period, show);
		return this.coverage.report(request.focus(this.coverage, actor), request.coveragePeriod(this.coverage),
				request.shown(), page, size, actor);
	}

}
