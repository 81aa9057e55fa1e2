package org.qiqing.audit.web;

import java.time.LocalDate;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditQueries;
import org.qiqing.organisation.Actor;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 审计日志: the audit log, filtered as the API filters it, 50 entries a page.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'INSPECTOR')")
class AuditPagesController {

	static final String VIEW = "admin/audit";

	private static final int PAGE_SIZE = 50;

	private final AuditQueries queries;

	AuditPagesController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/admin/audit")
	String showAudit(@RequestParam(required = false) String person, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		model.addAttribute("page", this.queries.entries(actor, new AuditQueries.Filter(person, action, from, to),
				Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("person", person);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("link",
				UriComponentsBuilder.fromPath("/admin/audit")
					.queryParamIfPresent("person", java.util.Optional.ofNullable(person).filter(p -> !p.isBlank()))
					.queryParamIfPresent("action", java.util.Optional.ofNullable(action))
					.queryParamIfPresent("from", java.util.Optional.ofNullable(from))
					.queryParamIfPresent("to", java.util.Optional.ofNullable(to))
					.encode()
					.toUriString());
		return VIEW;
	}

}
