package org.qiqing.profile.web;

import org.qiqing.organisation.Actor;
import org.qiqing.profile.EnterpriseProfile;
import org.qiqing.profile.EnterpriseProfiles;
import org.qiqing.platform.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise's profile for integrations (a leader's dashboard, a visit app).
 */
@RestController
class ProfileApiController {

	private final EnterpriseProfiles profiles;

	ProfileApiController(EnterpriseProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/v1/enterprises/{id}/profile")
	EnterpriseProfile showProfile(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		Paging paging = Paging.of(page, size, 100);
		return this.profiles.of(id, actor, paging.page(), paging.size());
	}

}
