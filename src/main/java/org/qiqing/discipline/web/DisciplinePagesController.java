package org.qiqing.discipline.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qiqing.discipline.DisciplineFigures;
import org.qiqing.discipline.DisciplineFiles;
import org.qiqing.discipline.DisciplineFilter;
import org.qiqing.discipline.DisciplineManagement;
import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.DisciplineScope;
import org.qiqing.discipline.InspectionMode;
import org.qiqing.discipline.InspectionNotes;
import org.qiqing.discipline.NewFinding;
import org.qiqing.discipline.NewInspection;
import org.qiqing.discipline.Views;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of discipline work (纪检督查), usable on a phone: the four figures with their
 * months and the lists they drill to; an action with its checklist, groups and
 * inspections, and the form a group member records an inspection with; an inspection with
 * its findings, the form to add one with its photos and the button that issues them
 * (filing each as a rectification item); the register of accountability.
 */
@Controller
class DisciplinePagesController {

	static final String INDEX = "discipline/index";

	static final String ACTION = "discipline/action";

	static final String INSPECTION = "discipline/inspection";

	static final String REGISTER = "discipline/register";

	/** The running actions the card lists; the actions list has the rest. */
	static final int MY_ACTIONS = 10;

	/** The newest actions and findings the page shows; their lists have the rest. */
	static final int INDEX_ROWS = 10;

	/** The moments a page shows (a cancellation, a move), to the minute. */
	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	private final DisciplineQueries queries;

	private final DisciplineFigures figures;

	private final DisciplineManagement management;

	private final DisciplineScope scope;

	private final DisciplineFiles files;

	private final InspectionNotes notes;

	private final org.qiqing.organisation.Units units;

	private final org.qiqing.organisation.UnitDirectory unitDirectory;

	private final org.qiqing.organisation.Regions regions;

	private final org.qiqing.organisation.People people;

	private final org.springframework.context.MessageSource messages;

	private final org.qiqing.casework.CaseQueries cases;

	DisciplinePagesController(org.qiqing.casework.CaseQueries cases, org.qiqing.organisation.People people,
			DisciplineQueries queries, DisciplineFigures figures, DisciplineManagement management,
			DisciplineScope scope, DisciplineFiles files, InspectionNotes notes, org.qiqing.organisation.Units units,
			org.qiqing.organisation.UnitDirectory unitDirectory, org.qiqing.organisation.Regions regions,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.notes = notes;
		this.cases = cases;
		this.units = units;
		this.unitDirectory = unitDirectory;
		this.regions = regions;
		this.people = people;
		this.queries = queries;
		this.figures = figures;
		this.management = management;
		this.scope = scope;
		this.files = files;
	}

	@GetMapping("/discipline")
	String showIndex(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser, Actor actor,
			Model model) {
		DisciplineFilter filter = new DisciplineFilter(from, to, region == null || region.isBlank() ? null : region,
				organiser);
		// Read once: the total and the months are one report.
		DisciplineFigures.Report report = this.figures.report(filter, actor);
		model.addAttribute("total", report.total());
		model.addAttribute("months", report.months());
		boolean discipline = this.scope.isDiscipline(actor);
		model.addAttribute("discipline", discipline);
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		// His own work first: his groups' running actions, inspections to issue and the
		// rectification items waiting on him (to verify, 销号), as in his queue.
		List<Views.MyAction> myActions = discipline ? this.queries.myActions(today, actor, MY_ACTIONS + 1) : List.of();
		model.addAttribute("myActions", myActions.subList(0, Math.min(myActions.size(), MY_ACTIONS)));
		model.addAttribute("moreActions", myActions.size() > MY_ACTIONS);
		model.addAttribute("toIssue", discipline ? this.queries.toIssue(today, actor) : List.of());
		model.addAttribute("plannedAhead", discipline ? this.queries.plannedAhead(today, actor) : List.of());
		model.addAttribute("toVerify", discipline ? this.cases
			.queue(actor,
					new org.qiqing.casework.CaseQueries.QueueView(org.qiqing.casework.QueueTab.ALL,
							org.qiqing.casework.CaseKind.RECTIFICATION, org.qiqing.casework.QueueOrder.URGENCY, null),
					0, 10)
			.items()
			.stream()
			.filter(line -> line.state() == org.qiqing.casework.CaseState.RESOLVED
					|| line.state() == org.qiqing.casework.CaseState.EXTENSION_REQUESTED)
			.toList() : List.of());
		// The newest few of each list; their own pages hold the rest.
		model.addAttribute("actions",
				Listed.read(0, INDEX_ROWS, (offset, limit) -> this.queries.actions(filter, offset, limit, actor)));
		model.addAttribute("findings",
				Listed.read(0, INDEX_ROWS, (offset, limit) -> this.queries.findings(filter, offset, limit, actor)));
		model.addAttribute("kindNames", kindNames(this.queries));
		model.addAttribute("organisers",
				actor.has(org.qiqing.organisation.Role.INSPECTOR) ? organisersOf(actor) : List.of());
		model.addAttribute("today", LocalDate.now(org.qiqing.platform.PlatformClock.CHINA));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("region", filter.region());
		model.addAttribute("organiser", organiser);
		model.addAttribute("export", DisciplineListsController.link("/discipline/figures/export", filter));
		model.addAttribute("actionsLink", DisciplineListsController.link("/discipline/actions", filter));
		model.addAttribute("findingsLink", DisciplineListsController.link("/discipline/findings", filter));
		return INDEX;
	}

	/**
	 * Sets up a special action from the form on the index page: its checklist one point a
	 * line, one or more groups, each with its name, its leader (blank: the inspector) and
	 * its members by login name; a group left wholly blank is skipped. What is wrong is
	 * said of the group it is in.
	 */
	@PostMapping("/discipline/actions")
	String processActionForm(@RequestParam String theme, @RequestParam Long organiserUnitId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam String checklist, jakarta.servlet.http.HttpServletRequest request, Actor actor) {
		// Read as arrays: a single value would be split at its commas if bound to a list.
		String[] names = valuesOf(request, "groupName");
		String[] leaders = valuesOf(request, "leader");
		String[] members = valuesOf(request, "members");
		int count = Math.max(names.length, Math.max(leaders.length, members.length));
		java.util.Map<String, org.qiqing.platform.Text> errors = new java.util.LinkedHashMap<>();
		List<org.qiqing.discipline.NewAction.Group> groups = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = at(names, i);
			String leader = at(leaders, i);
			String people = at(members, i);
			if (name.isEmpty() && leader.isEmpty() && people.isEmpty() && (i > 0 || count > 1)) {
				continue;
			}
			int number = i + 1;
			String field = "groups[" + i + "]";
			if (name.isEmpty()) {
				errors.put(field + ".name", org.qiqing.platform.Text.of("discipline.error.groupName", number));
			}
			Long leaderId = leader.isEmpty() ? Long.valueOf(actor.personId()) : personId(leader);
			if (leaderId == null) {
				errors.put(field + ".leader",
						org.qiqing.platform.Text.of("discipline.error.groupPerson", number, leader));
			}
			List<Long> memberIds = new ArrayList<>();
			for (String username : people.split("[,，、;；\\s]+")) {
				if (username.isBlank()) {
					continue;
				}
				Long id = personId(username.strip());
				if (id == null) {
					errors.putIfAbsent(field + ".members",
							org.qiqing.platform.Text.of("discipline.error.groupPerson", number, username.strip()));
				}
				else {
					memberIds.add(id);
				}
			}
			groups.add(new org.qiqing.discipline.NewAction.Group(name, leaderId, memberIds));
		}
		if (!errors.isEmpty()) {
			throw new org.qiqing.platform.InvalidInput(errors);
		}
		List<String> points = checklist.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		long id = this.management.createAction(new org.qiqing.discipline.NewAction(theme, organiserUnitId, startsOn,
				endsOn, List.of(), List.of(), points, groups), actor);
		return "redirect:/discipline/actions/" + id;
	}

	private static String[] valuesOf(jakarta.servlet.http.HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int index) {
		return index < values.length && values[index] != null ? values[index].strip() : "";
	}

	/**
	 * An official's id by his login name; null when nobody (or an enterprise contact).
	 */
	private Long personId(String username) {
		return this.people.findByUsername(username)
			.filter(person -> person.getUnitId() != null)
			.map(org.qiqing.organisation.Person::getId)
			.orElse(null);
	}

	@GetMapping("/discipline/actions/{id}")
	String showAction(@PathVariable long id, Actor actor, Model model) {
		return action(id, null, java.util.Map.of(), actor, model);
	}

	/**
	 * Changes a supervision group from its action's page: name, leader and members by
	 * login name, at the version the page showed. What is wrong is said beside the group
	 * (400); a stale edit (the group changed since the page was read) is refused and the
	 * page shows the group as it is now (412).
	 */
	@PostMapping("/discipline/groups/{id}")
	String processGroupForm(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String groupName, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String members, Actor actor, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		org.qiqing.discipline.Views.Group group = this.queries.group(id, actor);
		long actionId = this.queries.actionOfGroup(id);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		String leaderName = leader == null ? "" : leader.strip();
		Long leaderId = leaderName.isEmpty() ? null : personId(leaderName);
		if (leaderName.isEmpty()) {
			errors.put("leader", words("discipline.error.leader"));
		}
		else if (leaderId == null) {
			errors.put("leader", this.messages.getMessage("discipline.error.person.unknown",
					new Object[] { leaderName }, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		List<Long> memberIds = new ArrayList<>();
		for (String username : (members == null ? "" : members).split("[,，、;；\\s]+")) {
			if (username.isBlank()) {
				continue;
			}
			Long member = personId(username.strip());
			if (member == null) {
				errors.putIfAbsent("members",
						this.messages.getMessage("discipline.error.person.unknown", new Object[] { username.strip() },
								org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			}
			else {
				memberIds.add(member);
			}
		}
		if (version == null) {
			errors.put("version", words("discipline.error.version"));
		}
		GroupForm form = new GroupForm(id, groupName, leaderName, members);
		try {
			if (errors.isEmpty()) {
				this.management.changeGroup(id, version,
						new org.qiqing.discipline.NewAction.Group(groupName, leaderId, memberIds), actor);
				redirect.addFlashAttribute("groupChanged", id);
				return "redirect:/discipline/actions/" + actionId + "#group-" + id;
			}
		}
		catch (org.qiqing.platform.InvalidInput ex) {
			ex.errors().forEach((field, message) -> errors.putIfAbsent(switch (field) {
				case "leaderId" -> "leader";
				case "memberIds" -> "members";
				default -> field;
			}, message));
		}
		catch (org.qiqing.platform.StaleVersion ex) {
			response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
			model.addAttribute("staleGroup", id);
			return action(actionId, null, java.util.Map.of(), actor, model);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return action(actionId, form, errors, actor, model);
	}

	/**
	 * What a group's form holds as typed, when it is shown again with what is wrong.
	 */
	record GroupForm(long groupId, String name, String leader, String members) {
	}

	private String action(long id, GroupForm form, java.util.Map<String, String> errors, Actor actor, Model model) {
		org.qiqing.discipline.Views.ActionDetail detail = this.queries.action(id, actor);
		model.addAttribute("detail", detail);
		boolean manages = org.qiqing.discipline.DisciplineScope.overseesForDiscipline(actor,
				this.regions.find(detail.action().regionCode())
					.map(org.qiqing.organisation.Region::path)
					.orElse("\u0000"));
		model.addAttribute("manages", manages);
		model.addAttribute("groupForm", form);
		model.addAttribute("groupErrors", errors);
		java.util.Map<Long, String> usernames = manages ? usernames(detail) : java.util.Map.of();
		java.util.Map<Long, String> leaderLogins = new java.util.HashMap<>();
		java.util.Map<Long, String> memberLogins = new java.util.HashMap<>();
		for (org.qiqing.discipline.Views.Group g : detail.groups()) {
			leaderLogins.put(g.id(), usernames.getOrDefault(g.leaderId(), ""));
			memberLogins.put(g.id(),
					String.join("\n",
							g.members()
								.stream()
								.filter(m -> m.personId() != g.leaderId())
								.map(m -> usernames.getOrDefault(m.personId(), ""))
								.toList()));
		}
		model.addAttribute("leaderLogins", leaderLogins);
		model.addAttribute("memberLogins", memberLogins);
		model.addAttribute("groupChanges",
				this.scope.isDiscipline(actor) ? this.queries.groupChanges(id, actor) : List.of());
		model.addAttribute("units", coveredUnits(detail));
		model.addAttribute("inspections",
				this.queries.inspections(id, DisciplineFilter.none(), Paging.of(0, 100, 100), actor));
		model.addAttribute("discipline", this.scope.isDiscipline(actor));
		model.addAttribute("today", LocalDate.now(org.qiqing.platform.PlatformClock.CHINA));
		return ACTION;
	}

	/** The login names of an action's groups' people, to fill the groups' forms. */
	private java.util.Map<Long, String> usernames(org.qiqing.discipline.Views.ActionDetail detail) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		detail.groups().forEach(g -> {
			ids.add(g.leaderId());
			g.members().forEach(m -> ids.add(m.personId()));
		});
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		this.people.findAllById(ids).forEach(p -> names.put(p.getId(), p.getUsername()));
		return names;
	}

	/** The units of an inspector's jurisdiction, to organise an action. */
	private List<org.qiqing.organisation.UnitDirectory.Named> organisersOf(Actor actor) {
		return this.unitDirectory.standingIn(actor);
	}

	/** The units an action covers, to choose the inspected one from. */
	private List<org.qiqing.organisation.Unit> coveredUnits(org.qiqing.discipline.Views.ActionDetail detail) {
		List<String> codes = detail.regionCodes().isEmpty() ? List.of(detail.action().regionCode())
				: detail.regionCodes();
		List<String> paths = codes.stream()
			.map(code -> this.regions.find(code).map(org.qiqing.organisation.Region::path).orElse("\u0000"))
			.toList();
		return this.units.findAll()
			.stream()
			.filter(org.qiqing.organisation.Unit::isEnabled)
			.filter(unit -> this.regions.find(unit.getRegionCode())
				.map(region -> paths.stream().anyMatch(region.path()::startsWith))
				.orElse(false))
			.sorted(java.util.Comparator.comparing(org.qiqing.organisation.Unit::getCode))
			.toList();
	}

	@PostMapping("/discipline/actions/{id}/inspections")
	String processInspectionForm(@PathVariable long id, @RequestParam Long groupId, @RequestParam Long unitId,
			@RequestParam InspectionMode mode,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
			@RequestParam(required = false) String summary,
			@RequestParam(name = "passed", required = false) List<Integer> passed,
			@RequestParam(required = false) String clientKey, Actor actor) {
		int points = this.queries.action(id, actor).checkpoints().size();
		List<NewInspection.Check> checks = new ArrayList<>();
		// A day ahead with nothing ticked schedules the inspection: its checklist is
		// filled in on the day.
		boolean scheduling = inspectedOn.isAfter(LocalDate.now(org.qiqing.platform.PlatformClock.CHINA))
				&& (passed == null || passed.isEmpty());
		for (int p = 1; p <= points && !scheduling; p++) {
			checks.add(new NewInspection.Check(p, passed != null && passed.contains(p), null));
		}
		long inspection = this.management.recordInspection(id,
				new NewInspection(groupId, unitId, mode, inspectedOn, summary, checks, clientKey), actor);
		return "redirect:/discipline/inspections/" + inspection;
	}

	@GetMapping("/discipline/inspections/{id}")
	String showInspection(@PathVariable long id, Actor actor, Model model) {
		org.qiqing.discipline.Views.Inspection inspection = this.queries.inspection(id, actor);
		model.addAttribute("inspection", inspection);
		// Planned ahead: no findings nor issue until its day; moved or cancelled by
		// discipline roles until then, while it has no findings.
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		boolean ahead = inspection.inspectedOn().isAfter(today);
		model.addAttribute("ahead", ahead);
		boolean mayChange = ahead && !inspection.cancelled() && inspection.findings() == 0
				&& inspection.issuedAt() == null && this.scope.isDiscipline(actor);
		model.addAttribute("mayChange", mayChange);
		if (mayChange) {
			LocalDate[] period = this.queries.actionPeriod(inspection.actionId());
			model.addAttribute("moveFirst", period[0].isAfter(today) ? period[0] : today);
			model.addAttribute("moveLast", period[1]);
		}
		model.addAttribute("cancelledAt", inspection.cancelled() ? minute(inspection.cancelledAt()) : null);
		model.addAttribute("checks", this.queries.checks(id, actor));
		model.addAttribute("moves",
				this.queries.moves(id, actor)
					.stream()
					.map(m -> new MoveLine(minute(m.movedAt()), m.movedByName(), m.movedFrom(), m.movedTo()))
					.toList());
		model.addAttribute("checkpoints", this.queries.checkpoints(inspection.actionId()));
		model.addAttribute("mayFill", !ahead && !inspection.cancelled() && inspection.issuedAt() == null
				&& inspection.checkedAt() == null && this.scope.isDiscipline(actor));
		model.addAttribute("findings", this.queries.findingsOf(id, actor));
		model.addAttribute("kinds", this.queries.kinds());
		model.addAttribute("kindNames", kindNames(this.queries));
		model.addAttribute("discipline", this.scope.isDiscipline(actor));
		model.addAttribute("inspector", actor.has(org.qiqing.organisation.Role.INSPECTOR));
		return INSPECTION;
	}

	/** A move as the inspection's page says it, its time in China's. */
	record MoveLine(String at, String by, LocalDate from, LocalDate to) {
	}

	/** A moment as the inspection's page says it, to the minute in China's time. */
	private static String minute(java.time.Instant at) {
		return MINUTE.format(at.atZone(org.qiqing.platform.PlatformClock.CHINA));
	}

	/**
	 * Moves a planned inspection scheduled ahead to another day, from its page, at the
	 * version the page showed. What is wrong is said on the page (400, 409; 412 when it
	 * changed meanwhile, the page showing it as it is now).
	 */
	@PostMapping("/discipline/inspections/{id}/move")
	String processMoveForm(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String inspectedOn, Actor actor, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		LocalDate day;
		try {
			day = inspectedOn == null || inspectedOn.isBlank() ? null : LocalDate.parse(inspectedOn.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return inspectionProblem(id, HttpStatus.BAD_REQUEST, words("discipline.error.date"), actor, model,
					response);
		}
		return changeInspection(id, version, redirect, "discipline.inspection.moved", actor, model, response,
				v -> this.management.moveInspection(id, v, day, actor));
	}

	/**
	 * Cancels a planned inspection scheduled ahead, with the reason, from its page (its
	 * button asks to confirm), at the version the page showed.
	 */
	@PostMapping("/discipline/inspections/{id}/cancel")
	String processCancelForm(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, Actor actor, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		return changeInspection(id, version, redirect, "discipline.inspection.cancelled", actor, model, response,
				v -> this.management.cancelInspection(id, v, reason, actor));
	}

	private String changeInspection(long id, Integer version,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String done, Actor actor,
			Model model, jakarta.servlet.http.HttpServletResponse response, java.util.function.IntConsumer change) {
		if (version == null) {
			return inspectionProblem(id, HttpStatus.BAD_REQUEST, words("discipline.error.version"), actor, model,
					response);
		}
		try {
			change.accept(version);
		}
		catch (org.qiqing.platform.InvalidInput ex) {
			return inspectionProblem(id, HttpStatus.BAD_REQUEST, String.join("; ", ex.errors().values()), actor, model,
					response);
		}
		catch (org.qiqing.platform.NotAllowed ex) {
			return inspectionProblem(id, HttpStatus.CONFLICT, ex.getMessage(), actor, model, response);
		}
		catch (org.qiqing.platform.StaleVersion ex) {
			return inspectionProblem(id, HttpStatus.PRECONDITION_FAILED, words("discipline.inspection.stale"), actor,
					model, response);
		}
		redirect.addFlashAttribute("inspectionChanged", done);
		return "redirect:/discipline/inspections/" + id;
	}

	/** The inspection's page as it is now, with what was wrong, and its status. */
	private String inspectionProblem(long id, HttpStatus status, String problem, Actor actor, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		String view = showInspection(id, actor, model);
		response.setStatus(status.value());
		model.addAttribute("inspectionProblem", problem);
		return view;
	}

	/**
	 * Fills in a planned inspection on or after its day, from its page: the points ticked
	 * as passed, a note on each, the summary, at the version the page showed.
	 */
	@PostMapping("/discipline/inspections/{id}/checks")
	String processChecksForm(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String summary,
			@RequestParam(name = "passed", required = false) List<Integer> passed,
			@RequestParam Map<String, String> form, Actor actor, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		int points = this.queries.checkpoints(this.queries.inspection(id, actor).actionId()).size();
		List<NewInspection.Check> checks = new ArrayList<>();
		for (int p = 1; p <= points; p++) {
			checks.add(new NewInspection.Check(p, passed != null && passed.contains(p), form.get("note" + p)));
		}
		return changeInspection(id, version, redirect, "discipline.inspection.filledIn", actor, model, response,
				v -> this.notes.fillIn(id, v, summary, checks, actor));
	}

	@PostMapping("/discipline/inspections/{id}/findings")
	String processFindingForm(@PathVariable long id, @RequestParam Long kindId, @RequestParam String what,
			@RequestParam(required = false) String place, @RequestParam(required = false) String people,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> evidence, Actor actor) {
		this.management.recordFinding(id, new NewFinding(kindId, null, what, place, people),
				this.files.check("evidence", evidence), actor);
		return "redirect:/discipline/inspections/" + id;
	}

	@PostMapping("/discipline/inspections/{id}/issue")
	String processIssueForm(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			Actor actor) {
		this.management.issueFindings(id, dueDate, actor);
		return "redirect:/discipline/inspections/" + id;
	}

	/** The kinds of problem by id, named in the reader's language. */
	static java.util.Map<Long, String> kindNames(DisciplineQueries queries) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		queries.kinds().forEach(k -> names.put(k.id(), k.nameIn(locale)));
		return names;
	}

	@GetMapping("/discipline/accountability")
	String showRegister(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String causeType,
			@RequestParam(required = false) String causeId, Actor actor, Model model) {
		DecisionForm form = DecisionForm.blank(causeType, causeId,
				LocalDate.now(org.qiqing.platform.PlatformClock.CHINA));
		// From a finding's page: the decision is about its unit, unless changed.
		Long findingId = "FINDING".equals(causeType) ? number(causeId) : null;
		if (findingId != null && actor.has(org.qiqing.organisation.Role.INSPECTOR)) {
			try {
				org.qiqing.discipline.Views.Finding finding = this.queries.finding(findingId, actor);
				form = form.withUnit(Long.toString(finding.unitId()));
			}
			catch (org.qiqing.platform.NotFound ex) {
				// said when the form is sent
			}
		}
		return register(from, to, page, form, java.util.Map.of(), actor, model);
	}

	/**
	 * Registers an accountability decision from the register's form: an inspector whose
	 * jurisdiction holds the unit, for a cause he sees. The subject and the form are
	 * chosen together ({@code PERSON:NOTICE}), so that a form of the other subject cannot
	 * be chosen; what is wrong is said beside its field, in the page, with what was typed
	 * kept.
	 */
	@PostMapping("/discipline/accountability")
	String processDecisionForm(DecisionForm form,
			@RequestParam(name = "document", required = false) MultipartFile document, Actor actor, Model model,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!this.scope.isDiscipline(actor)) {
			throw new org.springframework.security.access.AccessDeniedException("discipline roles only");
		}
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		HttpStatus status = HttpStatus.BAD_REQUEST;
		org.qiqing.discipline.CauseType causeType = parse(org.qiqing.discipline.CauseType.class, form.causeType());
		Long causeId = number(form.causeId());
		if (causeType == null || causeId == null) {
			errors.put("causeId", words("discipline.error.cause"));
		}
		org.qiqing.discipline.Subject subject = null;
		org.qiqing.discipline.AccountabilityForm measure = null;
		String[] target = form.target() == null ? new String[0] : form.target().split(":");
		if (target.length == 2) {
			subject = parse(org.qiqing.discipline.Subject.class, target[0]);
			measure = parse(org.qiqing.discipline.AccountabilityForm.class, target[1]);
		}
		if (subject == null || measure == null) {
			errors.put("target", words("discipline.error.target"));
		}
		LocalDate decidedOn = null;
		try {
			decidedOn = form.decidedOn() == null || form.decidedOn().isBlank() ? null
					: LocalDate.parse(form.decidedOn().strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			errors.put("decidedOn", words("discipline.error.date"));
		}
		try {
			List<org.qiqing.discipline.Evidence> checked = this.files.check("document",
					document == null ? List.of() : List.of(document));
			if (errors.isEmpty()) {
				long id = this.management.recordAccountability(
						new org.qiqing.discipline.NewAccountability(causeType, causeId, subject, form.personName(),
								number(form.unitId()), measure, form.decidedBy(), decidedOn, form.documentNumber()),
						checked.isEmpty() ? null : checked.get(0), actor);
				redirect.addFlashAttribute("recorded", id);
				return "redirect:/discipline/accountability";
			}
		}
		catch (org.qiqing.platform.InvalidInput ex) {
			ex.errors().forEach(errors::putIfAbsent);
		}
		catch (org.qiqing.platform.NotFound ex) {
			// A cause he may not see is one that does not exist, for him.
			errors.put("causeId", words("discipline.error.causeNotFound"));
		}
		catch (org.qiqing.platform.NotAllowed ex) {
			errors.put("unitId", ex.getMessage());
			status = HttpStatus.CONFLICT;
		}
		response.setStatus(status.value());
		return register(null, null, 0, form, errors, actor, model);
	}

	private String register(LocalDate from, LocalDate to, int page, DecisionForm form,
			java.util.Map<String, String> errors, Actor actor, Model model) {
		model.addAttribute("decisions", this.queries.register(new DisciplineFilter(from, to, null, null),
				Paging.of(Math.max(page, 0), 50, 100), actor));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		boolean inspector = actor.has(org.qiqing.organisation.Role.INSPECTOR);
		model.addAttribute("decisionForm", form);
		model.addAttribute("errors", errors);
		model.addAttribute("decisionUnits", inspector ? organisersOf(actor) : List.of());
		model.addAttribute("causeTypes", org.qiqing.discipline.CauseType.values());
		model.addAttribute("personForms", formsOf(org.qiqing.discipline.Subject.PERSON));
		model.addAttribute("organisationForms", formsOf(org.qiqing.discipline.Subject.ORGANISATION));
		model.addAttribute("cause", causeOf(form, actor));
		return REGISTER;
	}

	/** What the form's cause is, in words, when it is a finding he sees. */
	private String causeOf(DecisionForm form, Actor actor) {
		Long id = number(form.causeId());
		if (!"FINDING".equals(form.causeType()) || id == null) {
			return null;
		}
		try {
			org.qiqing.discipline.Views.Finding finding = this.queries.finding(id, actor);
			return finding.unitName() + ": " + finding.what();
		}
		catch (org.qiqing.platform.NotFound | org.springframework.security.access.AccessDeniedException ex) {
			return null;
		}
	}

	private static List<org.qiqing.discipline.AccountabilityForm> formsOf(org.qiqing.discipline.Subject subject) {
		return java.util.Arrays.stream(org.qiqing.discipline.AccountabilityForm.values())
			.filter(f -> f.appliesTo(subject))
			.toList();
	}

	private static Long number(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String words(String key) {
		return this.messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/**
	 * What the register's form holds, as typed: {@code target} is the subject and the
	 * form together ({@code PERSON:ADMONITION}).
	 */
	record DecisionForm(String causeType, String causeId, String target, String personName, String unitId,
			String decidedBy, String decidedOn, String documentNumber) {

		static DecisionForm blank(String causeType, String causeId, LocalDate today) {
			return new DecisionForm(causeType == null ? "FINDING" : causeType, causeId, "PERSON:NOTICE", null, null,
					null, today.toString(), null);
		}

		DecisionForm withUnit(String unit) {
			return new DecisionForm(this.causeType, this.causeId, this.target, this.personName, unit, this.decidedBy,
					this.decidedOn, this.documentNumber);
		}

	}

}
