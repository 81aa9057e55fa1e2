package org.qiqing.casework.web;

import java.time.Instant;
import java.util.List;

import org.qiqing.casework.SupervisionQueries;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotAllowed;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The supervision desk (督查督办), as a page and as API: the yellow and red cases of the
 * jurisdiction with urge, order and escalate at hand, the resolved cases to verify, the
 * bulletin of cases listed for written criticism and the units' supervision orders. Its
 * steps are the case engine's; this only lists.
 */
@Controller
class SupervisionController {

	private static final int LIMIT = 200;

	private final SupervisionQueries queries;

	SupervisionController(SupervisionQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/supervision")
	String showDesk(@RequestParam(required = false) TimeState only, Actor actor, Model model) {
		officialsOnly(actor);
		model.addAttribute("only", only);
		model.addAttribute("watched", this.queries.watchList(actor, only, LIMIT));
		model.addAttribute("toVerify", this.queries.awaitingVerification(actor, 50));
		model.addAttribute("bulletin", this.queries.bulletin(actor, 50));
		model.addAttribute("orders", this.queries.ordersByUnit(actor, Instant.now()));
		return "supervision";
	}

	@GetMapping("/api/v1/supervision/watch")
	@ResponseBody
	List<SupervisionQueries.Watched> listWatched(@RequestParam(required = false) TimeState only, Actor actor) {
		officialsOnly(actor);
		return this.queries.watchList(actor, only, LIMIT);
	}

	@GetMapping("/api/v1/supervision/verification")
	@ResponseBody
	List<SupervisionQueries.Watched> listToVerify(Actor actor) {
		officialsOnly(actor);
		return this.queries.awaitingVerification(actor, LIMIT);
	}

	@GetMapping("/api/v1/supervision/bulletin")
	@ResponseBody
	List<SupervisionQueries.Listed> listBulletin(Actor actor) {
		officialsOnly(actor);
		return this.queries.bulletin(actor, LIMIT);
	}

	@GetMapping("/api/v1/supervision/orders")
	@ResponseBody
	List<SupervisionQueries.UnitOrders> listOrdersByUnit(Actor actor) {
		officialsOnly(actor);
		return this.queries.ordersByUnit(actor, Instant.now());
	}

	private static void officialsOnly(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new NotAllowed("the supervision desk is for officials");
		}
	}

}
