package org.qiqing.organisation.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; Spring Security processes the form.
 */
@Controller
class LoginController {

	static final String VIEW = "login";

	@GetMapping("/login")
	String showLogin() {
		return VIEW;
	}

}
