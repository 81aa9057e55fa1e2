package org.qiqing.discipline.web;

import java.util.Comparator;
import java.util.List;

import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.Disclosures;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 公示: the public page of the units whose self-examination list and rectification progress
 * are published (no login, a phone's width), and the inspector's page that previews a
 * unit's list exactly as the public will read it and publishes or withdraws it; the same
 * two acts on the API.
 */
@Controller
class DisclosureController {

	static final String PUBLISHED = "disclosure/index";

	static final String UNIT = "disclosure/unit";

	static final String MANAGE = "disclosure/manage";

	private final Disclosures disclosures;

	private final DisciplineQueries queries;

	private final Units units;

	private final Regions regions;

	DisclosureController(Disclosures disclosures, DisciplineQueries queries, Units units, Regions regions) {
		this.disclosures = disclosures;
		this.queries = queries;
		this.units = units;
		this.regions = regions;
	}

	/** The published units: for anyone. */
	@GetMapping("/disclosure")
	String showPublished(Model model) {
		model.addAttribute("units", this.disclosures.published());
		return PUBLISHED;
	}

	/** A published unit's list: for anyone. */
	@GetMapping("/disclosure/units/{id}")
	String showUnit(@PathVariable("id") long unitId, Model model) {
		model.addAttribute("page", this.disclosures.publicPage(unitId));
		model.addAttribute("kindNames", kindNames());
		model.addAttribute("preview", false);
		return UNIT;
	}

	/**
	 * The inspector's page: the units of his jurisdiction to choose from, the published
	 * ones, and the chosen unit's list as the public page shows it, with publish or
	 * withdraw.
	 */
	@GetMapping("/discipline/disclosures")
	String showManage(@RequestParam(required = false) Long unit, Actor actor, Model model) {
		if (!actor.has(Role.INSPECTOR)) {
			throw new org.springframework.security.access.AccessDeniedException("inspectors only");
		}
		List<Unit> units = unitsOf(actor);
		java.util.Set<Long> own = units.stream().map(Unit::getId).collect(java.util.stream.Collectors.toSet());
		model.addAttribute("units", units);
		model.addAttribute("published",
				this.disclosures.published().stream().filter(p -> own.contains(p.unitId())).toList());
		model.addAttribute("unit", unit);
		if (unit != null) {
			model.addAttribute("page", this.disclosures.preview(unit, actor));
			model.addAttribute("kindNames", kindNames());
			model.addAttribute("preview", true);
		}
		return MANAGE;
	}

	@PostMapping("/discipline/disclosures/{id}/publish")
	String processPublish(@PathVariable("id") long unitId, Actor actor, RedirectAttributes flash) {
		this.disclosures.publish(unitId, actor);
		flash.addFlashAttribute("disclosureDone", "disclosure.published");
		return "redirect:/discipline/disclosures?unit=" + unitId;
	}

	@PostMapping("/discipline/disclosures/{id}/withdraw")
	String processWithdraw(@PathVariable("id") long unitId, Actor actor, RedirectAttributes flash) {
		this.disclosures.withdraw(unitId, actor);
		flash.addFlashAttribute("disclosureDone", "disclosure.withdrawn");
		return "redirect:/discipline/disclosures?unit=" + unitId;
	}

	/** The preview of a unit's public list: its inspectors. */
	@GetMapping("/api/v1/discipline/disclosures/{id}")
	@ResponseBody
	Disclosures.Page preview(@PathVariable("id") long unitId, Actor actor) {
		return this.disclosures.preview(unitId, actor);
	}

	/** Publishes a unit's list (公示). */
	@PostMapping("/api/v1/discipline/disclosures/{id}")
	@ResponseBody
	Disclosures.Page publish(@PathVariable("id") long unitId, Actor actor) {
		this.disclosures.publish(unitId, actor);
		return this.disclosures.preview(unitId, actor);
	}

	/** Withdraws a unit's list from the public page. */
	@DeleteMapping("/api/v1/discipline/disclosures/{id}")
	ResponseEntity<Void> withdraw(@PathVariable("id") long unitId, Actor actor) {
		this.disclosures.withdraw(unitId, actor);
		return ResponseEntity.noContent().build();
	}

	private List<Unit> unitsOf(Actor actor) {
		return this.units.findAll()
			.stream()
			.filter(Unit::isEnabled)
			.filter(unit -> this.regions.find(unit.getRegionCode())
				.map(Region::path)
				.map(actor::oversees)
				.orElse(false))
			.sorted(Comparator.comparing(Unit::getCode))
			.toList();
	}

	private java.util.Map<Long, String> kindNames() {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		this.queries.kinds().forEach(k -> names.put(k.id(), k.nameIn(locale)));
		return names;
	}

}
