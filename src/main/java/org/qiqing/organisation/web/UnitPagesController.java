package org.qiqing.organisation.web;

import java.util.List;
import java.util.Map;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitDetails;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.UnitManagement;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator creates, edits, disables and restores the units of his jurisdiction on
 * pages, through {@link UnitManagement} and its guard; an edit names the version it was
 * read at. A unit outside his jurisdiction is not found.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UnitPagesController {

	static final String FORM = "admin/unit";

	private final UnitManagement units;

	private final OrganisationQueries queries;

	UnitPagesController(UnitManagement units, OrganisationQueries queries) {
		this.units = units;
		this.queries = queries;
	}

	/** What was typed in the form, to show it again after a refusal. */
	record UnitForm(String code, String name, UnitKind kind, String regionCode, Long superiorId) {

		static UnitForm of(Unit unit) {
			return new UnitForm(unit.getCode(), unit.getName(), unit.getKind(), unit.getRegionCode(),
					unit.getSuperiorId());
		}

		UnitDetails details() {
			return new UnitDetails(this.code, this.name, this.kind, this.regionCode, this.superiorId);
		}

	}

	@GetMapping("/admin/units/new")
	String initCreationForm(Actor actor, Model model) {
		return form(new UnitForm(null, null, UnitKind.DEPARTMENT, null, null), null, Map.of(), actor, model);
	}

	@PostMapping("/admin/units")
	String processCreationForm(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) UnitKind kind, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Long superiorId, Actor actor, Model model, RedirectAttributes redirect) {
		UnitForm form = new UnitForm(code == null ? null : code.strip(), name, kind, regionCode, superiorId);
		try {
			Unit created = this.units.create(form.details(), actor);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/units/" + created.getId();
		}
		catch (InvalidInput ex) {
			return form(form, null, ex.errors(), actor, model);
		}
	}

	@GetMapping("/admin/units/{id}")
	String initUpdateForm(@PathVariable long id, Actor actor, Model model) {
		Unit unit = this.units.findOverseen(id, actor);
		return form(UnitForm.of(unit), unit, Map.of(), actor, model);
	}

	@PostMapping("/admin/units/{id}")
	String processUpdateForm(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String name, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Long superiorId,
			Actor actor, Model model, RedirectAttributes redirect) {
		Unit unit = this.units.findOverseen(id, actor);
		UnitForm form = new UnitForm(unit.getCode(), name, kind, regionCode, superiorId);
		return AdminForms.saveEdit(() -> this.units.update(id, version, form.details(), actor), "/admin/units/" + id,
				errors -> form(form, unit, errors, actor, model),
				() -> form(UnitForm.of(unit), unit, Map.of(), actor, model), model, redirect);
	}

	@PostMapping("/admin/units/{id}/disable")
	String disable(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return enable(id, version, false, actor, redirect);
	}

	@PostMapping("/admin/units/{id}/restore")
	String restore(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return enable(id, version, true, actor, redirect);
	}

	private String enable(long id, int version, boolean enabled, Actor actor, RedirectAttributes redirect) {
		this.units.findOverseen(id, actor);
		return AdminForms.changeEnabled(() -> this.units.enable(id, version, enabled, actor), "/admin/units/" + id,
				redirect);
	}

	/** A superior not among those offered, or null when it does not exist. */
	private Unit outside(long superiorId) {
		try {
			return this.units.find(superiorId);
		}
		catch (NotFound ex) {
			return null;
		}
	}

	private String form(UnitForm form, Unit unit, Map<String, String> errors, Actor actor, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("unit", unit);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("regions", this.queries.regions(actor));
		List<OrganisationQueries.UnitLine> superiors = AdminForms
			.units(this.queries, actor, OrganisationQueries.Status.ACTIVE)
			.stream()
			.filter(line -> unit == null || line.id() != unit.getId())
			.toList();
		model.addAttribute("superiors", superiors);
		// A superior above the jurisdiction (the city's centre) is kept, and shown by
		// name.
		Long superiorId = form.superiorId();
		boolean listed = superiorId == null || superiors.stream().anyMatch(line -> line.id() == superiorId);
		model.addAttribute("outsideSuperior", listed ? null : outside(superiorId));
		return FORM;
	}

}
