package org.qiqing.casework.web;

import java.time.Instant;
import java.util.List;

import org.qiqing.casework.SupervisionQueries;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervision desk (督查督办) page: the yellow and red cases of the jurisdiction with
 * urge, order and escalate at hand, the resolved cases to verify, the bulletin of cases
 * listed for written criticism and the units' supervision orders. Its steps are the case
 * engine's; this only lists. The API is {@link SupervisionApiController}.
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

	/** Refuses an enterprise contact (403): the desk is the government's. */
	static void officialsOnly(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("the supervision desk is for officials");
		}
	}

}
