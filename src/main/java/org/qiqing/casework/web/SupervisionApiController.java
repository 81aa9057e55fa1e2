package org.qiqing.casework.web;

import java.time.Instant;
import java.util.List;

import org.qiqing.casework.SupervisionQueries;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision desk's lists as API, answering its errors as problem details like the
 * rest of the API; an enterprise contact is refused (403).
 */
@RestController
class SupervisionApiController {

	private static final int LIMIT = 200;

	private final SupervisionQueries queries;

	SupervisionApiController(SupervisionQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/v1/supervision/watch")
	List<SupervisionQueries.Watched> listWatched(@RequestParam(required = false) TimeState only, Actor actor) {
		SupervisionController.officialsOnly(actor);
		return this.queries.watchList(actor, only, LIMIT);
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
