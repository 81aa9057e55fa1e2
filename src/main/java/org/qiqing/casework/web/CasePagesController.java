package org.qiqing.casework.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qiqing.casework.AttachmentPolicy;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseFilter;
import org.qiqing.casework.CaseSort;
import org.qiqing.casework.Channel;
import org.qiqing.casework.QueueLooks;
import org.qiqing.casework.QueueOrder;
import org.qiqing.casework.QueueTab;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTimes;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;
import org.qiqing.casework.CategoryManagement;
import org.qiqing.casework.HelpVisit;
import org.qiqing.casework.NewCase;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.Priority;
import org.qiqing.casework.Rating;
import org.qiqing.casework.StepInput;
import org.qiqing.casework.Workflow;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.AssignableUnits;
import org.qiqing.organisation.Offices;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the case engine: a person's queue, the list of cases he may see, filing a
 * case, and a case with its history and the steps he may take now.
 */
@Controller
class CasePagesController {

	static final String QUEUE = "cases/queue";

	static final String LIST = "cases/list";

	static final String FORM = "cases/form";

	static final String DETAIL = "cases/detail";

	private static final int PAGE_SIZE = 20;

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final Categories categories;

	private final EnterpriseDirectory enterprises;

	private final Units units;

	private final Regions regions;

	private final MessageSource messages;

	private final CaseTimes times;

	private final CategoryManagement categoryManagement;

	private final AttachmentPolicy attachments;

	private final CaseListParams params;

	private final QueueLooks looks;

	private final Offices offices;

	CasePagesController(CaseManagement cases, CaseQueries queries, Categories categories,
			EnterpriseDirectory enterprises, Units units, Regions regions, MessageSource messages, CaseTimes times,
			CategoryManagement categoryManagement, AttachmentPolicy attachments, CaseListParams params,
			QueueLooks looks, Offices offices) {
		this.params = params;
		this.looks = looks;
		this.offices = offices;
		this.categoryManagement = categoryManagement;
		this.attachments = attachments;
		this.cases = cases;
		this.queries = queries;
		this.categories = categories;
		this.enterprises = enterprises;
		this.units = units;
		this.regions = regions;
		this.messages = messages;
		this.times = times;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/queue";
	}

	/**
	 * What waits for the person, in tabs with their counts (htmx swaps the whole queue,
	 * tabs included, so the counts stay true after each click).
	 */
	@GetMapping("/queue")
	String showQueue(@RequestParam(required = false) String tab, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor, Model model) {
		CaseQueries.QueueView view = new CaseQueries.QueueView(this.params.tab(tab), this.params.kind(kind),
				this.params.order(sort), this.looks.look(actor));
		CaseQueries.QueuePage queue = this.queries.queue(actor, view, Math.max(page, 0),
				Math.min(Math.max(size, 1), 100));
		model.addAttribute("page", new CaseQueries.Page(queue.items(), queue.page(), queue.size(), queue.hasNext()));
		model.addAttribute("fresh", queue.fresh());
		model.addAttribute("counts", this.queries.queueCounts(actor, view.since()));
		model.addAttribute("view", view);
		model.addAttribute("tabs", QueueTab.values());
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("orders", QueueOrder.values());
		model.addAttribute("link", queueLink(view, null, null, null));
		Map<QueueTab, String> tabLinks = new java.util.EnumMap<>(QueueTab.class);
		for (QueueTab t : QueueTab.values()) {
			tabLinks.put(t, queueLink(view, t, null, null));
		}
		Map<CaseKind, String> kindLinks = new java.util.EnumMap<>(CaseKind.class);
		for (CaseKind k : CaseKind.values()) {
			kindLinks.put(k, queueLink(view, null, k, null));
		}
		Map<QueueOrder, String> orderLinks = new java.util.EnumMap<>(QueueOrder.class);
		for (QueueOrder o : QueueOrder.values()) {
			orderLinks.put(o, queueLink(view, null, null, o));
		}
		model.addAttribute("tabLinks", tabLinks);
		model.addAttribute("kindLinks", kindLinks);
		model.addAttribute("orderLinks", orderLinks);
		model.addAttribute("allKindsLink", "/queue?tab=" + view.tab().name().toLowerCase(java.util.Locale.ROOT)
				+ "&sort=" + view.order().name().toLowerCase(java.util.Locale.ROOT));
		return QUEUE;
	}

	/** The address of the queue with one of its choices changed (null: kept). */
	static String queueLink(CaseQueries.QueueView view, QueueTab tab, CaseKind kind, QueueOrder order) {
		QueueTab t = tab == null ? view.tab() : tab;
		CaseKind k = kind == null ? view.kind() : kind;
		QueueOrder o = order == null ? view.order() : order;
		StringBuilder link = new StringBuilder("/queue?tab=").append(t.name().toLowerCase(java.util.Locale.ROOT));
		if (k != null) {
			link.append("&kind=").append(k.name());
		}
		return link.append("&sort=").append(o.name().toLowerCase(java.util.Locale.ROOT)).toString();
	}

	/**
	 * Every case the person may see, filtered by the parameters the API takes
	 * ({@link CaseListParams}); the filters stay in the address. A value that names
	 * nothing is said on the page, with the filters to correct, as a 400.
	 */
	@GetMapping("/cases")
	String showCases(@RequestParam(required = false) String state, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String category, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String time,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Actor actor,
			Model model, HttpServletResponse response) {
		CaseListParams.Raw raw = new CaseListParams.Raw(state, unit, category, kind, channel, time, from, to, region, q,
				sort);
		try {
			CaseFilter filter = this.params.filter(raw, actor);
			model.addAttribute("page", this.queries.search(actor, filter, Math.max(page, 0), PAGE_SIZE));
			// The order in force, which a range of filing days changes when none is asked
			model.addAttribute("sorted", filter.sort());
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("page", new CaseQueries.Page(List.of(), 0, PAGE_SIZE, false));
		}
		model.addAttribute("f", raw.given());
		model.addAttribute("narrowing", raw.narrowing());
		model.addAttribute("states", CaseState.values());
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("times", List.of("GREEN", "YELLOW", "RED"));
		model.addAttribute("sorts", CaseSort.values());
		model.addAttribute("categoryChoices", this.categories.all());
		model.addAttribute("unitChoices", unitsFor(actor));
		model.addAttribute("regionChoices",
				actor.jurisdictionPattern() == null ? List.of() : this.regions.within(actor.jurisdictionPattern()));
		model.addAttribute("link", listLink("/cases", raw.given()));
		model.addAttribute("exportLink", listLink("/cases/export", raw.given()));
		return LIST;
	}

	/**
	 * The units a person may filter by: those of his jurisdiction and his own (a
	 * handler's cases are his unit's).
	 */
	private List<Unit> unitsFor(Actor actor) {
		return this.units.findAllByOrderByCode()
			.stream()
			.filter(unit -> unit.getId().equals(actor.unitId()) || this.regions.find(unit.getRegionCode())
				.map(region -> actor.oversees(region.path()))
				.orElse(false))
			.toList();
	}

	/** The address of the list (or its ledger) with its filters, without its page. */
	static String listLink(String path, Map<String, String> given) {
		return path + given.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "="
					+ org.springframework.web.util.UriUtils.encodeQueryParam(entry.getValue(),
							java.nio.charset.StandardCharsets.UTF_8))
			.collect(Collectors.joining("&", given.isEmpty() ? "" : "?", ""));
	}

	@GetMapping({ "/cases/new", "/assignments/new" })
	String initCaseForm(@RequestParam(required = false) Long enterpriseId, Actor actor, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		boolean assignment = request.getRequestURI().endsWith("/assignments/new");
		if (assignment && !actor.has(Role.LEADER)) {
			throw new NotAllowed(Text.of("error.case.leaderOnly"));
		}
		model.addAttribute("assignment", assignment);
		if (assignment) {
			model.addAttribute("assignable", this.offices.assignableBy(actor));
			model.addAttribute("priorities", Priority.values());
		}
		// Retired categories and the service visits' own are not offered.
		model.addAttribute("categories", this.categories.offered());
		// A form shown again after a refusal keeps the guide of the category chosen.
		Object chosen = model.getAttribute("categoryId");
		if (chosen instanceof Long categoryId) {
			this.categoryManagement.findIfAny(categoryId).ifPresent(guided -> model.addAttribute("guided", guided));
		}
		if (actor.isEnterpriseContact()) {
			model.addAttribute("enterprise", this.enterprises.findVisible(actor.enterpriseId(), actor).orElse(null));
		}
		else if (enterpriseId != null) {
			model.addAttribute("enterprise", this.enterprises.findVisible(enterpriseId, actor).orElse(null));
		}
		return FORM;
	}

	@PostMapping({ "/cases/new", "/assignments/new" })
	String processCaseForm(@RequestParam(required = false) Long enterpriseId,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) Long leadUnitId,
			@RequestParam(required = false) java.util.Set<Long> coUnitIds,
			@RequestParam(required = false) java.time.LocalDate dueDate,
			@RequestParam(required = false) Priority priority,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Actor actor, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
		boolean assignment = request.getRequestURI().endsWith("/assignments/new");
		try {
			Case kase = this.cases.submit(
					new NewCase(assignment ? CaseKind.LEADER_ASSIGNMENT : null, categoryId, enterpriseId, title,
							description, this.attachments.check(files),
							assignment ? new NewCase.Assignment(leadUnitId, coUnitIds, dueDate, priority) : null),
					actor);
			redirect.addFlashAttribute("message", text("case.created", kase.getNumber()));
			return "redirect:/cases/" + kase.getId();
		}
		catch (InvalidInput | NotAllowed ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("title", title);
			model.addAttribute("description", description);
			model.addAttribute("categoryId", categoryId);
			model.addAttribute("leadUnitId", leadUnitId);
			model.addAttribute("dueDate", dueDate);
			model.addAttribute("priority", priority);
			return initCaseForm(enterpriseId, actor, model, request);
		}
	}

	@GetMapping("/enterprises/suggest")
	String suggestEnterprises(@RequestParam(defaultValue = "") String q, Actor actor, Model model) {
		model.addAttribute("suggestions", q.isBlank() ? List.of() : this.enterprises.search(actor, q, 0, 8).items());
		return "cases/suggestions :: suggestions";
	}

	@GetMapping("/cases/{id}")
	String showCase(@PathVariable long id, Actor actor, Model model) {
		Case kase = this.cases.find(id, actor);
		Map<Long, Unit> unitsById = this.units.findAll()
			.stream()
			.collect(Collectors.toMap(Unit::getId, Function.identity()));
		Workflow workflow = kase.getKind().workflow();
		List<Workflow.Transition> steps = this.cases.allowedActions(kase, actor)
			.stream()
			.map(action -> workflow.find(action, kase.getState()).orElseThrow())
			.toList();
		model.addAttribute("kase", kase);
		model.addAttribute("helpVisit", this.cases.helpVisit(id, actor).orElse(null));
		Enterprise enterprise = kase.getEnterpriseId() == null ? null
				: this.enterprises.findVisible(kase.getEnterpriseId(), actor).orElse(null);
		model.addAttribute("enterprise", enterprise == null ? null : enterprise.getName());
		model.addAttribute("contact", CaseContact.of(enterprise, actor));
		Category category = this.categories.find(kase.getCategoryId()).orElse(null);
		model.addAttribute("category", category == null ? null : category.name());
		// The enterprise that has just filed reads what happens next: the category's
		// guide
		// and limits, until the service centre takes the case up.
		if (actor.enterpriseId() != null && kase.getState() == CaseState.SUBMITTED) {
			this.categoryManagement.findIfAny(kase.getCategoryId())
				.ifPresent(guided -> model.addAttribute("guided", guided));
		}
		// What the category suggests: its default unit, and its time limit in working
		// days from now.
		// The units offered are those the actor may assign to; the category's lead unit
		// in
		// the case's region (or nearest above it, else its default unit) is chosen only
		// if
		// it is one of them.
		AssignableUnits assignable = steps.stream().anyMatch(step -> step.requires().contains(Workflow.Field.LEAD_UNIT))
				? this.offices.assignableBy(actor) : null;
		model.addAttribute("assignable", assignable);
		Long leadUnit = category == null ? null
				: this.categoryManagement.leadUnitFor(category.id(), kase.getRegionPath()).orElse(null);
		model.addAttribute("defaultUnitId", assignable != null && assignable.contains(leadUnit) ? leadUnit : null);
		model.addAttribute("defaultDue",
				kase.getKind().servesEnterprise() ? this.cases.defaultDueDate(kase) : kase.getDueDate());
		model.addAttribute("time", this.times.of(kase));
		model.addAttribute("orders", this.cases.orders(id, actor));
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("escalatedTo",
				kase.getEscalatedUnitId() == null ? null : unitsById.get(kase.getEscalatedUnitId()).getName());
		model.addAttribute("region", this.regions.find(kase.getRegionCode()).map(r -> r.name()).orElse(null));
		model.addAttribute("lead", kase.getLeadUnitId() == null ? null : unitsById.get(kase.getLeadUnitId()));
		model.addAttribute("coUnits", kase.getCoUnitIds().stream().map(unitsById::get).toList());
		model.addAttribute("timeline", this.cases.timeline(id, actor));
		model.addAttribute("steps", steps);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("ratings", Rating.values());
		ClosingFields.describe(model);
		return DETAIL;
	}

	@PostMapping("/cases/{id}/steps/{action}")
	String processStep(@PathVariable long id, @PathVariable String action, @RequestParam int version,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long leadUnitId,
			@RequestParam(required = false) java.util.Set<Long> coUnitIds,
			@RequestParam(required = false) java.time.LocalDate dueDate,
			@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String answer,
			@RequestParam(required = false) String referral, @RequestParam(required = false) Rating rating,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String back, ClosingFields closing, Actor actor,
			RedirectAttributes redirect) {
		CaseAction step = parse(action);
		String label = text("action." + step.name());
		try {
			this.cases.perform(id, version, step,
					new StepInput(blankToNull(note), leadUnitId, coUnitIds, dueDate, outcome, blankToNull(answer),
							blankToNull(referral), rating, this.attachments.check(files), closing.respondent(),
							closing.review()),
					actor);
			redirect.addFlashAttribute("message", text("case.step.done", label));
		}
		catch (InvalidInput | NotAllowed | StaleVersion | OptimisticLockingFailureException ex) {
			String reason = ex instanceof InvalidInput || ex instanceof NotAllowed ? ex.getMessage()
					: text("error.stale");
			redirect.addFlashAttribute("problem", text("case.step.failed", label) + " " + reason);
		}
		return "supervision".equals(back) ? "redirect:/supervision" : "redirect:/cases/" + id;
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> downloadAttachment(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
		return Downloads.of(this.cases.attachment(id, attachmentId, actor));
	}

	private static CaseAction parse(String slug) {
		try {
			return CaseAction.fromSlug(slug);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound(Text.of("error.record.notFound", Text.of("record.step"), slug));
		}
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
