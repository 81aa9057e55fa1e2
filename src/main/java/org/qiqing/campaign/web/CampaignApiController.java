package org.qiqing.campaign.web;

import java.time.LocalDate;
import java.util.List;

import org.qiqing.campaign.CampaignManagement;
import org.qiqing.campaign.CampaignQueries;
import org.qiqing.campaign.CampaignScope;
import org.qiqing.campaign.CampaignViews;
import org.qiqing.campaign.MeetingManagement;
import org.qiqing.campaign.NewCampaign;
import org.qiqing.campaign.NewDecision;
import org.qiqing.campaign.NewMeeting;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.FileResponses;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The campaign and its meetings over HTTP ({@code /api/v1/campaigns/...},
 * {@code /api/v1/meetings/...}); refusals are RFC 9457 problems. An enterprise contact is
 * refused every list (403) and finds no record (404).
 */
@RestController
class CampaignApiController {

	private final CampaignManagement management;

	private final MeetingManagement meetings;

	private final CampaignQueries queries;

	private final CampaignScope scope;

	CampaignApiController(CampaignManagement management, MeetingManagement meetings, CampaignQueries queries,
			CampaignScope scope) {
		this.management = management;
		this.meetings = meetings;
		this.queries = queries;
		this.scope = scope;
	}

	record Created(long id) {
	}

	record ActionChange(String name, LocalDate dueOn, Boolean retired) {
	}

	record Done(LocalDate doneOn, String note) {
	}

	record Minutes(String minutes) {
	}

	record Assigned(long caseId) {
	}

	private void official(Actor actor) {
		if (!this.scope.mayOpen(actor)) {
			throw new AccessDeniedException("campaigns are for officials");
		}
	}

	@GetMapping("/api/v1/campaigns")
	List<CampaignViews.Campaign> campaigns(Actor actor) {
		official(actor);
		return this.queries.campaigns(actor);
	}

	@PostMapping(path = "/api/v1/campaigns", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created createCampaign(@RequestBody NewCampaign campaign, Actor actor) {
		return new Created(this.management.createCampaign(campaign, actor));
	}

	@GetMapping("/api/v1/campaigns/{id}")
	CampaignViews.CampaignDetail campaign(@PathVariable long id, Actor actor) {
		return this.queries.campaign(id, actor);
	}

	@GetMapping("/api/v1/campaigns/{id}/lagging")
	List<CampaignViews.Lagging> lagging(@PathVariable long id, Actor actor) {
		this.queries.campaign(id, actor);
		return this.queries.lagging(id, actor);
	}

	@PostMapping(path = "/api/v1/campaigns/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created addAction(@PathVariable long id, @RequestBody NewCampaign.KeyAction action, Actor actor) {
		return new Created(this.management.addAction(id, action, actor));
	}

	@PutMapping(path = "/api/v1/campaigns/{id}/actions/{actionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changeAction(@PathVariable long id, @PathVariable long actionId,
			@RequestBody ActionChange change, Actor actor) {
		this.management.changeAction(id, actionId, change.name(), change.dueOn(), Boolean.TRUE.equals(change.retired()),
				actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/v1/campaigns/{id}/units/{unitId}/actions/{actionId}/done",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> done(@PathVariable long id, @PathVariable long unitId, @PathVariable long actionId,
			@RequestBody Done done, Actor actor) {
		this.management.markDone(id, actionId, unitId, done.doneOn(), done.note(), null, actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/v1/campaigns/{id}/units/{unitId}/actions/{actionId}/done",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Void> doneWithFile(@PathVariable long id, @PathVariable long unitId, @PathVariable long actionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			@RequestParam(required = false) String note,
			@RequestPart(name = "evidence", required = false) MultipartFile evidence, Actor actor) {
		this.management.markDone(id, actionId, unitId, doneOn, note, this.management.checkEvidence(evidence), actor);
		return ResponseEntity.noContent().build();
	}

	@GetMapping({ "/api/v1/campaigns/{id}/units/{unitId}/actions/{actionId}/evidence",
			"/campaigns/{id}/units/{unitId}/actions/{actionId}/evidence" })
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long unitId, @PathVariable long actionId,
			Actor actor) {
		CampaignQueries.EvidenceFile file = this.queries.evidence(id, unitId, actionId, actor)
			.orElseThrow(() -> new NotFound(
					Text.of("error.record.notFound", Text.of("campaign.record.evidence"), actionId)));
		return ResponseEntity.ok()
			.headers(FileResponses.image(file.filename(), file.contentType(), file.content()))
			.body(file.content());
	}

	@PostMapping("/api/v1/campaigns/{id}/urge")
	CampaignViews.Urged urge(@PathVariable long id, Actor actor) {
		return this.management.urge(id, actor);
	}

	@GetMapping("/api/v1/meetings")
	List<CampaignViews.Meeting> meetings(Actor actor) {
		official(actor);
		return this.queries.meetings(actor);
	}

	@PostMapping(path = "/api/v1/meetings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created callMeeting(@RequestBody NewMeeting meeting, Actor actor) {
		return new Created(this.meetings.callMeeting(meeting, actor));
	}

	@GetMapping("/api/v1/meetings/{id}")
	CampaignViews.MeetingDetail meeting(@PathVariable long id, Actor actor) {
		return this.queries.meeting(id, actor);
	}

	@PutMapping(path = "/api/v1/meetings/{id}/minutes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> minutes(@PathVariable long id, @RequestBody Minutes minutes, Actor actor) {
		this.meetings.recordMinutes(id, minutes.minutes(), actor);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/v1/meetings/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created addDecision(@PathVariable long id, @RequestBody NewDecision decision, Actor actor) {
		return new Created(this.meetings.addDecision(id, decision, actor));
	}

	@PostMapping("/api/v1/meetings/{id}/decisions/{decisionId}/assign")
	@ResponseStatus(HttpStatus.CREATED)
	Assigned assign(@PathVariable long id, @PathVariable long decisionId, Actor actor) {
		return new Assigned(this.meetings.assignDecision(id, decisionId, actor));
	}

}
