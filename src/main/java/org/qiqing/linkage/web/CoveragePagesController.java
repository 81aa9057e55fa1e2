package org.qiqing.linkage.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoveragePeriod;
import org.qiqing.linkage.CoverageReport;
import org.qiqing.linkage.CoverageReport.Focus;
import org.qiqing.linkage.CoverageReport.LinkState;
import org.qiqing.linkage.LinkFrequency;
import org.qiqing.linkage.LinkQueries;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
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

	private static final int PAGE_SIZE = 50;

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Coverage coverage;

	private final CoverageExport export;

	private final LinkQueries queries;

	private final MessageSource messages;

	private final AuditLog audit;

	CoveragePagesController(Coverage coverage, CoverageExport export, LinkQueries queries, MessageSource messages,
			AuditLog audit) {
		this.audit = audit;
		this.coverage = coverage;
		this.export = export;
		this.queries = queries;
		this.messages = messages;
	}

	@GetMapping("/coverage")
	String showCoverage(@RequestParam(required = false) String region, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long group, @RequestParam(required = false) Long person,
			@RequestParam(required = false) String period, @RequestParam(required = false) String show,
			@RequestParam(defaultValue = "0") int page, Actor actor, Locale locale, Model model) {
		CoverageRequest request = new CoverageRequest(region, unit, group, person, period, show);
		CoverageReport report = this.coverage.report(request.focus(this.coverage, actor),
				request.coveragePeriod(this.coverage), request.shown(), Math.max(page, 0), PAGE_SIZE, actor);
		model.addAttribute("report", report);
		model.addAttribute("groups", this.queries.groups(actor));
		model.addAttribute("focusParam", focusParam(report.focus()));
		// The names of frequencies and states once, not once a row.
		model.addAttribute("frequencyNames", names(LinkFrequency.values(), "frequency.", locale));
		model.addAttribute("stateNames", names(LinkState.values(), "coverage.state.", locale));
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
		this.audit.record(actor, AuditAction.DATA_EXPORTED, "coverage", focusParam(focus),
				coveragePeriod.key() + " " + request.shown());
		this.export.write(focus, coveragePeriod, request.shown(), actor, locale, response.getOutputStream());
	}

	private <E extends Enum<E>> Map<E, String> names(E[] values, String prefix, Locale locale) {
		Map<E, String> names = new HashMap<>();
		for (E value : values) {
			names.put(value, this.messages.getMessage(prefix + value.name(), null, locale));
		}
		return names;
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
