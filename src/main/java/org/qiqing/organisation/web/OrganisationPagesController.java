package org.qiqing.organisation.web;

import java.util.function.Supplier;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.UnitKind;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.InvalidInput;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages of units and officials of his jurisdiction: lists to filter,
 * search and page, with names rather than codes, links to each one's form, and an import
 * form that shows what the import did.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OrganisationPagesController {

	static final String UNITS = "admin/units";

	static final String PEOPLE = "admin/people";

	private static final int PAGE_SIZE = 50;

	private final OrganisationQueries queries;

	private final UnitImport unitImport;

	private final PersonImport personImport;

	OrganisationPagesController(OrganisationQueries queries, UnitImport unitImport, PersonImport personImport) {
		this.queries = queries;
		this.unitImport = unitImport;
		this.personImport = personImport;
	}

	@GetMapping("/admin/units")
	String showUnits(@RequestParam(required = false) String q, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		OrganisationQueries.Status chosen = OrganisationQueries.Status.of(status);
		String regionCode = region == null || region.isBlank() ? null : region;
		model.addAttribute("page", this.queries.units(actor,
				new OrganisationQueries.UnitFilter(q, kind, regionCode, chosen), Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("region", regionCode);
		model.addAttribute("regions", this.queries.regions(actor));
		model.addAttribute("status", chosen);
		model.addAttribute("columns", String.join(", ", UnitImport.REQUIRED));
		model.addAttribute("optional", String.join(", ", UnitImport.OPTIONAL));
		return UNITS;
	}

	@PostMapping(path = "/admin/units/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importUnits(@RequestParam(required = false) MultipartFile file, Actor actor, RedirectAttributes redirect) {
		return imported(() -> this.unitImport.run(file, actor), redirect, "redirect:/admin/units");
	}

	@GetMapping("/admin/people")
	String showPeople(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Role role, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		OrganisationQueries.Status chosen = OrganisationQueries.Status.of(status);
		model.addAttribute("page", this.queries.people(actor,
				new OrganisationQueries.PersonFilter(q, unitId, role, chosen), Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("unitId", unitId);
		model.addAttribute("role", role);
		model.addAttribute("roles", PersonPagesController.OFFICIAL_ROLES);
		model.addAttribute("status", chosen);
		model.addAttribute("units",
				this.queries
					.units(actor, new OrganisationQueries.UnitFilter(null, null, null, OrganisationQueries.Status.ALL),
							0, 500)
					.items());
		model.addAttribute("columns", String.join(", ", PersonImport.REQUIRED));
		model.addAttribute("optional", String.join(", ", PersonImport.OPTIONAL));
		return PEOPLE;
	}

	@PostMapping(path = "/admin/people/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importPeople(@RequestParam(required = false) MultipartFile file, Actor actor, RedirectAttributes redirect) {
		return imported(() -> this.personImport.run(file, actor), redirect, "redirect:/admin/people");
	}

	/** Shows the report, or why the file was refused, on the page after the redirect. */
	private static String imported(Supplier<ImportReport> run, RedirectAttributes redirect, String target) {
		try {
			redirect.addFlashAttribute("report", run.get());
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return target;
	}

}
