package org.qiqing.casework.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.qiqing.casework.AttachmentPolicy;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseHistory;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTimes;
import org.qiqing.casework.HistoryFinding;
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

	CaseApiController(CaseManagement cases, CaseQueries queries, CaseTimes times, AttachmentPolicy attachments,
			MessageSource messages) {
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

	@GetMapping("/cases")
	CaseQueries.Page listCases(@RequestParam(required = false) CaseState state,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, MAX_PAGE_SIZE);
		return this.queries.search(actor, state, q, paging.page(), paging.size());
	}

	@GetMapping("/queue")
	CaseQueries.Page showQueue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Actor actor) {
		Paging paging = Paging.of(page, size, MAX_PAGE_SIZE);
		return this.queries.queue(actor, paging.page(), paging.size());
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
