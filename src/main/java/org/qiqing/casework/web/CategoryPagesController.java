package org.qiqing.casework.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qiqing.casework.Categories;
import org.qiqing.casework.CategoryGuide;
import org.qiqing.casework.CategoryTree;
import org.qiqing.casework.GuidedCategory;
import org.qiqing.casework.CategoryManagement;
import org.qiqing.casework.GuideChange;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.RegionManagement;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.StaleVersion;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of categories: the tree, a form to add a category, and per
 * category its name, place and default unit, its retirement, its lead units in the
 * regions of one's jurisdiction, and its guide and limits; and the guide the filing form
 * shows when a category is chosen.
 */
@Controller
class CategoryPagesController {

	static final String CATEGORIES = "admin/categories";

	static final String GUIDE = "cases/guide :: guide";

	static final String NO_GUIDE = "cases/guide :: none";

	private final CategoryManagement categories;

	private final Units units;

	private final RegionManagement regions;

	CategoryPagesController(CategoryManagement categories, Units units, RegionManagement regions) {
		this.categories = categories;
		this.units = units;
		this.regions = regions;
	}

	@GetMapping("/admin/categories")
	@PreAuthorize("hasRole('ADMIN')")
	String showCategories(Actor actor, Model model) {
		List<Unit> allUnits = this.units.findAll();
		Map<Long, String> unitNames = allUnits.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName, (a, b) -> a));
		List<Region> regions = this.regions.within(actor);
		Map<String, String> regionNames = regions.stream()
			.collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
		List<GuidedCategory> all = this.categories.all();
		model.addAttribute("categories", all);
		model.addAttribute("tree", CategoryTree.of(all, GuidedCategory::id, GuidedCategory::parentId));
		// The lead units in the regions of his jurisdiction, by category.
		model.addAttribute("leadUnits",
				this.categories.leadUnits()
					.stream()
					.filter(lead -> regionNames.containsKey(lead.regionCode()))
					.collect(Collectors.groupingBy(Categories.LeadUnit::categoryId)));
		model.addAttribute("regions", regions);
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("units",
				allUnits.stream()
					.filter(Unit::isEnabled)
					.sorted(java.util.Comparator.comparing(Unit::getRegionCode).thenComparing(Unit::getCode))
					.toList());
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("editable", CategoryManagement.mayChange(actor));
		model.addAttribute("maxHours", CategoryManagement.MAX_HOURS);
		model.addAttribute("maxDays", CategoryManagement.MAX_RESOLVE_DAYS);
		model.addAttribute("maxLength", CategoryGuide.MAX_LENGTH);
		return CATEGORIES;
	}

	@PostMapping("/admin/categories/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String processGuideForm(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String needs, @RequestParam(required = false) String documents,
			@RequestParam(required = false) String process, @RequestParam(required = false) String note,
			@RequestParam(required = false) Integer acceptHours, @RequestParam(required = false) Integer contactHours,
			@RequestParam(required = false) Integer stageReplyDays, @RequestParam(required = false) Integer resolveDays,
			Actor actor, RedirectAttributes redirect) {
		try {
			this.categories.changeGuide(id, version, new GuideChange(CategoryGuide.of(needs, documents, process, note),
					acceptHours, contactHours, stageReplyDays, resolveDays), actor);
			redirect.addFlashAttribute("saved", id);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			// The form again with what was typed, so that nothing is lost.
			redirect.addFlashAttribute("draft", new Draft(id, needs, documents, process, note, acceptHours,
					contactHours, stageReplyDays, resolveDays));
		}
		catch (StaleVersion ex) {
			redirect.addFlashAttribute("stale", id);
		}
		return "redirect:/admin/categories#category-" + id;
	}

	@PostMapping("/admin/categories/new")
	@PreAuthorize("hasRole('ADMIN')")
	String processCreationForm(@RequestParam(required = false) String name,
			@RequestParam(required = false) String nameEn, @RequestParam(required = false) Long parentId,
			@RequestParam(required = false) Long defaultUnitId, Actor actor, RedirectAttributes redirect) {
		try {
			GuidedCategory created = this.categories
				.create(new CategoryManagement.CategoryDetails(null, name, nameEn, parentId, defaultUnitId), actor);
			redirect.addFlashAttribute("saved", created.id());
			return "redirect:/admin/categories#category-" + created.id();
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("createProblem", ex.getMessage());
			redirect.addFlashAttribute("newName", name);
			redirect.addFlashAttribute("newNameEn", nameEn);
			redirect.addFlashAttribute("newParentId", parentId);
			return "redirect:/admin/categories#new-category";
		}
	}

	@PostMapping("/admin/categories/{id}/describe")
	@PreAuthorize("hasRole('ADMIN')")
	String processUpdateForm(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String name, @RequestParam(required = false) String nameEn,
			@RequestParam(required = false) Long parentId, @RequestParam(required = false) Long defaultUnitId,
			Actor actor, RedirectAttributes redirect) {
		return changed(id, redirect, () -> this.categories.update(id, version,
				new CategoryManagement.CategoryDetails(null, name, nameEn, parentId, defaultUnitId), actor));
	}

	@PostMapping("/admin/categories/{id}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	String retire(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return changed(id, redirect, () -> this.categories.retire(id, version, true, actor));
	}

	@PostMapping("/admin/categories/{id}/restore")
	@PreAuthorize("hasRole('ADMIN')")
	String restore(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return changed(id, redirect, () -> this.categories.retire(id, version, false, actor));
	}

	/** Names (or, with no unit, removes) the category's lead unit in a region. */
	@PostMapping("/admin/categories/{categoryId}/lead-units")
	@PreAuthorize("hasRole('ADMIN')")
	String processLeadUnitForm(@PathVariable long categoryId, @RequestParam String regionCode,
			@RequestParam(required = false) Long unitId, Actor actor, RedirectAttributes redirect) {
		return changed(categoryId, redirect, () -> this.categories.setLeadUnit(categoryId, regionCode, unitId, actor));
	}

	/** Does a change, and says on the page after the redirect how it went. */
	private static String changed(long id, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", id);
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("problemId", id);
		}
		catch (StaleVersion ex) {
			redirect.addFlashAttribute("stale", id);
		}
		return "redirect:/admin/categories#category-" + id;
	}

	/** What an administrator typed in a form that was refused. */
	record Draft(long id, String needs, String documents, String process, String note, Integer acceptHours,
			Integer contactHours, Integer stageReplyDays, Integer resolveDays) implements java.io.Serializable {
	}

	/**
	 * The guide under the category the person has chosen on the filing form; nothing when
	 * he chose none again.
	 */
	@GetMapping("/categories/guide")
	String showGuide(@RequestParam(required = false) Long categoryId, Model model) {
		if (categoryId == null) {
			return NO_GUIDE;
		}
		model.addAttribute("guided", this.categories.find(categoryId));
		return GUIDE;
	}

}
