package org.qiqing.organisation.web;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.internal.ApiTokens;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a person issues API tokens for his integrations, sees them and revokes them. A
 * new token is shown once, in the answer to the form that issued it: never through the
 * session (a redirect's flash attributes live in the session, which {@code prod} keeps in
 * the database), and the answer is not cached.
 */
@Controller
class TokenPagesController {

	static final String VIEW = "tokens";

	private final ApiTokens tokens;

	TokenPagesController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/tokens")
	String showTokens(Actor actor, Model model) {
		model.addAttribute("tokens", this.tokens.of(actor.personId()));
		return VIEW;
	}

	@PostMapping("/tokens")
	String issueToken(@RequestParam(defaultValue = "") String name, Actor actor, Model model,
			HttpServletResponse response) {
		String label = name.trim();
		if (label.isEmpty() || label.length() > 100) {
			throw new InvalidInput("name", Text.of("error.token.name"));
		}
		model.addAttribute("issued", this.tokens.issue(actor.personId(), label));
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		return showTokens(actor, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, Actor actor) {
		if (!this.tokens.revoke(actor.personId(), id)) {
			throw new NotFound(Text.of("error.record.notFound", Text.of("record.token"), id));
		}
		return "redirect:/tokens";
	}

}
