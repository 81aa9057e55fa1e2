package org.qiqing.discipline.web;

import java.time.LocalDate;
import java.util.Optional;

import org.qiqing.discipline.DisciplineFilter;
import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.DisciplineScope;
import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

	private final MessageSource messages;

	DisciplineListsController(DisciplineQueries queries, DisciplineScope scope, MessageSource messages) {
		this.queries = queries;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/discipline/actions")
	String showActions(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		DisciplineFilter filter = filter(from, to, region, organiser);
		return show("actions", filter, page, actor, model,
				(offset, limit) -> this.queries.actions(filter, offset, limit, actor));
	}

	@GetMapping("/discipline/findings")
	String showFindings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		model.addAttribute("kindNames", DisciplinePagesController.kindNames(this.queries));
		DisciplineFilter filter = filter(from, to, region, organiser);
		return show("findings", filter, page, actor, model,
				(offset, limit) -> this.queries.findings(filter, offset, limit, actor));
	}

	/** The page of the list named {@code list} ("actions" or "findings"). */
	private <T> String show(String list, DisciplineFilter filter, int page, Actor actor, Model model,
			Listed.Reader<T> rows) {
		this.scope.requireOfficial(actor);
		boolean discipline = this.scope.isDiscipline(actor);
		model.addAttribute("list", list);
		model.addAttribute("heading",
				this.messages.getMessage(
						list.equals("findings") && !discipline ? "discipline.ownFindings" : "discipline." + list, null,
						LocaleContextHolder.getLocale()));
		model.addAttribute("page", Listed.read(Math.max(page, 0), PAGE_SIZE, rows));
		model.addAttribute("filter", filter);
		model.addAttribute("back", link("/discipline", filter));
		model.addAttribute("self", link("/discipline/" + list, filter));
		return "discipline/list";
	}

	private static DisciplineFilter filter(LocalDate from, LocalDate to, String region, Long organiser) {
		return new DisciplineFilter(from, to, region == null || region.isBlank() ? null : region, organiser);
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
