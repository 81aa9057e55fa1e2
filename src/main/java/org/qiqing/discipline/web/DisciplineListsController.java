package org.qiqing.discipline.web;

import java.time.LocalDate;
import java.util.Optional;

import org.qiqing.discipline.DisciplineFilter;
import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.DisciplineScope;
import org.qiqing.organisation.Actor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The whole lists behind the latest few on the discipline page: the special actions and
 * the findings one sees, narrowed as the figures are, a page at a time. A city's year
 * holds tens of thousands of each; the discipline page shows the newest and links here.
 */
@Controller
class DisciplineListsController {

	static final int PAGE_SIZE = 50;

	private final DisciplineQueries queries;

	private final DisciplineScope scope;

	DisciplineListsController(DisciplineQueries queries, DisciplineScope scope) {
		this.queries = queries;
		this.scope = scope;
	}

	@GetMapping("/discipline/actions")
	String showActions(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		this.scope.requireOfficial(actor);
		DisciplineFilter filter = filter(from, to, region, organiser);
		int shown = Math.max(page, 0);
		model.addAttribute("page",
				Listed.read(shown, PAGE_SIZE, (offset, limit) -> this.queries.actions(filter, offset, limit, actor)));
		describe(model, filter);
		return "discipline/actions";
	}

	@GetMapping("/discipline/findings")
	String showFindings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		this.scope.requireOfficial(actor);
		DisciplineFilter filter = filter(from, to, region, organiser);
		int shown = Math.max(page, 0);
		model.addAttribute("page",
				Listed.read(shown, PAGE_SIZE, (offset, limit) -> this.queries.findings(filter, offset, limit, actor)));
		model.addAttribute("discipline", this.scope.isDiscipline(actor));
		model.addAttribute("kindNames", DisciplinePagesController.kindNames(this.queries));
		describe(model, filter);
		return "discipline/findings";
	}

	private static DisciplineFilter filter(LocalDate from, LocalDate to, String region, Long organiser) {
		return new DisciplineFilter(from, to, region == null || region.isBlank() ? null : region, organiser);
	}

	private static void describe(Model model, DisciplineFilter filter) {
		model.addAttribute("filter", filter);
		model.addAttribute("back", link("/discipline", filter));
		model.addAttribute("actionsLink", link("/discipline/actions", filter));
		model.addAttribute("findingsLink", link("/discipline/findings", filter));
	}

	/** The address of a discipline page narrowed as {@code filter} is. */
	static String link(String path, DisciplineFilter filter) {
		return UriComponentsBuilder.fromPath(path)
			.queryParamIfPresent("from", Optional.ofNullable(filter.from()))
			.queryParamIfPresent("to", Optional.ofNullable(filter.to()))
			.queryParamIfPresent("region", Optional.ofNullable(filter.region()))
			.queryParamIfPresent("organiser", Optional.ofNullable(filter.organiser()))
			.encode()
			.toUriString();
	}

}
