package org.qiqing.casework.web;

import java.time.Instant;
import java.util.List;

import org.qiqing.casework.CaseKind;
import org.qiqing.casework.SupervisionQueries;
import org.qiqing.casework.SupervisionQueries.Supervised;
import org.qiqing.casework.SupervisionQueries.WatchFilter;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision desk's lists as API, with the page's filters and paging, answering its
 * errors as problem details like the rest of the API; an enterprise contact is refused
 * (403).
 */
@RestController
class SupervisionApiController {

	private static final int LIMIT = 200;

	private static final int MAX_PAGE_SIZE = 100;

	private final SupervisionQueries queries;

	SupervisionApiController(SupervisionQueries queries) {
		this.queries = queries;
	}

	/**
	 * A page of the yellow and red cases, most overdue first, with how many the filter
	 * finds ({@code total}); {@code unit=0} finds those no unit handles yet.
	 */
	@GetMapping("/api/v1/supervision/watch")
	SupervisionQueries.WatchPage listWatched(@RequestParam(required = false) Long unit,
			@RequestParam(required = false) TimeState time, @RequestParam(required = false) TimeState only,
			@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Supervised supervised,
			@RequestParam(required = false) Long category, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		SupervisionController.officialsOnly(actor);
		Paging paging = Paging.of(page, size, MAX_PAGE_SIZE);
		return this.queries.watchPage(actor,
				new WatchFilter(unit, time != null ? time : only, kind, supervised, category), paging.page(),
				paging.size());
	}

	/**
	 * The yellow and red cases per handling unit, as the filter (but its unit) narrows
	 * them.
	 */
	@GetMapping("/api/v1/supervision/units")
	SupervisionQueries.UnitSummary listUnits(@RequestParam(required = false) TimeState time,
			@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Supervised supervised,
			@RequestParam(required = false) Long category, Actor actor) {
		SupervisionController.officialsOnly(actor);
		return this.queries.unitSummary(actor, new WatchFilter(null, time, kind, supervised, category));
	}

	@GetMapping("/api/v1/supervision/verification")
	List<SupervisionQueries.Watched> listToVerify(Actor actor) {
		SupervisionController.officialsOnly(actor);
		return this.queries.awaitingVerification(actor, LIMIT);
	}

	@GetMapping("/api/v1/supervision/bulletin")
	List<SupervisionQueries.Listed> listBulletin(Actor actor) {
		SupervisionController.officialsOnly(actor);
		return this.queries.bulletin(actor, LIMIT);
	}

	@GetMapping("/api/v1/supervision/orders")
	List<SupervisionQueries.UnitOrders> listOrdersByUnit(Actor actor) {
		SupervisionController.officialsOnly(actor);
		return this.queries.ordersByUnit(actor, Instant.now());
	}

}
