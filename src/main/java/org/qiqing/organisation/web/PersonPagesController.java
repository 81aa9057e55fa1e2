package org.qiqing.organisation.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.PersonDetails;
import org.qiqing.organisation.PersonManagement;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.StaleVersion;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator creates, edits, disables and restores the officials of his
 * jurisdiction on pages, and resets a password: the one-time password is shown once, in
 * the answer to the form (never in a redirect's flash, which the session would keep).
 * Every change goes through {@link PersonManagement}, whose guard keeps him within his
 * jurisdiction; an edit names the version it was read at.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PersonPagesController {

	static final String FORM = "admin/person";

	/** The roles an administrator gives officials (enterprise contacts register). */
	static final Set<Role> OFFICIAL_ROLES = EnumSet.complementOf(EnumSet.of(Role.ENTERPRISE));

	private final PersonManagement people;

	private final OrganisationQueries queries;

	PersonPagesController(PersonManagement people, OrganisationQueries queries) {
		this.people = people;
		this.queries = queries;
	}

	/** What was typed in the form, to show it again after a refusal. */
	record PersonForm(String username, String displayName, Long unitId, String jurisdictionCode, Set<Role> roles,
			String phone, String email) {

		PersonForm {
			roles = roles == null ? Set.of() : Set.copyOf(roles);
		}

		static PersonForm of(Person person) {
			return new PersonForm(person.getUsername(), person.getDisplayName(), person.getUnitId(),
					person.getJurisdictionCode(), person.getRoles(), person.getPhone(), person.getEmail());
		}

		PersonDetails details(String username) {
			return new PersonDetails(username, this.displayName, null, this.unitId, blankToNull(this.jurisdictionCode),
					this.roles, blankToNull(this.phone), blankToNull(this.email), null);
		}

	}

	@GetMapping("/admin/people/new")
	String initCreationForm(Actor actor, Model model) {
		return form(new PersonForm(null, null, null, null, Set.of(), null, null), null, Map.of(), actor, model);
	}

	@PostMapping("/admin/people")
	String processCreationForm(@RequestParam(required = false) String username,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) Set<Role> roles,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String email, Actor actor,
			Model model, HttpServletResponse response) {
		PersonForm form = new PersonForm(username, displayName, unitId, jurisdictionCode, roles, phone, email);
		try {
			PersonManagement.Reset created = this.people.createWithOneTimePassword(form.details(username), actor);
			return shown(created, "adm.person.created", actor, model, response);
		}
		catch (InvalidInput ex) {
			return form(form, null, ex.errors(), actor, model);
		}
	}

	@GetMapping("/admin/people/{id}")
	String initUpdateForm(@PathVariable long id, Actor actor, Model model) {
		Person person = this.people.find(id, actor);
		return form(PersonForm.of(person), person, Map.of(), actor, model);
	}

	@PostMapping("/admin/people/{id}")
	String processUpdateForm(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) Set<Role> roles,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String email, Actor actor,
			Model model, RedirectAttributes redirect) {
		Person person = this.people.find(id, actor);
		PersonForm form = new PersonForm(person.getUsername(), displayName, unitId, jurisdictionCode, roles, phone,
				email);
		return AdminForms.saveEdit(() -> this.people.update(id, version, form.details(null), actor),
				"/admin/people/" + id, errors -> form(form, person, errors, actor, model),
				() -> form(PersonForm.of(person), person, Map.of(), actor, model), model, redirect);
	}

	@PostMapping("/admin/people/{id}/disable")
	String disable(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return enable(id, version, false, actor, redirect);
	}

	@PostMapping("/admin/people/{id}/restore")
	String restore(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return enable(id, version, true, actor, redirect);
	}

	private String enable(long id, int version, boolean enabled, Actor actor, RedirectAttributes redirect) {
		return AdminForms.changeEnabled(() -> this.people.enable(id, version, enabled, actor), "/admin/people/" + id,
				redirect);
	}

	@PostMapping("/admin/people/{id}/password-reset")
	String resetPassword(@PathVariable long id, @RequestParam int version, Actor actor, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			return shown(this.people.resetPassword(id, version, actor), "adm.person.reset", actor, model, response);
		}
		catch (StaleVersion ex) {
			redirect.addFlashAttribute("stale", true);
			return "redirect:/admin/people/" + id;
		}
	}

	/** The person's page with his one-time password, shown this once and never cached. */
	private String shown(PersonManagement.Reset reset, String noticeKey, Actor actor, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("oneTimePassword", reset.oneTimePassword());
		model.addAttribute("oneTimeNotice", noticeKey);
		return form(PersonForm.of(reset.person()), reset.person(), Map.of(), actor, model);
	}

	private String form(PersonForm form, Person person, Map<String, String> errors, Actor actor, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("person", person);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", OFFICIAL_ROLES);
		// A disabled unit takes no one new; a person already in one keeps it on his form.
		model.addAttribute("units",
				AdminForms.units(this.queries, actor, OrganisationQueries.Status.ALL)
					.stream()
					.filter(unit -> unit.enabled() || java.util.Objects.equals(unit.id(), form.unitId()))
					.toList());
		model.addAttribute("regions", this.queries.regions(actor));
		return FORM;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
