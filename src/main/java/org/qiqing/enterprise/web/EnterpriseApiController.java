package org.qiqing.enterprise.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseDetails;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.enterprise.EnterpriseImport;
import org.qiqing.enterprise.EnterpriseManagement;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Versions;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The enterprise registry: everyone finds the enterprises he may see; administrators and
 * dispatchers register, change and import those of their jurisdiction.
 */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

	private final EnterpriseDirectory directory;

	private final EnterpriseManagement management;

	private final EnterpriseImport enterpriseImport;

	EnterpriseApiController(EnterpriseDirectory directory, EnterpriseManagement management,
			EnterpriseImport enterpriseImport) {
		this.directory = directory;
		this.management = management;
		this.enterpriseImport = enterpriseImport;
	}

	@GetMapping
	EnterpriseDirectory.Page listEnterprises(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 100);
		return this.directory.search(actor, q, paging.page(), paging.size());
	}

	@GetMapping("/{id}")
	ResponseEntity<EnterpriseView> showEnterprise(@PathVariable long id, Actor actor) {
		return current(this.directory.findVisible(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.enterprise"), id))),
				actor);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EnterpriseView> registerEnterprise(@RequestBody EnterpriseDetails details, Actor actor) {
		Enterprise enterprise = this.management.register(details, actor);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + enterprise.getId()))
			.eTag(Versions.etag(enterprise.getVersion()))
			.body(EnterpriseView.of(enterprise, actor));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EnterpriseView> updateEnterprise(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody EnterpriseDetails details, Actor actor) {
		return current(this.management.update(id, Versions.fromIfMatch(ifMatch), details, actor), actor);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
	ImportReport importEnterprises(@RequestPart("file") MultipartFile file, Actor actor) {
		return this.enterpriseImport.run(file, actor, null);
	}

	/** The same import, answering every refused row as CSV however many there are. */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "text/csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
	void importEnterprisesListingEveryRefusal(@RequestPart("file") MultipartFile file, Actor actor,
			HttpServletResponse response) throws IOException {
		ImportReport.answerAsCsv(response, everyRefusal -> this.enterpriseImport.run(file, actor, everyRefusal));
	}

	/**
	 * The contact's name, phone and e-mail address in full (recorded in the audit log),
	 * for those who see them masked.
	 */
	@GetMapping("/{id}/contact")
	PersonalData.Revealed revealContact(@PathVariable long id, Actor actor) {
		return this.directory.revealContact(id, actor);
	}

	private static ResponseEntity<EnterpriseView> current(Enterprise enterprise, Actor viewer) {
		return ResponseEntity.ok()
			.eTag(Versions.etag(enterprise.getVersion()))
			.body(EnterpriseView.of(enterprise, viewer));
	}

}
