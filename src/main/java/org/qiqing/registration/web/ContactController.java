package org.qiqing.registration.web;

import org.qiqing.organisation.Actor;
import org.qiqing.registration.ContactReveals;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;
import org.qiqing.registration.EnterpriseContacts;
import org.qiqing.registration.NewContact;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page on which an enterprise's managing contact manages its other contacts.
 */
@Controller
class ContactController {

	static final String VIEW = "registration/contacts";

	private final EnterpriseContacts contacts;

	private final ContactReveals reveals;

	private final MessageSource messages;

	ContactController(EnterpriseContacts contacts, ContactReveals reveals, MessageSource messages) {
		this.contacts = contacts;
		this.reveals = reveals;
		this.messages = messages;
	}

	/** A colleague's phone and e-mail address in full, in place (htmx); audited. */
	@GetMapping("/contacts/{id}/contact")
	String revealContact(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("revealed", this.reveals.contact(id, actor));
		return "reveal :: revealed";
	}

	@GetMapping("/contacts")
	String showContacts(Actor actor, Model model) {
		model.addAttribute("contacts", this.contacts.list(actor));
		return VIEW;
	}

	@PostMapping("/contacts")
	String addContact(@RequestParam(required = false) String displayName, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String email, @RequestParam(required = false) String username,
			@RequestParam(required = false) String password, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			this.contacts.add(new NewContact(displayName, phone, email, username, password), actor);
			redirect.addFlashAttribute("message", text("contacts.added"));
			return "redirect:/contacts";
		}
		catch (InvalidInput ex) {
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("displayName", displayName);
			model.addAttribute("phone", phone);
			model.addAttribute("email", email);
			model.addAttribute("username", username);
			return showContacts(actor, model);
		}
	}

	@PostMapping("/contacts/{id}/{change}")
	String changeContact(@PathVariable long id, @PathVariable String change, Actor actor, RedirectAttributes redirect) {
		try {
			switch (change) {
				case "disable" -> this.contacts.allowLogin(id, false, actor);
				case "enable" -> this.contacts.allowLogin(id, true, actor);
				case "hand-over" -> this.contacts.handOver(id, actor);
				default -> throw new NotFound(Text.of("error.record.notFound", Text.of("record.change"), change));
			}
			redirect.addFlashAttribute("message", text("contacts.changed"));
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/contacts";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
