package org.qiqing.casework.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.qiqing.casework.CategoryGuide;
import org.qiqing.casework.CategoryManagement;
import org.qiqing.casework.GuideChange;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
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
 * The administrators' page of categories, with a form per category for its guide and
 * limits, and the guide the filing form shows when a category is chosen.
 */
@Controller
class CategoryPagesController {

	static final String CATEGORIES = "admin/categories";

	static final String GUIDE = "cases/guide :: guide";

	static final String NO_GUIDE = "cases/guide :: none";

	private final CategoryManagement categories;

	private final Units units;

	CategoryPagesController(CategoryManagement categories, Units units) {
		this.categories = categories;
		this.units = units;
	}

	@GetMapping("/admin/categories")
	@PreAuthorize("hasRole('ADMIN')")
	String showCategories(Actor actor, Model model) {
		Map<Long, String> unitNames = this.units.findAll()
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName, (a, b) -> a));
		model.addAttribute("categories", this.categories.all());
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

	/** What an administrator typed in a form that was refused. */
	record Draft(long id, String needs, String documents, String process, String note, Integer acceptHours,
			Integer contactHours, Integer stageReplyDays, Integer resolveDays) implements java.io.Serializable {
	}

	/** The guide under the category the person has chosen on the filing form. */
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
