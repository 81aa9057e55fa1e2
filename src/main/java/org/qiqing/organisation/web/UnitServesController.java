package org.qiqing.organisation.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitManagement;
import org.qiqing.platform.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page on which an administrator marks the regions a unit of his jurisdiction serves
 * besides its own place: a searchable checklist of the regions of his jurisdiction.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UnitServesController {

	static final String SERVES = "admin/unit-serves";

	private final UnitManagement units;

	private final Regions regions;

	private final MessageSource messages;

	UnitServesController(UnitManagement units, Regions regions, MessageSource messages) {
		this.units = units;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/admin/units/{id}/serves")
	String initServesForm(@PathVariable long id, Actor actor, Model model) {
		List<Region> served = this.units.servedRegions(id, actor);
		Unit unit = this.units.find(id);
		model.addAttribute("unit", unit);
		model.addAttribute("place", this.regions.find(unit.getRegionCode()).map(Region::name).orElse(null));
		if (!model.containsAttribute("chosen")) {
			model.addAttribute("chosen", served.stream().map(Region::code).collect(Collectors.toSet()));
		}
		// Villages are left out: a unit serves a city, a county or a town.
		model.addAttribute("regions",
				this.regions.within(actor.jurisdictionPattern())
					.stream()
					.filter(region -> region.level() != RegionLevel.VILLAGE)
					.toList());
		return SERVES;
	}

	@PostMapping("/admin/units/{id}/serves")
	String processServesForm(@PathVariable long id, @RequestParam(required = false) Set<String> regionCodes,
			Actor actor, Model model, RedirectAttributes redirect) {
		try {
			this.units.serve(id, regionCodes == null ? Set.of() : regionCodes, actor);
			redirect.addFlashAttribute("message", this.messages.getMessage("admin.serves.saved", null,
					"admin.serves.saved", LocaleContextHolder.getLocale()));
			return "redirect:/admin/units/" + id + "/serves";
		}
		catch (InvalidInput ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("chosen", regionCodes == null ? Set.of() : regionCodes);
			return initServesForm(id, actor, model);
		}
	}

}
