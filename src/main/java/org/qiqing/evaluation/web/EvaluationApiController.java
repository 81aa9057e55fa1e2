package org.qiqing.evaluation.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Versions;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conduct evaluation in the API (docs/evaluation.md): campaigns and their results, an
 * enterprise's invitations and answers, spot-check draws and answers, the flags.
 */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApiController {

	private final Campaigns campaigns;

	private final SpotChecks spotChecks;

	private final Flags flags;

	private final PlatformClock clock;

	private final CampaignLedger ledger;

	EvaluationApiController(Campaigns campaigns, SpotChecks spotChecks, Flags flags, PlatformClock clock,
			CampaignLedger ledger) {
		this.ledger = ledger;
		this.clock = clock;
		this.campaigns = campaigns;
		this.spotChecks = spotChecks;
		this.flags = flags;
	}

	@GetMapping("/campaigns")
	List<Campaigns.Campaign> listCampaigns(Actor actor) {
		return this.campaigns.visible(actor);
	}

	@PostMapping("/campaigns")
	ResponseEntity<Campaigns.Campaign> createCampaign(@RequestBody Campaigns.NewCampaign request, Actor actor) {
		Campaigns.Campaign campaign = this.campaigns.create(request, actor);
		return ResponseEntity.created(URI.create("/api/v1/evaluation/campaigns/" + campaign.id() + "/results"))
			.body(campaign);
	}

	@GetMapping("/campaigns/{id}/results")
	Campaigns.Results showResults(@PathVariable long id, Actor actor) {
		return this.campaigns.results(id, actor);
	}

	/**
	 * Changes a campaign that has not opened (409 once it has), with {@code If-Match} of
	 * the version read (its {@code version}; 412 when it changed since).
	 */
	@PutMapping("/campaigns/{id}")
	ResponseEntity<Campaigns.Campaign> editCampaign(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Campaigns.NewCampaign request, Actor actor) {
		Campaigns.Campaign campaign = this.campaigns.edit(id, Versions.fromIfMatch(ifMatch), request, actor);
		return ResponseEntity.ok().eTag(Versions.etag(campaign.version())).body(campaign);
	}

	/** {@code {"reason": "…"}}. */
	record CloseBody(String reason) {
	}

	/** Closes a campaign before its last day (409 when it is closed already). */
	@PostMapping("/campaigns/{id}/close")
	Campaigns.Campaign closeCampaign(@PathVariable long id, @RequestBody CloseBody body, Actor actor) {
		return this.campaigns.close(id, body.reason(), actor);
	}

	/** The results as an .xlsx ledger. */
	@GetMapping("/campaigns/{id}/export")
	void exportCampaign(@PathVariable long id, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		this.ledger.write(id, actor, locale, response);
	}

	@GetMapping("/invitations")
	List<Campaigns.Invitation> listInvitations(Actor actor) {
		return this.campaigns.openInvitations(actor);
	}

	/** The scores by question (1, 2, …): {@code {"scores": {"1": 5, "2": 4}}}. */
	record AnswerBody(Map<Integer, Integer> scores) {
	}

	@PostMapping("/invitations/{id}/answer")
	ResponseEntity<Void> answerInvitation(@PathVariable long id, @RequestBody AnswerBody body, Actor actor) {
		this.campaigns.answer(id, body.scores(), actor);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/spot-checks")
	List<SpotChecks.SpotCheck> listSpotChecks(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Boolean open, Actor actor) {
		return this.spotChecks.list(actor, from, to, open, 500);
	}

	record DrawBody(LocalDate from, LocalDate to, Double share) {
	}

	@PostMapping("/spot-checks/draws")
	ResponseEntity<SpotChecks.Draw> draw(@RequestBody DrawBody body, Actor actor) {
		return ResponseEntity.status(201).body(this.spotChecks.draw(body.from(), body.to(), body.share(), actor));
	}

	@GetMapping("/spot-checks/{id}")
	SpotChecks.SpotCheck showSpotCheck(@PathVariable long id, Actor actor) {
		return this.spotChecks.find(id, actor);
	}

	record SpotAnswerBody(Rating rating, Boolean solved, String note, String respondent, AnswerMethod method,
			Instant answeredAt) {
	}

	@PostMapping("/spot-checks/{id}/answer")
	SpotChecks.SpotCheck answerSpotCheck(@PathVariable long id, @RequestBody SpotAnswerBody body, Actor actor) {
		return this.spotChecks.record(id, new SpotChecks.Answer(body.rating(), body.solved(), body.note(),
				body.respondent(), body.method(), body.answeredAt()), actor);
	}

	@GetMapping("/flags")
	Flags.Report showFlags(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor) {
		Period period = Period.of(from, to, this.clock);
		return this.flags.of(actor, period.from(), period.to());
	}

}
