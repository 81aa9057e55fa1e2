package org.qiqing.notification.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.qiqing.casework.NoticeTopic;
import org.qiqing.notification.Inbox;
import org.qiqing.notification.InboxStream;
import org.qiqing.notification.NotificationPreferences;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Languages;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page (收件箱), its live unread count for the badge of the top bar, and the page
 * where a person chooses what reaches him by e-mail.
 */
@Controller
class InboxController {

	static final String INBOX = "inbox/list";

	static final String PREFERENCES = "inbox/preferences";

	/**
	 * As every list of the application: a phone shows a page without endless scrolling.
	 */
	private static final int PAGE_SIZE = 20;

	private final Inbox inbox;

	private final InboxStream stream;

	private final NotificationPreferences preferences;

	private final Clock clock;

	private final Languages languages;

	InboxController(Inbox inbox, InboxStream stream, NotificationPreferences preferences, Clock clock,
			Languages languages) {
		this.languages = languages;
		this.inbox = inbox;
		this.stream = stream;
		this.preferences = preferences;
		this.clock = clock;
	}

	@GetMapping("/inbox")
	String showInbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread,
			Actor actor, Model model, Locale locale) {
		Inbox.Page shown = this.inbox.page(actor.personId(), unread, Math.max(page, 0), PAGE_SIZE, locale);
		model.addAttribute("page", shown);
		// the top bar's badge shows the same count: the layout does not count again
		model.addAttribute("inboxUnread", shown.unread());
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("topics", NoticeTopic.values());
		return INBOX;
	}

	@GetMapping(path = "/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter streamUnreadCount(Actor actor) {
		return this.stream.open(actor.personId());
	}

	@PostMapping("/inbox/{id}/read")
	String markRead(@PathVariable long id, Actor actor) {
		this.inbox.markRead(actor.personId(), id, this.clock.instant(), Locale.SIMPLIFIED_CHINESE);
		return "redirect:/inbox";
	}

	@PostMapping("/inbox/read-all")
	String markAllRead(@RequestParam(required = false) NoticeTopic topic, Actor actor) {
		this.inbox.markAllRead(actor.personId(), topic, this.clock.instant());
		return "redirect:/inbox";
	}

	@GetMapping("/inbox/preferences")
	String showPreferences(Actor actor, Model model) {
		model.addAttribute("choices", this.preferences.of(actor.personId()));
		model.addAttribute("delivery", this.preferences.delivery(actor.personId()));
		model.addAttribute("deliveries", NotificationPreferences.Delivery.values());
		model.addAttribute("language", this.languages.of(actor.personId()).getLanguage());
		return PREFERENCES;
	}

	@PostMapping("/inbox/preferences")
	String changePreferences(@RequestParam(required = false) List<NoticeTopic> email,
			@RequestParam(required = false) NotificationPreferences.Delivery delivery,
			@RequestParam(required = false) String language, Actor actor, RedirectAttributes redirect) {
		Set<NoticeTopic> emailed = EnumSet.noneOf(NoticeTopic.class);
		if (email != null) {
			emailed.addAll(email);
		}
		this.preferences.chooseEmail(actor.personId(), emailed);
		if (delivery != null) {
			this.preferences.chooseDelivery(actor.personId(), delivery);
		}
		if (language != null) {
			this.languages.choose(actor.personId(), Locale.forLanguageTag(language));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/inbox/preferences";
	}

}
