package org.qiqing.evaluation.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.casework.AnswerMethod;
import org.qiqing.casework.Rating;
import org.qiqing.evaluation.Campaigns;
import org.qiqing.evaluation.Flags;
import org.qiqing.evaluation.SpotChecks;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Text;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.qiqing.platform.PlatformClock.CHINA;

/**
 * The pages of conduct evaluation: campaigns and their results, an enterprise's
 * invitations, the spot-checks and their answers, the flags, and the spot-check fragment
 * the case page loads. A refused form comes back with its reason and nothing written.
 */
@Controller
class EvaluationPagesController {

	static final String CAMPAIGNS = "evaluation/campaigns";

	static final String CAMPAIGN = "evaluation/campaign";

	static final String INVITATIONS = "evaluation/invitations";

	static final String SPOT_CHECKS = "evaluation/spot-checks";

	static final String SPOT_CHECK = "evaluation/spot-check";

	static final String FLAGS = "evaluation/flags";

	static final String OF_CASE = "evaluation/of-case :: spotChecks";

	private final Campaigns campaigns;

	private final SpotChecks spotChecks;

	private final Flags flags;

	private final PlatformClock clock;

	private final CampaignLedger ledger;

	EvaluationPagesController(Campaigns campaigns, SpotChecks spotChecks, Flags flags, PlatformClock clock,
			CampaignLedger ledger) {
		this.ledger = ledger;
		this.campaigns = campaigns;
		this.spotChecks = spotChecks;
		this.flags = flags;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), CHINA);
	}

	@GetMapping("/evaluation/campaigns")
	String showCampaigns(Actor actor, Model model) {
		model.addAttribute("campaigns", this.campaigns.visible(actor));
		model.addAttribute("organiser",
				actor.jurisdictionPath() != null && Campaigns.ORGANISERS.stream().anyMatch(actor::has));
		model.addAttribute("today", today());
		return CAMPAIGNS;
	}

	@PostMapping("/evaluation/campaigns")
	String createCampaign(@RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			@RequestParam(required = false) String scale, @RequestParam(required = false) String questions, Actor actor,
			RedirectAttributes redirect) {
		List<String> lines = questions == null ? List.of() : Arrays.asList(questions.split("\\R"));
		try {
			Campaigns.Campaign campaign = this.campaigns
				.create(new Campaigns.NewCampaign(title, from, to, opensOn, closesOn, scale, lines), actor);
			redirect.addFlashAttribute("done", "evaluation.campaign.created");
			return "redirect:/evaluation/campaigns/" + campaign.id();
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/evaluation/campaigns";
		}
	}

	@GetMapping("/evaluation/campaigns/{id}")
	String showCampaign(@PathVariable long id, Actor actor, Model model) {
		Campaigns.Results results = this.campaigns.results(id, actor);
		model.addAttribute("results", results);
		boolean organiser = Campaigns.ORGANISERS.stream().anyMatch(actor::has)
				&& actor.oversees(results.campaign().regionPath());
		model.addAttribute("mayClose", organiser && results.campaign().status() != Campaigns.Status.CLOSED);
		model.addAttribute("mayEdit", organiser && results.campaign().status() == Campaigns.Status.SCHEDULED
				&& results.campaign().regionPath().equals(actor.jurisdictionPath()));
		model.addAttribute("questionsText", String.join("\n", results.campaign().questions()));
		model.addAttribute("today", today());
		return CAMPAIGN;
	}

	@PostMapping("/evaluation/campaigns/{id}/edit")
	String editCampaign(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			@RequestParam(required = false) String scale, @RequestParam(required = false) String questions,
			@RequestParam int version, Actor actor, RedirectAttributes redirect) {
		List<String> lines = questions == null ? List.of() : Arrays.asList(questions.split("\\R"));
		try {
			this.campaigns.edit(id, version,
					new Campaigns.NewCampaign(title, from, to, opensOn, closesOn, scale, lines), actor);
			redirect.addFlashAttribute("done", "evaluation.campaign.edited");
		}
		catch (InvalidInput | NotAllowed | StaleVersion ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/evaluation/campaigns/" + id;
	}

	@PostMapping("/evaluation/campaigns/{id}/close")
	String closeCampaign(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.campaigns.close(id, reason, actor);
			redirect.addFlashAttribute("done", "evaluation.campaign.closed");
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/evaluation/campaigns/" + id;
	}

	@GetMapping("/evaluation/campaigns/{id}/export")
	void exportCampaign(@PathVariable long id, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		this.ledger.write(id, actor, locale, response);
	}

	@GetMapping("/evaluation/invitations")
	String showInvitations(Actor actor, Model model) {
		model.addAttribute("invitations", this.campaigns.openInvitations(actor));
		return INVITATIONS;
	}

	@PostMapping("/evaluation/invitations/{id}")
	String answerInvitation(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor,
			RedirectAttributes redirect) {
		Map<Integer, Integer> scores = new HashMap<>();
		form.forEach((name, value) -> {
			if (name.matches("q\\d{1,2}") && value != null && !value.isBlank()) {
				try {
					scores.put(Integer.parseInt(name.substring(1)), Integer.parseInt(value.strip()));
				}
				catch (NumberFormatException ex) {
					throw new InvalidInput(name, Text.of("evaluation.error.score", 5));
				}
			}
		});
		try {
			this.campaigns.answer(id, scores, actor);
			redirect.addFlashAttribute("done", "evaluation.invitation.answered");
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/evaluation/invitations";
	}

	@GetMapping("/evaluation/spot-checks")
	String showSpotChecks(@RequestParam(required = false) Boolean open, Actor actor, Model model) {
		model.addAttribute("checks", this.spotChecks.list(actor, null, null, open, 200));
		model.addAttribute("open", open);
		model.addAttribute("organiser",
				actor.jurisdictionPath() != null && Campaigns.ORGANISERS.stream().anyMatch(actor::has));
		model.addAttribute("share", Math.round(this.spotChecks.settings().sampleShare() * 100));
		model.addAttribute("today", today());
		return SPOT_CHECKS;
	}

	@PostMapping("/evaluation/spot-checks/draws")
	String draw(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Double percent, Actor actor, RedirectAttributes redirect) {
		try {
			SpotChecks.Draw draw = this.spotChecks.draw(from, to, percent == null ? null : percent / 100, actor);
			redirect.addFlashAttribute("drawn", draw);
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/evaluation/spot-checks";
	}

	@GetMapping("/evaluation/spot-checks/{id}")
	String showSpotCheck(@PathVariable long id, Actor actor, Model model) {
		SpotChecks.SpotCheck check = this.spotChecks.find(id, actor);
		model.addAttribute("check", check);
		model.addAttribute("mayRecord", this.spotChecks.mayRecord(check, actor));
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("methods", AnswerMethod.values());
		return SPOT_CHECK;
	}

	@PostMapping("/evaluation/spot-checks/{id}")
	String recordSpotCheck(@PathVariable long id, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) Boolean solved, @RequestParam(required = false) String note,
			@RequestParam(required = false) String respondent, @RequestParam(required = false) AnswerMethod method,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime answeredAt,
			Actor actor, RedirectAttributes redirect) {
		Instant at = answeredAt == null ? null : answeredAt.atZone(CHINA).toInstant();
		try {
			this.spotChecks.record(id, new SpotChecks.Answer(rating, solved, note, respondent, method, at), actor);
			redirect.addFlashAttribute("done", "evaluation.spot.recorded");
		}
		catch (InvalidInput | NotAllowed ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/evaluation/spot-checks/" + id;
	}

	@GetMapping("/evaluation/flags")
	String showFlags(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor,
			Model model) {
		Period period = Period.of(from, to, this.clock);
		model.addAttribute("report", this.flags.of(actor, period.from(), period.to()));
		model.addAttribute("settings", this.spotChecks.settings());
		return FLAGS;
	}

	/** The spot-checks of a case, for the side of the case page (empty when none). */
	@GetMapping("/evaluation/cases/{caseId}/spot-checks")
	String showOfCase(@PathVariable long caseId, Actor actor, Model model) {
		model.addAttribute("checks", this.spotChecks.ofCase(caseId, actor));
		return OF_CASE;
	}

}
