package org.qiqing.organisation.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.StaleVersion;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the administrator's pages of a person and of a unit do alike: the units a form
 * offers, an edit read at a version and the disabling or restoring of a record, each
 * answered the same way (POST-redirect-GET with a flash, or the form again).
 */
final class AdminForms {

	/** The most units a form offers. */
	static final int UNIT_CHOICES = 500;

	private AdminForms() {
	}

	/** The units of the administrator's jurisdiction a form offers, by their status. */
	static List<OrganisationQueries.UnitLine> units(OrganisationQueries queries, Actor actor,
			OrganisationQueries.Status status) {
		return queries.units(actor, new OrganisationQueries.UnitFilter(null, null, null, status), 0, UNIT_CHOICES)
			.items();
	}

	/**
	 * Saves an edit read at a version: back to the record's page, saved. Refused input
	 * shows the form again with its errors; a stale version, the form of the record as it
	 * is now.
	 * @param page the record's page
	 * @param refused the form again, with these errors
	 * @param current the form of the record as it was read
	 */
	static String saveEdit(Runnable save, String page, Function<Map<String, String>, String> refused,
			Supplier<String> current, Model model, RedirectAttributes redirect) {
		try {
			save.run();
			redirect.addFlashAttribute("saved", true);
			return "redirect:" + page;
		}
		catch (InvalidInput ex) {
			return refused.apply(ex.errors());
		}
		catch (StaleVersion ex) {
			model.addAttribute("stale", true);
			return current.get();
		}
	}

	/**
	 * Disables or restores a record, back to its page with the outcome: saved, stale, or
	 * why it is refused.
	 */
	static String changeEnabled(Runnable change, String page, RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", true);
		}
		catch (StaleVersion ex) {
			redirect.addFlashAttribute("stale", true);
		}
		catch (NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:" + page;
	}

}
