package org.qiqing.visit.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.InvalidInput;
import org.qiqing.visit.NewVisit;
import org.qiqing.visit.RecordedVisit;
import org.qiqing.visit.VisitManagement;
import org.qiqing.visit.VisitImport;
import org.qiqing.visit.VisitPhotos;
import org.qiqing.visit.VisitQueries;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Visits over HTTP, for two callers: integrations under {@code /api/v1/visits} with an
 * API token, and the visit page's own device queue under {@code /visits/device} with the
 * login session (see docs/ARCHITECTURE.md, "Offline visits"). Both send the same visit
 * and get the same answer: 201 with the stored visit the first time, 200 with the very
 * same body for every repeat of its client key.
 */
@RestController
class VisitApiController {

	/** The most visits the device sends in one request (it sends fewer, see visit.js). */
	static final int MAX_BATCH = 20;

	private final VisitManagement visits;

	private final VisitQueries queries;

	private final VisitPhotos photos;

	private final VisitImport visitImport;

	VisitApiController(VisitManagement visits, VisitQueries queries, VisitPhotos photos, VisitImport visitImport) {
		this.visitImport = visitImport;
		this.visits = visits;
		this.queries = queries;
		this.photos = photos;
	}

	@PostMapping(path = "/api/v1/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RecordedVisit> recordVisit(@RequestBody NewVisit visit, Actor actor) {
		return answer(this.visits.record(visit, List.of(), actor));
	}

	@PostMapping(path = { "/api/v1/visits", "/visits/device/sync" }, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<RecordedVisit> recordVisitWithPhotos(@RequestPart("visit") NewVisit visit,
			@RequestPart(name = "photos", required = false) List<MultipartFile> files, Actor actor) {
		return answer(this.visits.record(visit, this.photos.check(files), actor));
	}

	/**
	 * Several queued visits in one request, as the device sends its queue: a part
	 * {@code visits} with their JSON array and the photos of the visit at position
	 * {@code i} as parts {@code photos.i}. The request pays its session, CSRF check and
	 * multipart parsing once, but each visit is still recorded on its own (its own
	 * transaction, its own client key) and answered on its own, in order: a refused visit
	 * does not hold up the others.
	 */
	@PostMapping(path = "/visits/device/sync-batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<DeviceSyncResult> recordVisitsFromDevice(@RequestPart("visits") List<NewVisit> visits,
			MultipartHttpServletRequest request, Actor actor) {
		if (visits.size() > MAX_BATCH || visits.contains(null)) {
			throw new InvalidInput("visits", Text.of("error.visit.batch", MAX_BATCH));
		}
		List<DeviceSyncResult> results = new ArrayList<>(visits.size());
		for (int i = 0; i < visits.size(); i++) {
			NewVisit visit = visits.get(i);
			List<MultipartFile> files = request.getFiles("photos." + i);
			results.add(DeviceSyncResult.of(visit, () -> this.visits.record(visit, this.photos.check(files), actor)));
		}
		return results;
	}

	/**
	 * Visits made before the platform, from a CSV or XLSX table (see
	 * docs/administration.md); with {@code Accept: text/csv}, every refused row as CSV.
	 */
	@PostMapping(path = "/api/v1/visits/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importVisits(@RequestPart("file") MultipartFile file, Actor actor) {
		return this.visitImport.run(file, actor, null);
	}

	@PostMapping(path = "/api/v1/visits/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "text/csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
	void importVisitsListingEveryRefusal(@RequestPart("file") MultipartFile file, Actor actor,
			HttpServletResponse response) throws IOException {
		ImportReport.answerAsCsv(response, everyRefusal -> this.visitImport.run(file, actor, everyRefusal));
	}

	@GetMapping("/api/v1/visits")
	VisitQueries.Page listVisits(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 100);
		return this.queries.history(actor, paging.page(), paging.size());
	}

	/**
	 * What the device asks before it sends its queue: who is logged in (a queue recorded
	 * by someone else waits for him) and a fresh CSRF token, since the token in a page
	 * served from the device's cache may be stale. Without a session the answer is 401,
	 * and the page asks the official to log in again; his queue stays on the device.
	 */
	@GetMapping("/visits/device/session")
	Map<String, Object> showSession(Actor actor, CsrfToken csrf) {
		return Map.of("user", actor.username(), "displayName", actor.displayName(), "visitor",
				VisitManagement.visits(actor), "csrfHeader", csrf.getHeaderName(), "csrfToken", csrf.getToken());
	}

	/** Enterprises to pick, for the page and for the device's offline copy. */
	@GetMapping("/visits/device/enterprises")
	List<VisitQueries.EnterpriseChoice> listEnterprises(@RequestParam(defaultValue = "") String q, Actor actor) {
		return this.queries.choices(actor, q, 20);
	}

	private static ResponseEntity<RecordedVisit> answer(VisitManagement.Recorded recorded) {
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.visit());
	}

}
