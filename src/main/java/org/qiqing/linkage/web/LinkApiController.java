package org.qiqing.linkage.web;

import java.net.URI;
import java.time.LocalDate;

import org.qiqing.linkage.BulkAssignment;
import org.qiqing.linkage.Link;
import org.qiqing.linkage.LinkManagement;
import org.qiqing.linkage.LinkManagement.LinkRequest;
import org.qiqing.linkage.LinkManagement.LinkTerms;
import org.qiqing.linkage.LinkQueries;
import org.qiqing.linkage.LinkQueries.LinkFilter;
import org.qiqing.linkage.LinkQueries.LinkLine;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Versions;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Links (挂联): officials see their own, overseers those of their jurisdiction; its
 * administrators, leaders and dispatchers make, change, end and bulk-assign them.
 */
@RestController
@RequestMapping("/api/v1/links")
class LinkApiController {

	private final LinkQueries queries;

	private final LinkManagement management;

	private final BulkAssignment bulk;

	LinkApiController(LinkQueries queries, LinkManagement management, BulkAssignment bulk) {
		this.queries = queries;
		this.management = management;
		this.bulk = bulk;
	}

	@GetMapping
	LinkQueries.Page<LinkLine> listLinks(@RequestParam(required = false) Long personId,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) Long enterpriseId,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeOn,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 500);
		return this.queries.links(actor, new LinkFilter(personId, groupId, enterpriseId, region, q, activeOn),
				paging.page(), paging.size());
	}

	@GetMapping("/{id}")
	ResponseEntity<LinkLine> showLink(@PathVariable long id, Actor actor) {
		return current(id, actor);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LinkLine> createLink(@RequestBody LinkRequest request, Actor actor) {
		Link link = this.management.link(request, actor);
		LinkLine line = this.queries.findVisible(link.getId(), actor).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/links/" + link.getId()))
			.eTag(Versions.etag(line.version()))
			.body(line);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LinkLine> changeLink(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody LinkTerms terms,
			Actor actor) {
		this.management.reschedule(id, Versions.fromIfMatch(ifMatch), terms, actor);
		return current(id, actor);
	}

	/**
	 * The day it ends on, {@code {"endsOn": "2026-12-31"}}; today when the body names
	 * none.
	 */
	record Ending(LocalDate endsOn) {
	}

	@PostMapping(path = "/{id}/end")
	ResponseEntity<LinkLine> endLink(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody(required = false) Ending ending, Actor actor) {
		this.management.end(id, Versions.fromIfMatch(ifMatch), ending == null ? null : ending.endsOn(), actor);
		return current(id, actor);
	}

	/**
	 * Links many enterprises at once: {@code creditCodes} (one a line) or a
	 * {@code filter}; the holder and terms as for one link.
	 */
	record Bulk(Long personId, String username, Long groupId, String frequency, LocalDate startsOn, LocalDate endsOn,
			String creditCodes, BulkAssignment.Filter filter) {

		BulkAssignment.Terms terms() {
			return new BulkAssignment.Terms(this.personId, this.username, this.groupId, this.frequency, this.startsOn,
					this.endsOn);
		}

	}

	@PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
	ImportReport bulkLink(@RequestBody Bulk request, Actor actor) {
		return request.filter() != null ? this.bulk.fromFilter(request.terms(), request.filter(), actor)
				: this.bulk.fromCodes(request.terms(), request.creditCodes(), actor);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importLinks(@RequestPart("file") MultipartFile file, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String username, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String frequency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			Actor actor) {
		return this.bulk.fromFile(new BulkAssignment.Terms(personId, username, groupId, frequency, startsOn, endsOn),
				file, actor);
	}

	private ResponseEntity<LinkLine> current(long id, Actor actor) {
		LinkLine line = this.queries.findVisible(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.link"), id)));
		return ResponseEntity.ok().eTag(Versions.etag(line.version())).body(line);
	}

}
