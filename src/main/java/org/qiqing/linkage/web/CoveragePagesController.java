package org.qiqing.linkage.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoveragePeriod;
import org.qiqing.linkage.CoverageReport;
import org.qiqing.linkage.CoverageReport.Focus;
import org.qiqing.linkage.LinkQueries;
import org.qiqing.organisation.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coverage page (挂联走访): this month's unvisited linked enterprises of one's
 * jurisdiction by default, with drill-down and the Excel export.
 */
@Controller
class CoveragePagesController {

	static final String COVERAGE = "linkage/coverage";

	private static final int PAGE_SIZE = 100;

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Coverage coverage;

	private final CoverageExport export;

	private final LinkQueries queries;

	CoveragePagesController(Coverage coverage, CoverageExport export, LinkQueries queries) {
		this.coverage = coverage;
		this.export = export;
		this.queries = queries;
	}

	@GetMapping("/coverage")
	String showCoverage(@RequestParam(required = false) String region, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long group, @RequestParam(required = false) Long person,
			@RequestParam(required = false) String period, @RequestParam(required = false) String show,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		CoverageRequest request = new CoverageRequest(region, unit, group, person, period, show);
		CoverageReport report = this.coverage.report(request.focus(this.coverage, actor),
				request.coveragePeriod(this.coverage), request.shown(), Math.max(page, 0), PAGE_SIZE, actor);
		model.addAttribute("report", report);
		model.addAttribute("groups", this.queries.groups(actor));
		model.addAttribute("focusParam", focusParam(report.focus()));
		return COVERAGE;
	}

	@GetMapping("/coverage/export")
	void exportCoverage(@RequestParam(required = false) String region, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long group, @RequestParam(required = false) Long person,
			@RequestParam(required = false) String period, @RequestParam(required = false) String show, Actor actor,
			Locale locale, HttpServletResponse response) throws IOException {
		CoverageRequest request = new CoverageRequest(region, unit, group, person, period, show == null ? "ALL" : show);
		Focus focus = request.focus(this.coverage, actor);
		CoveragePeriod coveragePeriod = request.coveragePeriod(this.coverage);
		String filename = "挂联走访-" + focus.name() + "-" + coveragePeriod.key() + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
		this.export.write(focus, coveragePeriod, request.shown(), actor, locale, response.getOutputStream());
	}

	/** The query parameter that names the focus again, for links that keep it. */
	private static String focusParam(Focus focus) {
		return switch (focus.kind()) {
			case REGION -> "region=" + focus.key();
			case UNIT -> "unit=" + focus.key();
			case GROUP -> "group=" + focus.key();
			case PERSON -> "person=" + focus.key();
		};
	}

}
