package org.qiqing.visit.web;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.LocalDate;

import org.qiqing.casework.CaseTimes;
import org.qiqing.casework.Categories;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.visit.VisitManagement;
import org.qiqing.visit.VisitPhotos;
import org.qiqing.visit.VisitQueries;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The visit pages: recording a visit ({@code /visit}, which works offline: its script
 * queues the visit on the device and sends it when it can) and the official's own history
 * ({@code /visits}).
 */
@Controller
class VisitPagesController {

	static final String RECORD = "visits/record";

	static final String HISTORY = "visits/history";

	private static final int PAGE_SIZE = 20;

	private final VisitQueries queries;

	private final Categories categories;

	private final EnterpriseDirectory enterprises;

	private final CaseTimes times;

	private final Clock clock;

	VisitPagesController(VisitQueries queries, Categories categories, EnterpriseDirectory enterprises, CaseTimes times,
			Clock clock) {
		this.queries = queries;
		this.categories = categories;
		this.enterprises = enterprises;
		this.times = times;
		this.clock = clock;
	}

	@GetMapping("/visit")
	String initVisitForm(@RequestParam(required = false) Long enterpriseId, Actor actor, Model model) {
		if (!VisitManagement.visits(actor)) {
			throw new NotAllowed(Text.of("error.visit.visitorOnly"));
		}
		model.addAttribute("today", LocalDate.now(this.clock.withZone(CHINA)));
		model.addAttribute("categories", this.categories.offered());
		model.addAttribute("maxPhotos", VisitPhotos.MAX_PHOTOS);
		model.addAttribute("enterprise",
				enterpriseId == null ? null : this.enterprises.findVisible(enterpriseId, actor).orElse(null));
		model.addAttribute("installable", true);
		return RECORD;
	}

	@GetMapping("/visits")
	String showHistory(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		model.addAttribute("page", this.queries.history(actor, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("times", this.times);
		model.addAttribute("installable", true);
		return HISTORY;
	}

}
