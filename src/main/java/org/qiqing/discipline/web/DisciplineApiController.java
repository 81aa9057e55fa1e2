package org.qiqing.discipline.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.discipline.DisciplineFigures;
import org.qiqing.discipline.DisciplineFiles;
import org.qiqing.discipline.DisciplineFilter;
import org.qiqing.discipline.DisciplineManagement;
import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.Evidence;
import org.qiqing.discipline.InspectionNotes;
import org.qiqing.discipline.NewAccountability;
import org.qiqing.discipline.NewAction;
import org.qiqing.discipline.NewFinding;
import org.qiqing.discipline.NewInspection;
import org.qiqing.discipline.ProblemKind;
import org.qiqing.discipline.Views;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.FileResponses;
import org.qiqing.platform.Paging;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Special inspections, rectification and accountability over HTTP
 * ({@code /api/v1/discipline/...}); refusals are RFC 9457 problems.
 */
@RestController
class DisciplineApiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final DisciplineManagement management;

	private final DisciplineQueries queries;

	private final DisciplineFigures figures;

	private final DisciplineFiles files;

	private final InspectionNotes notes;

	DisciplineApiController(DisciplineManagement management, DisciplineQueries queries, DisciplineFigures figures,
			DisciplineFiles files, InspectionNotes notes) {
		this.management = management;
		this.notes = notes;
		this.queries = queries;
		this.figures = figures;
		this.files = files;
	}

	record Created(long id) {
	}

	record Issue(LocalDate dueDate) {
	}

	record SelfExamination(String title, String description, LocalDate dueDate) {
	}

	record KindChange(String family, String code, String name, String nameEn, Boolean retired) {
	}

	record Figures(DisciplineFigures.Figures total, List<DisciplineFigures.Month> months) {
	}

	/** A group's change: the version read, and the group as it should be. */
	record GroupChange(Integer version, String name, Long leaderId, List<Long> memberIds) {
	}

	/** An inspection's move: the version read, and its new day. */
	record InspectionMove(Integer version, LocalDate inspectedOn) {
	}

	/** An inspection's cancellation: the version read, and why. */
	record InspectionCancel(Integer version, String reason) {
	}

	/**
	 * An inspection filled in on its day: the version read, its summary and checklist.
	 */
	record InspectionFill(Integer version, String summary, List<NewInspection.Check> checks) {
	}

	@GetMapping("/api/v1/discipline/kinds")
	List<ProblemKind> kinds(Actor actor) {
		return this.queries.kinds();
	}

	@PostMapping(path = "/api/v1/discipline/kinds", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created addKind(@RequestBody KindChange kind, Actor actor) {
		return new Created(this.management.addKind(kind.family(), kind.code(), kind.name(), kind.nameEn(), actor));
	}

	@PutMapping(path = "/api/v1/discipline/kinds/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changeKind(@PathVariable long id, @RequestBody KindChange kind, Actor actor) {
		this.management.changeKind(id, kind.name(), kind.nameEn(), Boolean.TRUE.equals(kind.retired()), actor);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/discipline/actions")
	List<Views.Action> actions(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.actions(new DisciplineFilter(from, to, region, organiser), Paging.of(page, size, 100),
				actor);
	}

	@PostMapping(path = "/api/v1/discipline/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created createAction(@RequestBody NewAction action, Actor actor) {
		return new Created(this.management.createAction(action, actor));
	}

	@GetMapping("/api/v1/discipline/actions/{id}")
	Views.ActionDetail action(@PathVariable long id, Actor actor) {
		return this.queries.action(id, actor);
	}

	/**
	 * Changes a supervision group: its name, leader and members, at the version read (412
	 * when it changed meanwhile); answers the group as it is now.
	 */
	@PutMapping(path = "/api/v1/discipline/groups/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Views.Group changeGroup(@PathVariable long id, @RequestBody GroupChange change, Actor actor) {
		if (change.version() == null) {
			throw new org.qiqing.platform.InvalidInput("version",
					org.qiqing.platform.Text.of("error.field.required", "version"));
		}
		this.management.changeGroup(id, change.version(),
				new NewAction.Group(change.name(), change.leaderId(), change.memberIds()), actor);
		return this.queries.group(id, actor);
	}

	@GetMapping("/api/v1/discipline/actions/{id}/group-changes")
	List<Views.GroupChange> groupChanges(@PathVariable long id, Actor actor) {
		return this.queries.groupChanges(id, actor);
	}

	@PostMapping(path = "/api/v1/discipline/actions/{id}/inspections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordInspection(@PathVariable long id, @RequestBody NewInspection inspection, Actor actor) {
		return new Created(this.management.recordInspection(id, inspection, actor));
	}

	@GetMapping("/api/v1/discipline/inspections")
	List<Views.Inspection> inspections(@RequestParam(required = false) Long action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.inspections(action, new DisciplineFilter(from, to, region, organiser),
				Paging.of(page, size, 100), actor);
	}

	@GetMapping("/api/v1/discipline/inspections/{id}")
	Map<String, Object> inspection(@PathVariable long id, Actor actor) {
		return Map.of("inspection", this.queries.inspection(id, actor), "checks", this.queries.checks(id, actor),
				"findings", this.queries.findingsOf(id, actor), "moves", this.queries.moves(id, actor));
	}

	/**
	 * Moves a planned inspection scheduled ahead to another day, at the version read (412
	 * when it changed meanwhile; 409 once its day has come or it has findings); answers
	 * the inspection as it is now.
	 */
	@PutMapping(path = "/api/v1/discipline/inspections/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Views.Inspection moveInspection(@PathVariable long id, @RequestBody InspectionMove move, Actor actor) {
		this.management.moveInspection(id, version(move.version()), move.inspectedOn(), actor);
		return this.queries.inspection(id, actor);
	}

	/**
	 * Cancels a planned inspection scheduled ahead, with the reason, at the version read;
	 * answers the inspection, cancelled.
	 */
	@PostMapping(path = "/api/v1/discipline/inspections/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	Views.Inspection cancelInspection(@PathVariable long id, @RequestBody InspectionCancel cancel, Actor actor) {
		this.management.cancelInspection(id, version(cancel.version()), cancel.reason(), actor);
		return this.queries.inspection(id, actor);
	}

	/**
	 * Fills in a planned inspection on or after its day, its checklist and summary, at
	 * the version read (412 when it changed meanwhile; 409 before its day, once filled
	 * in, issued or cancelled); answers it with its checks.
	 */
	@PutMapping(path = "/api/v1/discipline/inspections/{id}/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> fillInInspection(@PathVariable long id, @RequestBody InspectionFill fill, Actor actor) {
		this.notes.fillIn(id, version(fill.version()), fill.summary(),
				fill.checks() == null ? List.of() : fill.checks(), actor);
		return Map.of("inspection", this.queries.inspection(id, actor), "checks", this.queries.checks(id, actor));
	}

	private static int version(Integer version) {
		if (version == null) {
			throw new org.qiqing.platform.InvalidInput("version",
					org.qiqing.platform.Text.of("error.field.required", "version"));
		}
		return version;
	}

	@PostMapping(path = "/api/v1/discipline/inspections/{id}/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordFinding(@PathVariable long id, @RequestBody NewFinding finding, Actor actor) {
		return new Created(this.management.recordFinding(id, finding, List.of(), actor));
	}

	@PostMapping(path = "/api/v1/discipline/inspections/{id}/findings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordFindingWithEvidence(@PathVariable long id, @RequestPart("finding") NewFinding finding,
			@RequestPart(name = "evidence", required = false) List<MultipartFile> evidence, Actor actor) {
		return new Created(this.management.recordFinding(id, finding, this.files.check("evidence", evidence), actor));
	}

	@PostMapping(path = "/api/v1/discipline/inspections/{id}/issue", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<Long>> issue(@PathVariable long id, @RequestBody(required = false) Issue issue, Actor actor) {
		return Map.of("rectifications",
				this.management.issueFindings(id, issue == null ? null : issue.dueDate(), actor));
	}

	@GetMapping("/api/v1/discipline/findings")
	List<Views.Finding> findings(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.findings(new DisciplineFilter(from, to, region, organiser), Paging.of(page, size, 100),
				actor);
	}

	@GetMapping("/api/v1/discipline/findings/{id}")
	Map<String, Object> finding(@PathVariable long id, Actor actor) {
		return Map.of("finding", this.queries.finding(id, actor), "evidence", this.queries.evidence(id, actor));
	}

	@GetMapping({ "/api/v1/discipline/findings/{id}/evidence/{evidenceId}",
			"/discipline/findings/{id}/evidence/{evidenceId}" })
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId, Actor actor) {
		Evidence file = this.queries.evidenceFile(id, evidenceId, actor);
		return ResponseEntity.ok()
			.headers(FileResponses.image(file.filename(), file.contentType(), file.content()))
			.body(file.content());
	}

	@PostMapping(path = "/api/v1/discipline/findings/{id}/rectification", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created rectify(@PathVariable long id, @RequestBody Issue issue, Actor actor) {
		return new Created(this.management.rectifyFinding(id, issue == null ? null : issue.dueDate(), actor));
	}

	@PostMapping(path = "/api/v1/discipline/self-examinations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created selfExamination(@RequestBody SelfExamination problem, Actor actor) {
		return new Created(
				this.management.selfExamination(problem.title(), problem.description(), problem.dueDate(), actor));
	}

	@GetMapping("/api/v1/discipline/accountability")
	List<Views.Decision> register(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.register(new DisciplineFilter(from, to, region, organiser), Paging.of(page, size, 100),
				actor);
	}

	@PostMapping(path = "/api/v1/discipline/accountability", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordDecision(@RequestBody NewAccountability decision, Actor actor) {
		return new Created(this.management.recordAccountability(decision, null, actor));
	}

	@PostMapping(path = "/api/v1/discipline/accountability", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created recordDecisionWithDocument(@RequestPart("decision") NewAccountability decision,
			@RequestPart(name = "document", required = false) MultipartFile document, Actor actor) {
		List<Evidence> checked = this.files.check("document", document == null ? List.of() : List.of(document));
		return new Created(
				this.management.recordAccountability(decision, checked.isEmpty() ? null : checked.get(0), actor));
	}

	@GetMapping("/api/v1/discipline/accountability/{id}")
	Views.Decision decision(@PathVariable long id, Actor actor) {
		return this.queries.decision(id, actor);
	}

	@GetMapping({ "/api/v1/discipline/accountability/{id}/document", "/discipline/accountability/{id}/document" })
	ResponseEntity<byte[]> document(@PathVariable long id, Actor actor) {
		Evidence file = this.queries.document(id, actor);
		return ResponseEntity.ok()
			.headers(FileResponses.download(file.filename(), file.contentType(), file.content()))
			.body(file.content());
	}

	@GetMapping("/api/v1/discipline/figures")
	Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser,
			Actor actor) {
		DisciplineFilter filter = new DisciplineFilter(from, to, region, organiser);
		DisciplineFigures.Report report = this.figures.report(filter, actor);
		return new Figures(report.total(), report.months());
	}

	@GetMapping({ "/api/v1/discipline/figures/export", "/discipline/figures/export" })
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) Long organiser, Actor actor,
			HttpServletResponse response) throws IOException {
		DisciplineFilter filter = new DisciplineFilter(from, to, region, organiser);
		// Refused before a byte is written, so a refusal is still a problem.
		this.figures.figures(filter, actor);
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"discipline-figures.xlsx\"");
		this.figures.export(filter, actor, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

}
