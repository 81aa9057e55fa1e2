package org.qiqing.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qiqing.campaign.CampaignViews.Lagging;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseFilter;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseSort;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;
import org.qiqing.casework.NewCase;
import org.qiqing.casework.Priority;
import org.qiqing.casework.Rectification;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qiqing.campaign.FieldChecks.text;

/**
 * Calls the meetings (定期会商, 双月例会) with the agenda of what lags, records their minutes and
 * turns their decisions into leaders' assignments on the case engine. Each in one
 * transaction; each refuses what the person may not do.
 */
@Service
@Transactional
public class MeetingManagement {

	/** The most items of each kind an agenda lists. */
	static final int AGENDA_ITEMS = 50;

	private static final Set<CaseState> OPEN = Set.of(CaseState.ASSIGNED, CaseState.IN_PROGRESS,
			CaseState.EXTENSION_REQUESTED, CaseState.REOPENED);

	private final JdbcClient jdbc;

	private final CampaignQueries queries;

	private final CaseManagement cases;

	private final CaseQueries caseQueries;

	private final Categories categories;

	private final Units units;

	private final Regions regions;

	private final Clock clock;

	MeetingManagement(JdbcClient jdbc, CampaignQueries queries, CaseManagement cases, CaseQueries caseQueries,
			Categories categories, Units units, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.cases = cases;
		this.caseQueries = caseQueries;
		this.categories = categories;
		this.units = units;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * Calls a meeting: an inspector, for an organiser unit of his jurisdiction. Its
	 * agenda is what lags as it is called, within his jurisdiction and the meeting's
	 * region: the units behind on the campaign's checklist (any campaign's when it names
	 * none) and the overdue rectification items.
	 */
	public long callMeeting(NewMeeting meeting, Actor actor) {
		if (!actor.has(Role.INSPECTOR) || actor.isEnterpriseContact()) {
			throw new NotAllowed(Text.of("campaign.error.mayNotMeet"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		if (meeting.kind() == null) {
			errors.put("kind", Text.of("error.field.required", "kind"));
		}
		Unit organiser = meeting.organiserUnitId() == null ? null
				: this.units.findById(meeting.organiserUnitId()).orElse(null);
		if (organiser == null) {
			errors.put("organiserUnitId", Text.of("campaign.error.unit"));
		}
		if (meeting.heldOn() == null) {
			errors.put("heldOn", Text.of("error.field.required", "heldOn"));
		}
		text(errors, "participants", meeting.participants(), 2000, true);
		if (meeting.campaignId() != null && this.queries.find(meeting.campaignId(), actor).isEmpty()) {
			errors.put("campaignId", Text.of("campaign.error.campaign"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(organiser.getRegionCode()).orElseThrow();
		if (!actor.oversees(region.path())) {
			throw new NotAllowed(Text.of("campaign.error.mayNotMeet"));
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into meeting (kind, campaign_id, organiser_unit_id, region_code, region_path, held_on,
				    participants, created_by, created_at)
				values (:kind, :campaign, :organiser, :code, :path, :held, :participants, :by, :at)""")
			.param("kind", meeting.kind().name())
			.param("campaign", meeting.campaignId())
			.param("organiser", organiser.getId())
			.param("code", region.code())
			.param("path", region.path())
			.param("held", meeting.heldOn())
			.param("participants", meeting.participants().strip())
			.param("by", actor.personId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		Set<String> codes = this.regions.within(region.path() + "%")
			.stream()
			.map(Region::code)
			.collect(Collectors.toSet());
		int position = 1;
		for (Lagging unit : this.queries.lagging(meeting.campaignId(), actor)
			.stream()
			.filter(l -> codes.contains(l.regionCode()))
			.limit(AGENDA_ITEMS)
			.toList()) {
			agendaItem(id, position++, AgendaKind.LAGGING_UNIT, unit.unitId(), unit.unitName(), unit.overdue(), null);
		}
		LocalDate today = this.queries.today();
		List<CaseQueries.CaseLine> overdue = new ArrayList<>();
		this.caseQueries.each(actor, new CaseFilter(null, null, null, CaseKind.RECTIFICATION, null, null, null, null,
				region.path(), false, null, CaseSort.URGENCY), 2000, line -> {
					if (overdue.size() < AGENDA_ITEMS && OPEN.contains(line.state()) && line.dueDate() != null
							&& line.dueDate().isBefore(today)) {
						overdue.add(line);
					}
				});
		for (CaseQueries.CaseLine line : overdue) {
			String label = line.number() + " " + line.title()
					+ (line.leadUnitName() == null ? "" : " · " + line.leadUnitName());
			agendaItem(id, position++, AgendaKind.OVERDUE_ITEM, line.id(),
					label.length() > 300 ? label.substring(0, 300) : label, 0, line.dueDate());
		}
		return id;
	}

	private void agendaItem(long meetingId, int position, AgendaKind kind, long ref, String label, int overdue,
			LocalDate dueOn) {
		this.jdbc.sql("""
				insert into meeting_agenda_item (meeting_id, position, kind, ref_id, label, overdue, due_on)
				values (:m, :p, :k, :r, :l, :o, :d)""")
			.param("m", meetingId)
			.param("p", position)
			.param("k", kind.name())
			.param("r", ref)
			.param("l", label)
			.param("o", overdue)
			.param("d", dueOn)
			.update();
	}

	/** Records a meeting's minutes: an inspector who sees it. */
	public void recordMinutes(long meetingId, String minutes, Actor actor) {
		managedMeeting(meetingId, actor);
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "minutes", minutes, 8000, true);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		this.jdbc.sql("update meeting set minutes = :minutes where id = :id")
			.param("minutes", minutes.strip())
			.param("id", meetingId)
			.update();
	}

	/**
	 * Records a decision of a meeting: an inspector who sees it. One who is a leader too
	 * assigns it at once; otherwise it waits for a leader of the jurisdiction
	 * ({@link #assignDecision}).
	 */
	public long addDecision(long meetingId, NewDecision decision, Actor actor) {
		managedMeeting(meetingId, actor);
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "text", decision.text(), 2000, true);
		if (decision.unitId() == null || this.units.findById(decision.unitId()).isEmpty()) {
			errors.put("unitId", Text.of("campaign.error.unit"));
		}
		if (decision.dueOn() == null) {
			errors.put("dueOn", Text.of("error.field.required", "dueOn"));
		}
		else if (decision.dueOn().isBefore(this.queries.today())) {
			errors.put("dueOn", Text.of("error.date.past", decision.dueOn()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into meeting_decision (meeting_id, text, unit_id, due_on, created_at)
				values (:m, :t, :u, :d, :at)""")
			.param("m", meetingId)
			.param("t", decision.text().strip())
			.param("u", decision.unitId())
			.param("d", decision.dueOn())
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		if (actor.has(Role.LEADER)) {
			assignDecision(meetingId, id, actor);
		}
		return id;
	}

	/**
	 * Assigns a meeting's decision as a leader's assignment (领导交办) on the case engine: a
	 * leader who sees the meeting, to the decision's unit by its day, under the category
	 * of rectification (whose limits it follows). Once.
	 * @return the case
	 */
	public long assignDecision(long meetingId, long decisionId, Actor actor) {
		CampaignViews.Meeting meeting = this.queries.findMeeting(meetingId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.meeting", meetingId));
		if (!actor.has(Role.LEADER)) {
			throw new NotAllowed(Text.of("campaign.error.mayNotAssign"));
		}
		record Row(String text, long unitId, LocalDate dueOn, Long caseId) {
		}
		Row row = this.jdbc
			.sql("select text, unit_id, due_on, case_id from meeting_decision where id = :d and meeting_id = :m")
			.param("d", decisionId)
			.param("m", meetingId)
			.query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, Long.class)))
			.optional()
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.decision", decisionId));
		if (row.caseId() != null) {
			throw new NotAllowed(Text.of("campaign.error.assigned"));
		}
		Long category = this.categories.all()
			.stream()
			.filter(c -> Rectification.CATEGORY_CODE.equals(c.code()))
			.map(Category::id)
			.findFirst()
			.orElseThrow();
		String kind = Texts.resolve(Text.of("campaign.meeting.kind." + meeting.kind()),
				java.util.Locale.SIMPLIFIED_CHINESE);
		String title = Texts.resolve(Text.of("campaign.decision.title", kind, meeting.heldOn(), row.text()),
				java.util.Locale.SIMPLIFIED_CHINESE);
		Case kase = this.cases.submit(new NewCase(CaseKind.LEADER_ASSIGNMENT, category, null,
				title.length() > 200 ? title.substring(0, 199) + "…" : title, row.text(), List.of(),
				new NewCase.Assignment(row.unitId(), Set.of(), row.dueOn(), Priority.NORMAL)), actor);
		this.jdbc.sql("update meeting_decision set case_id = :k, assigned_by = :by where id = :d")
			.param("k", kase.getId())
			.param("by", actor.personId())
			.param("d", decisionId)
			.update();
		return kase.getId();
	}

	private void managedMeeting(long meetingId, Actor actor) {
		this.queries.findMeeting(meetingId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.meeting", meetingId));
		if (!actor.has(Role.INSPECTOR)) {
			throw new NotAllowed(Text.of("campaign.error.mayNotMeet"));
		}
	}

}
