package org.qiqing.organisation.web;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.OwnPassword;
import org.qiqing.organisation.PasswordPolicy;
import org.qiqing.platform.InvalidInput;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a person changes his own password; after an administrator reset it, the only page
 * he may open until he has (the session guard sends him here).
 */
@Controller
class PasswordPagesController {

	static final String VIEW = "account/password";

	private final OwnPassword passwords;

	PasswordPagesController(OwnPassword passwords) {
		this.passwords = passwords;
	}

	@GetMapping("/account/password")
	String initPasswordForm(Actor actor, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("mustChange", this.passwords.mustChange(actor));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return VIEW;
	}

	@PostMapping("/account/password")
	String processPasswordForm(@RequestParam(required = false) String current,
			@RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
			Actor actor, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.passwords.change(actor, current, password, repeated);
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", ex.errors());
			return initPasswordForm(actor, model, response);
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/account/password";
	}

}
