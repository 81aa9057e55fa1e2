package org.qiqing.profile.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qiqing.casework.CaseQueries.MonthlyRatings;
import org.qiqing.casework.Rating;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.profile.EnterpriseProfile;
import org.qiqing.profile.EnterpriseProfiles;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enterprise's profile page (企业画像).
 */
@Controller
class ProfilePagesController {

	private static final int PAGE_SIZE = 20;

	private final EnterpriseProfiles profiles;

	private final MessageSource messages;

	private final JsonMapper json;

	private final EnterpriseDirectory directory;

	ProfilePagesController(EnterpriseProfiles profiles, EnterpriseDirectory directory, MessageSource messages,
			JsonMapper json) {
		this.profiles = profiles;
		this.directory = directory;
		this.messages = messages;
		this.json = json;
	}

	/** Finds an enterprise by name or credit code, to open its profile. */
	@GetMapping("/enterprises")
	String findEnterprise(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			Actor actor, Model model) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("an enterprise's profile is for officials");
		}
		model.addAttribute("page", this.directory.search(actor, q, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("q", q);
		return "profile/search";
	}

	@GetMapping("/enterprises/{id}")
	String showProfile(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Actor actor, Locale locale,
			Model model) {
		EnterpriseProfile profile = this.profiles.of(id, actor, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("profile", profile);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("chart", chart(profile.satisfaction(), locale));
		return "profile/enterprise";
	}

	/**
	 * The contact's phone and e-mail address in full, in place of the masked ones (htmx);
	 * the audit log records it.
	 */
	@GetMapping("/enterprises/{id}/contact")
	String revealContact(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("revealed", this.directory.revealContact(id, actor));
		return "reveal :: revealed";
	}

	/**
	 * The satisfaction chart's data for ECharts, as JSON: the months, and for each level
	 * of the scale its name and its count in each month. It holds no user input, and a
	 * closing tag is escaped anyway, as it goes into a script element.
	 */
	private String chart(List<MonthlyRatings> months, Locale locale) {
		List<Map<String, Object>> series = Arrays.stream(Rating.values())
			.map(rating -> Map.<String, Object>of("name",
					this.messages.getMessage("rating." + rating.name(), null, locale), "counts",
					months.stream().map(month -> month.counts().getOrDefault(rating, 0)).toList()))
			.toList();
		Map<String, Object> chart = Map.of("months", months.stream().map(month -> month.month().toString()).toList(),
				"series", series);
		return this.json.writeValueAsString(chart).replace("</", "<\\/");
	}

}
