package org.qiqing.notification.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.qiqing.casework.NoticeTopic;
import org.qiqing.notification.DeadLetters;
import org.qiqing.notification.NotificationPreferences.Delivery;
import org.qiqing.notification.RobotKind;
import org.qiqing.notification.Robots;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Languages;
import org.qiqing.organisation.OrganisationQueries;
import org.qiqing.platform.InvalidInput;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of notifications: the group robots of the units of his
 * jurisdiction, added, changed and removed with forms, and the dead letters with a replay
 * button each and one for all.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class NotificationAdminController {

	static final String PAGE = "admin/notifications";

	private static final String BACK = "redirect:/admin/notifications";

	private final Robots robots;

	private final DeadLetters deadLetters;

	private final OrganisationQueries organisation;

	NotificationAdminController(Robots robots, DeadLetters deadLetters, OrganisationQueries organisation) {
		this.robots = robots;
		this.deadLetters = deadLetters;
		this.organisation = organisation;
	}

	@GetMapping("/admin/notifications")
	String showNotifications(Actor actor, Model model) {
		model.addAttribute("robots", this.robots.list(actor));
		model.addAttribute("deadLetters", this.deadLetters.list(actor, 200));
		model.addAttribute("units", this.organisation.units(null)
			.stream()
			// A disabled unit is no longer offered (as on the assign form).
			.filter(unit -> unit.enabled() && actor.oversees(unit.regionPath()))
			.toList());
		model.addAttribute("kinds", RobotKind.values());
		model.addAttribute("topics", NoticeTopic.values());
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("languages", Languages.SUPPORTED);
		return PAGE;
	}

	@PostMapping("/admin/notifications/robots")
	String addRobot(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String name,
			@RequestParam(required = false) RobotKind kind, @RequestParam(required = false) String webhookUrl,
			@RequestParam(required = false) String secret, @RequestParam(required = false) List<NoticeTopic> topics,
			@RequestParam(required = false) Delivery delivery, @RequestParam(required = false) String language,
			Actor actor, RedirectAttributes redirect) {
		return done(() -> this.robots.create(new Robots.RobotDetails(unitId, name, kind, webhookUrl, secret, true,
				topics(topics), delivery, language), actor), redirect);
	}

	@PostMapping("/admin/notifications/robots/{id}")
	String changeRobot(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String name,
			@RequestParam(required = false) RobotKind kind, @RequestParam(required = false) String webhookUrl,
			@RequestParam(required = false) String secret, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) List<NoticeTopic> topics, @RequestParam(required = false) Delivery delivery,
			@RequestParam(required = false) String language, Actor actor, RedirectAttributes redirect) {
		// An empty secret field keeps the secret; the page has no way to show it.
		String newSecret = secret == null || secret.isBlank() ? null : secret;
		return done(() -> this.robots.update(id, version, new Robots.RobotDetails(null, name, kind, webhookUrl,
				newSecret, enabled, topics(topics), delivery, language), actor), redirect);
	}

	@PostMapping("/admin/notifications/robots/{id}/delete")
	String removeRobot(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		this.robots.delete(id, actor);
		return BACK;
	}

	@PostMapping("/admin/notifications/dead-letters/{id}/replay")
	String replayDeadLetter(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		this.deadLetters.replay(id, actor);
		redirect.addFlashAttribute("replayed", 1);
		return BACK;
	}

	@PostMapping("/admin/notifications/dead-letters/replay-all")
	String replayAllDeadLetters(Actor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("replayed", this.deadLetters.replayAll(actor));
		return BACK;
	}

	private static String done(Runnable change, RedirectAttributes redirect) {
		try {
			change.run();
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return BACK;
	}

	private static Set<NoticeTopic> topics(List<NoticeTopic> topics) {
		Set<NoticeTopic> set = EnumSet.noneOf(NoticeTopic.class);
		if (topics != null) {
			set.addAll(topics);
		}
		return set;
	}

}
