package org.qiqing.casework.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qiqing.casework.AttachmentPolicy;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
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
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

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

	static final String BOARD = "cases/board";

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

	CasePagesController(CaseManagement cases, CaseQueries queries, Categories categories,
			EnterpriseDirectory enterprises, Units units, Regions regions, MessageSource messages, CaseTimes times,
			CategoryManagement categoryManagement, AttachmentPolicy attachments) {
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

	@GetMapping("/queue")
	String showQueue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Actor actor, Model model) {
		model.addAttribute("page", this.queries.queue(actor, Math.max(page, 0), Math.min(Math.max(size, 1), 100)));
		return QUEUE;
	}

	@GetMapping("/cases")
	String showCases(@RequestParam(required = false) CaseState state, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		model.addAttribute("page", this.queries.search(actor, state, q, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("states", CaseState.values());
		model.addAttribute("state", state);
		model.addAttribute("q", q);
		return LIST;
	}

	@GetMapping("/board")
	String showBoard(Actor actor, Model model) {
		List<CaseState> columns = List.of(CaseState.SUBMITTED, CaseState.ACCEPTED, CaseState.DISPUTED,
				CaseState.EXTENSION_REQUESTED);
		model.addAttribute("columns",
				columns.stream()
					.collect(Collectors.toMap(Function.identity(), s -> this.queries.search(actor, s, null, 0, 50),
							(a, b) -> a, java.util.LinkedHashMap::new)));
		return BOARD;
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
			model.addAttribute("units",
					this.units.findAllByOrderByCode()
						.stream()
						.filter(unit -> this.regions.find(unit.getRegionCode())
							.map(region -> actor.oversees(region.path()))
							.orElse(false))
						.toList());
			model.addAttribute("priorities", Priority.values());
		}
		model.addAttribute("categories",
				this.categories.all()
					.stream()
					.filter(category -> !HelpVisit.CATEGORY_CODE.equals(category.code()))
					.toList());
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
		model.addAttribute("enterprise", kase.getEnterpriseId() == null ? null
				: this.enterprises.findVisible(kase.getEnterpriseId(), actor).map(Enterprise::getName).orElse(null));
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
		model.addAttribute("defaultUnitId", category == null ? null : category.defaultUnitId());
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
		model.addAttribute("units", this.units.findAllByOrderByCode());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("ratings", Rating.values());
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
			@RequestParam(required = false) String back, Actor actor, RedirectAttributes redirect) {
		CaseAction step = parse(action);
		String label = text("action." + step.name());
		try {
			this.cases.perform(id, version, step, new StepInput(blankToNull(note), leadUnitId, coUnitIds, dueDate,
					outcome, blankToNull(answer), blankToNull(referral), rating, this.attachments.check(files)), actor);
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
