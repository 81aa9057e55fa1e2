package org.qiqing.campaign.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.qiqing.campaign.CampaignManagement;
import org.qiqing.campaign.CampaignQueries;
import org.qiqing.campaign.CampaignScope;
import org.qiqing.campaign.CampaignViews;
import org.qiqing.campaign.MeetingKind;
import org.qiqing.campaign.MeetingManagement;
import org.qiqing.campaign.NewCampaign;
import org.qiqing.campaign.NewDecision;
import org.qiqing.campaign.NewMeeting;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the campaign (专题教育) and its meetings, usable on a phone: the campaigns and
 * meetings one sees with the forms that set them up; a campaign's checklist per unit, its
 * progress by region, the form a unit ticks a key action with and the button that urges
 * the lagging units; a meeting with its agenda, minutes and decisions.
 */
@Controller
class CampaignPagesController {

	static final String INDEX = "campaign/index";

	static final String CAMPAIGN = "campaign/campaign";

	static final String MEETING = "campaign/meeting";

	private final CampaignQueries queries;

	private final CampaignManagement management;

	private final MeetingManagement meetings;

	private final CampaignScope scope;

	private final Units units;

	private final Regions regions;

	CampaignPagesController(CampaignQueries queries, CampaignManagement management, MeetingManagement meetings,
			CampaignScope scope, Units units, Regions regions) {
		this.queries = queries;
		this.management = management;
		this.meetings = meetings;
		this.scope = scope;
		this.units = units;
		this.regions = regions;
	}

	@GetMapping("/campaigns")
	String showIndex(Actor actor, Model model) {
		if (!this.scope.mayOpen(actor)) {
			throw new AccessDeniedException("campaigns are for officials");
		}
		model.addAttribute("campaigns", this.queries.campaigns(actor));
		model.addAttribute("meetings", this.scope.oversees(actor) ? this.queries.meetings(actor) : List.of());
		model.addAttribute("inspector", actor.has(Role.INSPECTOR));
		model.addAttribute("organisers", actor.has(Role.INSPECTOR) ? unitsOf(actor) : List.of());
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("today", today());
		return INDEX;
	}

	@PostMapping("/campaigns")
	String processCampaignForm(@RequestParam String title, @RequestParam Long organiserUnitId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, Actor actor) {
		long id = this.management
			.createCampaign(new NewCampaign(title, organiserUnitId, startsOn, endsOn, List.of(), List.of()), actor);
		return "redirect:/campaigns/" + id;
	}

	@GetMapping("/campaigns/{id}")
	String showCampaign(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("detail", this.queries.campaign(id, actor));
		model.addAttribute("inspector", actor.has(Role.INSPECTOR));
		model.addAttribute("today", today());
		return CAMPAIGN;
	}

	@PostMapping("/campaigns/{id}/actions")
	String processActionForm(@PathVariable long id, @RequestParam String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			Actor actor) {
		this.management.addAction(id, new NewCampaign.KeyAction(name, dueOn), actor);
		return "redirect:/campaigns/" + id;
	}

	@PostMapping("/campaigns/{id}/actions/{actionId}")
	String processActionChange(@PathVariable long id, @PathVariable long actionId, @RequestParam String name,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam(defaultValue = "false") boolean retired, Actor actor) {
		this.management.changeAction(id, actionId, name, dueOn, retired, actor);
		return "redirect:/campaigns/" + id;
	}

	@PostMapping("/campaigns/{id}/done")
	String processDoneForm(@PathVariable long id, @RequestParam long unitId, @RequestParam long actionId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			@RequestParam(required = false) String note,
			@RequestParam(name = "evidence", required = false) MultipartFile evidence, Actor actor,
			RedirectAttributes redirect) {
		this.management.markDone(id, actionId, unitId, doneOn, note, this.management.checkEvidence(evidence), actor);
		redirect.addFlashAttribute("message", Texts.resolve(Text.of("campaign.done.saved")));
		return "redirect:/campaigns/" + id;
	}

	@PostMapping("/campaigns/{id}/urge")
	String processUrge(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		CampaignViews.Urged urged = this.management.urge(id, actor);
		redirect.addFlashAttribute("message",
				Texts.resolve(Text.of("campaign.urged", urged.filed(), urged.urged(), urged.unchanged())));
		return "redirect:/campaigns/" + id;
	}

	@PostMapping("/meetings")
	String processMeetingForm(@RequestParam MeetingKind kind, @RequestParam(required = false) Long campaignId,
			@RequestParam Long organiserUnitId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam String participants, Actor actor) {
		long id = this.meetings.callMeeting(new NewMeeting(kind, campaignId, organiserUnitId, heldOn, participants),
				actor);
		return "redirect:/meetings/" + id;
	}

	@GetMapping("/meetings/{id}")
	String showMeeting(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("detail", this.queries.meeting(id, actor));
		model.addAttribute("inspector", actor.has(Role.INSPECTOR));
		model.addAttribute("leader", actor.has(Role.LEADER));
		model.addAttribute("units", unitsOf(actor));
		model.addAttribute("today", today());
		return MEETING;
	}

	@PostMapping("/meetings/{id}/minutes")
	String processMinutes(@PathVariable long id, @RequestParam String minutes, Actor actor) {
		this.meetings.recordMinutes(id, minutes, actor);
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/decisions")
	String processDecision(@PathVariable long id, @RequestParam String text, @RequestParam Long unitId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, Actor actor) {
		this.meetings.addDecision(id, new NewDecision(text, unitId, dueOn), actor);
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/decisions/{decisionId}/assign")
	String processAssign(@PathVariable long id, @PathVariable long decisionId, Actor actor) {
		this.meetings.assignDecision(id, decisionId, actor);
		return "redirect:/meetings/" + id;
	}

	/** The enabled units of a person's jurisdiction, to organise or assign to. */
	private List<Unit> unitsOf(Actor actor) {
		return this.units.findAll()
			.stream()
			.filter(Unit::isEnabled)
			.filter(unit -> this.regions.find(unit.getRegionCode())
				.map(region -> actor.oversees(region.path()))
				.orElse(false))
			.sorted(Comparator.comparing(Unit::getCode))
			.toList();
	}

	private static LocalDate today() {
		return LocalDate.now(PlatformClock.CHINA);
	}

}
