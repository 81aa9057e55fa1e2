package org.qiqing.organisation.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the page that asks for the second factor's code; Spring Security
 * processes both forms. The demonstration's password is shown only in the demonstration.
 */
@Controller
class LoginController {

	static final String VIEW = "login";

	static final String CODE_VIEW = "login-code";

	private final boolean demo;

	LoginController(@Value("${qiqing.demo.enabled:false}") boolean demo) {
		this.demo = demo;
	}

	@GetMapping("/login")
	String showLogin(Model model) {
		model.addAttribute("demo", this.demo);
		return VIEW;
	}

	@GetMapping("/login/totp")
	String showCodeForm() {
		return CODE_VIEW;
	}

}
