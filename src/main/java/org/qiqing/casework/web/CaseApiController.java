package org.qiqing.casework.web;

import java.net.URI;
import java.util.List;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import jakarta.validation.Valid;

import org.qiqing.casework.AttachmentPolicy;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseFilter;
import org.qiqing.casework.CaseHistory;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTimes;
import org.qiqing.casework.HistoryFinding;
import org.qiqing.casework.QueueLooks;
import org.qiqing.casework.SupervisionOrders;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Versions;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case engine over HTTP: file, read, list, and take steps. Every step needs the
 * version the caller has seen in {@code If-Match}; every POST may carry an
 * {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1")
class CaseApiController {

	private static final int MAX_PAGE_SIZE = 100;

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final CaseTimes times;

	private final AttachmentPolicy attachments;

	private final MessageSource messages;

	private final CaseListParams params;

	private final QueueLooks looks;

	CaseApiController(CaseManagement cases, CaseQueries queries, CaseTimes times, AttachmentPolicy attachments,
			MessageSource messages, CaseListParams params, QueueLooks looks) {
		this.params = params;
		this.looks = looks;
		this.attachments = attachments;
		this.messages = messages;
		this.cases = cases;
		this.queries = queries;
		this.times = times;
	}

	@PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseView> fileCase(@Valid @RequestBody CaseRequests.FileCase request, Actor actor) {
		return created(this.cases.submit(request.toNewCase(List.of()), actor), actor);
	}

	@PostMapping(path = "/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaseView> fileCaseWithFiles(@Valid @RequestPart("case") CaseRequests.FileCase request,
			@RequestPart(name = "files", required = false) List<MultipartFile> files, Actor actor) {
		return created(this.cases.submit(request.toNewCase(this.attachments.check(files)), actor), actor);
	}

	/** An enterprise asks the help office of its region for a service visit. */
	@PostMapping(path = "/help-visits", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseView> askHelpVisit(@Valid @RequestBody CaseRequests.AskVisit request, Actor actor) {
		return created(this.cases.submit(request.toNewCase(), actor), actor);
	}

	@GetMapping("/cases/{id}")
	ResponseEntity<CaseView> showCase(@PathVariable long id, Actor actor) {
		return current(this.cases.find(id, actor), actor);
	}

	@PostMapping(path = "/cases/{id}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseView> takeStep(@PathVariable long id, @PathVariable String action,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody CaseRequests.Step step, Actor actor) {
		return current(
				this.cases.perform(id, Versions.fromIfMatch(ifMatch), action(action), step.toInput(List.of()), actor),
				actor);
	}

	@PostMapping(path = "/cases/{id}/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaseView> takeStepWithFiles(@PathVariable long id, @PathVariable String action,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestPart("step") CaseRequests.Step step,
			@RequestPart(name = "files", required = false) List<MultipartFile> files, Actor actor) {
		return current(this.cases.perform(id, Versions.fromIfMatch(ifMatch), action(action),
				step.toInput(this.attachments.check(files)), actor), actor);
	}

	@GetMapping("/cases/{id}/timeline")
	List<CaseHistory.Entry> showTimeline(@PathVariable long id, Actor actor) {
		return this.cases.timeline(id, actor);
	}

	/**
	 * The supervision orders of a case and their replies (not shown to the enterprise).
	 */
	@GetMapping("/cases/{id}/orders")
	List<SupervisionOrders.Order> listOrders(@PathVariable long id, Actor actor) {
		return this.cases.orders(id, actor);
	}

	/**
	 * Checks the case's history against its row: every difference, each with the case
	 * number, the event, what differs and a sentence in the reader's language; the first
	 * also as {@code brokenLink}.
	 */
	@GetMapping("/cases/{id}/verification")
	Verification verifyHistory(@PathVariable long id, Actor actor, Locale locale) {
		List<Finding> findings = this.cases.verify(id, actor)
			.stream()
			.map(finding -> new Finding(finding.caseNumber(), finding.seq(), finding.kind(), finding.field(),
					finding.expected(), finding.found(),
					this.messages.getMessage(finding.messageKey(), finding.messageArguments(), locale)))
			.toList();
		return new Verification(findings.isEmpty(), findings.isEmpty() ? null : findings.get(0), findings);
	}

	record Verification(boolean intact, Finding brokenLink, List<Finding> findings) {
	}

	record Finding(String caseNumber, Integer seq, HistoryFinding.Kind kind, String field, String expected,
			String found, String reason) {
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> downloadAttachment(@PathVariable long id, @PathVariable long attachmentId, Actor actor) {
		return Downloads.of(this.cases.attachment(id, attachmentId, actor));
	}

	@Operation(summary = "The cases the caller may see, filtered",
			description = "Every parameter is optional and narrows the list; an unknown or malformed value is a 400 "
					+ "problem naming the parameter. The same parameters filter the page /cases.")
	@GetMapping("/cases")
	CaseQueries.Page listCases(
			@Parameter(description = "a state, e.g. IN_PROGRESS") @RequestParam(required = false) String state,
			@Parameter(description = "the id of a unit that leads or co-handles the case") @RequestParam(
					required = false) String unit,
			@Parameter(description = "the id of a category") @RequestParam(required = false) String category,
			@Parameter(description = "ENTERPRISE_REQUEST, LEADER_ASSIGNMENT or HELP_VISIT") @RequestParam(
					required = false) String kind,
			@Parameter(description = "VISIT, SELF_SERVICE, HOTLINE or LEADER") @RequestParam(
					required = false) String channel,
			@Parameter(
					description = "where an open case stands against its limit: GREEN (on time), YELLOW (due soon), RED (overdue)") @RequestParam(
							required = false) String time,
			@Parameter(description = "filed on or after this day, yyyy-MM-dd (China)") @RequestParam(
					required = false) String from,
			@Parameter(description = "filed on or before this day, yyyy-MM-dd (China)") @RequestParam(
					required = false) String to,
			@Parameter(
					description = "a region code: the cases of its subtree; one outside the caller's jurisdiction gives nothing") @RequestParam(
							required = false) String region,
			@Parameter(description = "any part of the number, the title or the enterprise's name") @RequestParam(
					required = false) String q,
			@Parameter(
					description = "UPDATED (default, most recently moved first), FILED (newest first) or URGENCY (nearest limit first)") @RequestParam(
							required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, MAX_PAGE_SIZE);
		CaseFilter filter = this.params.filter(
				new CaseListParams.Raw(state, unit, category, kind, channel, time, from, to, region, q, sort), actor);
		return this.queries.search(actor, filter, paging.page(), paging.size());
	}

	@Operation(summary = "What waits for the caller, with the count of each tab",
			description = "Reading the queue records that the caller looked at it: the cases that moved after his "
					+ "previous visit (looks less than 30 minutes apart make one visit) are marked new.")
	@GetMapping("/queue")
	QueueAnswer showQueue(@Parameter(
			description = "ALL (default), NEW (moved since the previous visit), DUE_SOON (yellow), OVERDUE (red), WAITING (the caller's cases waiting on others)") @RequestParam(
					required = false) String tab,
			@Parameter(description = "only cases of this kind") @RequestParam(required = false) String kind,
			@Parameter(
					description = "URGENCY (default, nearest limit first) or NEWEST (most recently moved first)") @RequestParam(
							required = false) String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, MAX_PAGE_SIZE);
		CaseQueries.QueueView view = new CaseQueries.QueueView(this.params.tab(tab), this.params.kind(kind),
				this.params.order(sort), this.looks.look(actor));
		CaseQueries.QueuePage queue = this.queries.queue(actor, view, paging.page(), paging.size());
		return new QueueAnswer(
				queue.items().stream().map(line -> new QueueItem(line, queue.fresh().contains(line.id()))).toList(),
				queue.page(), queue.size(), queue.hasNext(), this.queries.queueCounts(actor, view.since()),
				view.since());
	}

	/**
	 * A page of the queue: its cases, each marked whether it is new to the caller; the
	 * count of every tab; and since when a case counts as new (null: the caller never
	 * looked before, everything is new).
	 */
	record QueueAnswer(List<QueueItem> items, int page, int size, boolean hasNext, CaseQueries.QueueCounts counts,
			Instant newSince) {
	}

	/** A case of the queue: its line, and {@code new}. */
	record QueueItem(@JsonUnwrapped CaseQueries.CaseLine line, @JsonProperty("new") boolean arrived) {
	}

	private static CaseAction action(String slug) {
		try {
			CaseAction action = CaseAction.fromSlug(slug);
			if (action == CaseAction.SUBMIT || action == CaseAction.REOPEN) {
				throw new IllegalArgumentException();
			}
			return action;
		}
		catch (IllegalArgumentException ex) {
			throw new NotFound(Text.of("error.record.notFound", Text.of("record.step"), slug));
		}
	}

	private ResponseEntity<CaseView> created(Case kase, Actor actor) {
		return ResponseEntity.created(URI.create("/api/v1/cases/" + kase.getId()))
			.eTag(Versions.etag(kase.getVersion()))
			.body(view(kase, actor));
	}

	private ResponseEntity<CaseView> current(Case kase, Actor actor) {
		return ResponseEntity.ok().eTag(Versions.etag(kase.getVersion())).body(view(kase, actor));
	}

	private CaseView view(Case kase, Actor actor) {
		return CaseView.of(kase, this.times.of(kase), this.cases.allowedActions(kase, actor), actor);
	}

}
