package org.qiqing.audit.web;

import java.time.LocalDate;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditQueries;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for administrators and inspectors, newest first: {@code person} (a
 * username), {@code action}, {@code from} and {@code to} (days, both included).
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'INSPECTOR')")
class AuditApiController {

	private final AuditQueries queries;

	AuditApiController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	AuditQueries.Page listEntries(@RequestParam(required = false) String person,
			@RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 100);
		return this.queries.entries(actor, new AuditQueries.Filter(person, action, from, to), paging.page(),
				paging.size());
	}

}
