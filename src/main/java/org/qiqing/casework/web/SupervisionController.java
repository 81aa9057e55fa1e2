package org.qiqing.casework.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.qiqing.casework.CaseKind;
import org.qiqing.casework.Categories;
import org.qiqing.casework.HelpVisit;
import org.qiqing.casework.SupervisionQueries;
import org.qiqing.casework.SupervisionQueries.Supervised;
import org.qiqing.casework.SupervisionQueries.WatchFilter;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Paging;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervision desk (督查督办) page: first the yellow and red cases of the jurisdiction
 * counted per handling unit (each count a link to its cases), then those cases a page at
 * a time, filtered by unit, colour, kind, measure taken and category, with urge, order
 * and escalate at hand; then the resolved cases to verify, the bulletin of cases listed
 * for written criticism and the units' supervision orders. Its steps are the case
 * engine's; this only lists. The API is {@link SupervisionApiController}.
 */
@Controller
class SupervisionController {

	static final String DESK = "supervision";

	/** Rows of the watch list per page. */
	static final int ROWS = 20;

	/** Rows of the list to verify and of the bulletin per page. */
	static final int SHORT_ROWS = 10;

	private final SupervisionQueries queries;

	private final Categories categories;

	SupervisionController(SupervisionQueries queries, Categories categories) {
		this.queries = queries;
		this.categories = categories;
	}

	@GetMapping("/supervision")
	String showDesk(@RequestParam(required = false) Long unit, @RequestParam(required = false) TimeState time,
			@RequestParam(required = false) TimeState only, @RequestParam(required = false) CaseKind kind,
			@RequestParam(required = false) Supervised supervised, @RequestParam(required = false) Long category,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int verifyPage, Actor actor,
			Model model) {
		officialsOnly(actor);
		WatchFilter filter = new WatchFilter(unit, time != null ? time : only, kind, supervised, category);
		Paging rows = Paging.of(page, ROWS, ROWS);
		Paging verify = Paging.of(verifyPage, SHORT_ROWS, SHORT_ROWS);
		model.addAttribute("filter", filter);
		model.addAttribute("filtered", !filter.equals(WatchFilter.NONE));
		SupervisionQueries.UnitSummary summary = this.queries.unitSummary(actor, filter);
		model.addAttribute("summary", summary);
		model.addAttribute("watched", this.queries.watchPage(actor, filter, rows.page(), rows.size()));
		model.addAttribute("link", link(filter));
		model.addAttribute("exportLink", link(filter).replaceFirst("^/supervision", "/supervision/export"));
		model.addAttribute("unitLinks", unitLinks(filter, summary));
		model.addAttribute("toVerify", this.queries.awaitingVerification(actor, verify.page(), verify.size()));
		model.addAttribute("bulletin", this.queries.bulletin(actor, SHORT_ROWS));
		model.addAttribute("orders", this.queries.ordersByUnit(actor, Instant.now()));
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("measures", Supervised.values());
		model.addAttribute("categories",
				this.categories.all()
					.stream()
					.filter(candidate -> !HelpVisit.CATEGORY_CODE.equals(candidate.code()))
					.toList());
		return DESK;
	}

	/** Where each count of a unit's line leads: its cases, of that colour or measure. */
	record UnitLinks(String all, String red, String yellow, String ordered, String escalated) {
	}

	static Map<Long, UnitLinks> unitLinks(WatchFilter filter, SupervisionQueries.UnitSummary summary) {
		Map<Long, UnitLinks> links = new HashMap<>();
		for (SupervisionQueries.UnitLine line : summary.lines()) {
			WatchFilter unit = filter.withUnit(line.unitId());
			links.put(line.unitId(),
					new UnitLinks(link(unit.withTime(null)), link(unit.withTime(TimeState.RED)),
							link(unit.withTime(TimeState.YELLOW)), link(unit.withSupervised(Supervised.ORDERED)),
							link(unit.withSupervised(Supervised.ESCALATED))));
		}
		return links;
	}

	/** The desk's address with the filter, for the pager and the summary's links. */
	static String link(WatchFilter filter) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/supervision");
		if (filter.unitId() != null) {
			uri.queryParam("unit", filter.unitId());
		}
		if (filter.time() != null) {
			uri.queryParam("time", filter.time());
		}
		if (filter.kind() != null) {
			uri.queryParam("kind", filter.kind());
		}
		if (filter.supervised() != null) {
			uri.queryParam("supervised", filter.supervised());
		}
		if (filter.categoryId() != null) {
			uri.queryParam("category", filter.categoryId());
		}
		return uri.build().toUriString();
	}

	/** Refuses an enterprise contact (403): the desk is the government's. */
	static void officialsOnly(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("the supervision desk is for officials");
		}
	}

}
