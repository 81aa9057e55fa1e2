package org.qiqing.organisation.internal;

import org.qiqing.organisation.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the logged-in person as {@code me}, so the layout can show his name
 * and the links of his roles. Selected by package, not by annotation: Spring tests an
 * annotation filter with a reflective search on every request.
 */
@ControllerAdvice(basePackages = "org.qiqing")
class CurrentPerson {

	@ModelAttribute("me")
	Actor me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof ActorDetails details ? details.actor() : null;
	}

}
