package org.qiqing.profile.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.qiqing.organisation.Actor;
import org.qiqing.profile.EnterpriseProfile;
import org.qiqing.profile.EnterpriseProfiles;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise's profile for integrations (a leader's dashboard, a visit app).
 */
@RestController
@Validated
class ProfileApiController {

	private final EnterpriseProfiles profiles;

	ProfileApiController(EnterpriseProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/v1/enterprises/{id}/profile")
	EnterpriseProfile showProfile(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Actor actor) {
		return this.profiles.of(id, actor, page, size);
	}

}
