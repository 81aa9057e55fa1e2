package org.qiqing.organisation.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.internal.SecondFactors;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a person sets up his second factor (两步验证): the secret as text, as an
 * {@code otpauth://} link and as a QR code for his authenticator app, confirmed with a
 * first code; the 10 recovery codes are shown once, in the answer to that confirmation.
 */
@Controller
class SecondFactorController {

	static final String VIEW = "second-factor";

	private final SecondFactors secondFactors;

	SecondFactorController(SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
	}

	@GetMapping("/account/second-factor")
	String showEnrolment(Actor actor, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		this.secondFactors.start(actor).ifPresent(enrolment -> {
			model.addAttribute("enrolment", enrolment);
			model.addAttribute("qr", QrCode.svg(enrolment.uri()));
		});
		model.addAttribute("enrolled", this.secondFactors.enrolled(actor.personId()));
		return VIEW;
	}

	@PostMapping("/account/second-factor")
	String confirm(@RequestParam(defaultValue = "") String code, Actor actor, Model model,
			HttpServletResponse response) {
		Optional<List<String>> recovery = this.secondFactors.confirm(actor.personId(), code);
		if (recovery.isEmpty()) {
			model.addAttribute("wrongCode", true);
			return showEnrolment(actor, model, response);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("recoveryCodes", recovery.get());
		model.addAttribute("enrolled", true);
		return VIEW;
	}

}
