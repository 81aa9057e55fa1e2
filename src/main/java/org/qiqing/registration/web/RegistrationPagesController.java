package org.qiqing.registration.web;

import jakarta.servlet.http.HttpServletRequest;

import org.qiqing.organisation.Actor;
import org.qiqing.registration.ContactReveals;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;
import org.qiqing.registration.NewRegistration;
import org.qiqing.registration.RegistrationDesk;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public registration form and status page, and the list on which the service centre
 * (or the enterprise's manager) verifies or refuses registrations.
 */
@Controller
class RegistrationPagesController {

	static final String FORM = "registration/form";

	static final String STATUS = "registration/status";

	static final String LIST = "registration/list";

	private final RegistrationDesk desk;

	private final ContactReveals reveals;

	private final MessageSource messages;

	RegistrationPagesController(RegistrationDesk desk, ContactReveals reveals, MessageSource messages) {
		this.desk = desk;
		this.reveals = reveals;
		this.messages = messages;
	}

	@GetMapping("/register")
	String initRegistrationForm() {
		return FORM;
	}

	@PostMapping("/register")
	String processRegistrationForm(@RequestParam(required = false) String creditCode,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String email, @RequestParam(required = false) String username,
			@RequestParam(required = false) String password, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		try {
			RegistrationDesk.Receipt receipt = this.desk.register(
					new NewRegistration(creditCode, displayName, phone, email, username, password),
					request.getRemoteAddr());
			redirect.addFlashAttribute("message", text("registration.filed"));
			return "redirect:" + receipt.statusPath();
		}
		catch (InvalidInput | ResponseStatusException | DataIntegrityViolationException ex) {
			model.addAttribute("problem",
					ex instanceof InvalidInput ? ex.getMessage() : ex instanceof ResponseStatusException
							? text("registration.throttled") : text("registration.conflict"));
			model.addAttribute("creditCode", creditCode);
			model.addAttribute("displayName", displayName);
			model.addAttribute("phone", phone);
			model.addAttribute("email", email);
			model.addAttribute("username", username);
			return FORM;
		}
	}

	@GetMapping("/register/status/{code}")
	String showStatus(@PathVariable String code, Model model) {
		model.addAttribute("registration",
				this.desk.status(code).orElseThrow(() -> new NotFound(Text.of("error.registration.unknownCode"))));
		return STATUS;
	}

	@GetMapping("/registrations")
	String showRegistrations(Actor actor, Model model) {
		model.addAttribute("registrations", this.desk.pending(actor).stream().map(r -> r.shownTo(actor)).toList());
		return LIST;
	}

	/** The registrant's phone and e-mail address in full, in place (htmx); audited. */
	@GetMapping("/registrations/{id}/contact")
	String revealContact(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("revealed", this.reveals.registration(id, actor));
		return "reveal :: revealed";
	}

	@PostMapping("/registrations/{id}/verify")
	String verify(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return decide(redirect, () -> this.desk.verify(id, version, actor), "registration.verified");
	}

	@PostMapping("/registrations/{id}/refuse")
	String refuse(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			Actor actor, RedirectAttributes redirect) {
		return decide(redirect, () -> this.desk.refuse(id, version, reason, actor), "registration.refused");
	}

	private String decide(RedirectAttributes redirect, Runnable decision, String done) {
		try {
			decision.run();
			redirect.addFlashAttribute("message", text(done));
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (StaleVersion | DataIntegrityViolationException ex) {
			redirect.addFlashAttribute("problem", text("error.stale"));
		}
		return "redirect:/registrations";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
