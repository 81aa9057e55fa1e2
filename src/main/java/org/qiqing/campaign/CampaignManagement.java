package org.qiqing.campaign;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.qiqing.campaign.CampaignViews.Campaign;
import org.qiqing.campaign.CampaignViews.Lagging;
import org.qiqing.campaign.CampaignViews.Urged;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
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
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.FileType;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;
import org.qiqing.platform.Uploads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sets up campaigns and their key actions, records a unit's key action done, urges the
 * units behind on the case engine, calls meetings with the agenda of what lags, records
 * their minutes and turns their decisions into leaders' assignments. Each in one
 * transaction; each refuses what the person may not do.
 */
@Service
@Transactional
public class CampaignManagement {

	/** The days a lagging unit is given to catch up, the due date of its urging case. */
	static final int CATCH_UP_DAYS = 10;

	/** The most items of each kind an agenda lists. */
	static final int AGENDA_ITEMS = 50;

	/** The largest evidence file of a key action. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	static final Set<FileType> EVIDENCE = Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF);

	private static final Set<CaseState> OPEN = Set.of(CaseState.ASSIGNED, CaseState.IN_PROGRESS,
			CaseState.EXTENSION_REQUESTED, CaseState.REOPENED);

	private final JdbcClient jdbc;

	private final CampaignQueries queries;

	private final CaseManagement cases;

	private final CaseQueries caseQueries;

	private final Categories categories;

	private final Units units;

	private final Regions regions;

	private final Uploads uploads;

	private final Clock clock;

	CampaignManagement(JdbcClient jdbc, CampaignQueries queries, CaseManagement cases, CaseQueries caseQueries,
			Categories categories, Units units, Regions regions, Uploads uploads, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.cases = cases;
		this.caseQueries = caseQueries;
		this.categories = categories;
		this.units = units;
		this.regions = regions;
		this.uploads = uploads;
		this.clock = clock;
	}

	/** A key action's evidence file checked: a photo or a PDF, or nothing. */
	public Uploads.Upload checkEvidence(MultipartFile file) {
		return file == null || file.isEmpty() ? null : this.uploads.check("evidence", file, EVIDENCE, MAX_BYTES);
	}

	/**
	 * Sets up a campaign: an inspector, for an organiser unit of his jurisdiction, with
	 * units of the organiser's region.
	 */
	public long createCampaign(NewCampaign campaign, Actor actor) {
		if (!actor.has(Role.INSPECTOR) || actor.isEnterpriseContact()) {
			throw new NotAllowed(Text.of("campaign.error.mayNotOrganise"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "title", campaign.title(), 200, true);
		Unit organiser = campaign.organiserUnitId() == null ? null
				: this.units.findById(campaign.organiserUnitId()).orElse(null);
		if (organiser == null) {
			errors.put("organiserUnitId", Text.of("campaign.error.unit"));
		}
		period(errors, campaign.startsOn(), campaign.endsOn());
		if (campaign.actions().size() > 20) {
			errors.put("actions", Text.of("error.field.tooLong", "actions", 20));
		}
		for (NewCampaign.KeyAction action : campaign.actions()) {
			if (action == null) {
				errors.put("actions", Text.of("error.field.required", "actions"));
				continue;
			}
			text(errors, "actions", action.name(), 200, true);
			due(errors, "actions", action.dueOn(), campaign.startsOn());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(organiser.getRegionCode()).orElseThrow();
		if (!actor.oversees(region.path())) {
			throw new NotAllowed(Text.of("campaign.error.mayNotOrganise"));
		}
		Set<String> codes = this.regions.within(region.path() + "%")
			.stream()
			.map(Region::code)
			.collect(Collectors.toSet());
		List<Unit> members = new ArrayList<>();
		if (campaign.unitIds().isEmpty()) {
			this.units.findAllByOrderByCode()
				.stream()
				.filter(Unit::isEnabled)
				.filter(u -> codes.contains(u.getRegionCode()))
				.forEach(members::add);
		}
		else {
			for (Long id : new LinkedHashSet<>(campaign.unitIds())) {
				Unit unit = id == null ? null : this.units.findById(id).orElse(null);
				if (unit == null || !codes.contains(unit.getRegionCode())) {
					throw new InvalidInput("unitIds", Text.of("campaign.error.member"));
				}
				members.add(unit);
			}
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into campaign (title, organiser_unit_id, region_code, region_path, starts_on, ends_on,
				    created_by, created_at)
				values (:title, :organiser, :code, :path, :starts, :ends, :by, :at)""")
			.param("title", campaign.title().strip())
			.param("organiser", organiser.getId())
			.param("code", region.code())
			.param("path", region.path())
			.param("starts", campaign.startsOn())
			.param("ends", campaign.endsOn())
			.param("by", actor.personId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		List<NewCampaign.KeyAction> actions = campaign.actions().isEmpty() ? template() : campaign.actions();
		int position = 1;
		for (NewCampaign.KeyAction action : actions) {
			insertAction(id, position++, action.name().strip(),
					action.dueOn() == null ? campaign.endsOn() : action.dueOn());
		}
		Map<String, String> paths = new java.util.HashMap<>();
		for (Unit unit : members) {
			this.jdbc.sql("""
					insert into campaign_unit (campaign_id, unit_id, region_code, region_path)
					values (:c, :u, :code, :path)""")
				.param("c", id)
				.param("u", unit.getId())
				.param("code", unit.getRegionCode())
				.param("path",
						paths.computeIfAbsent(unit.getRegionCode(),
								code -> this.regions.find(code).orElseThrow().path()))
				.update();
		}
		return id;
	}

	/**
	 * The key actions a campaign starts with: {@code campaign_action_template}, in
	 * Chinese.
	 */
	private List<NewCampaign.KeyAction> template() {
		return this.jdbc.sql("select name from campaign_action_template order by position")
			.query((rs, i) -> new NewCampaign.KeyAction(rs.getString(1), null))
			.list();
	}

	private void insertAction(long campaignId, int position, String name, LocalDate dueOn) {
		this.jdbc.sql("""
				insert into campaign_action (campaign_id, position, name, due_on, retired)
				values (:c, :p, :n, :d, false)""")
			.param("c", campaignId)
			.param("p", position)
			.param("n", name)
			.param("d", dueOn)
			.update();
	}

	/** Adds a key action to a campaign one manages. */
	public long addAction(long campaignId, NewCampaign.KeyAction action, Actor actor) {
		Campaign campaign = managed(campaignId, actor);
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "name", action == null ? null : action.name(), 200, true);
		if (action != null) {
			due(errors, "dueOn", action.dueOn(), campaign.startsOn());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int position = this.jdbc.sql("select coalesce(max(position), 0) from campaign_action where campaign_id = :c")
			.param("c", campaignId)
			.query(Integer.class)
			.single() + 1;
		insertAction(campaignId, position, action.name().strip(),
				action.dueOn() == null ? campaign.endsOn() : action.dueOn());
		return this.jdbc.sql("select max(id) from campaign_action where campaign_id = :c")
			.param("c", campaignId)
			.query(Long.class)
			.single();
	}

	/**
	 * Renames a key action, moves its day or retires it (a retired one no longer counts).
	 */
	public void changeAction(long campaignId, long actionId, String name, LocalDate dueOn, boolean retired,
			Actor actor) {
		Campaign campaign = managed(campaignId, actor);
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "name", name, 200, true);
		if (dueOn == null) {
			errors.put("dueOn", Text.of("error.field.required", "dueOn"));
		}
		else {
			due(errors, "dueOn", dueOn, campaign.startsOn());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int changed = this.jdbc.sql("""
				update campaign_action set name = :n, due_on = :d, retired = :r
				where id = :a and campaign_id = :c""")
			.param("n", name.strip())
			.param("d", dueOn)
			.param("r", retired)
			.param("a", actionId)
			.param("c", campaignId)
			.update();
		if (changed == 0) {
			throw CampaignQueries.notFound("campaign.record.action", actionId);
		}
	}

	/**
	 * Records that a unit did a key action on a day, with a note or a file as its
	 * evidence: the unit's own staff, or an inspector whose jurisdiction holds the unit.
	 * Once.
	 */
	public void markDone(long campaignId, long actionId, long unitId, LocalDate doneOn, String note,
			Uploads.Upload evidence, Actor actor) {
		Campaign campaign = this.queries.find(campaignId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.campaign", campaignId));
		String path = CampaignScope
			.bind(this.jdbc.sql("select cu.region_path from campaign_unit cu where cu.campaign_id = :c"
					+ " and cu.unit_id = :u and " + CampaignScope.UNITS), actor)
			.param("c", campaignId)
			.param("u", unitId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.unit", unitId));
		boolean own = !actor.isEnterpriseContact() && Long.valueOf(unitId).equals(actor.unitId());
		boolean inspector = actor.has(Role.INSPECTOR) && actor.oversees(path);
		if (!own && !inspector) {
			throw new NotAllowed(Text.of("campaign.error.mayNotTick"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		Boolean retired = this.jdbc.sql("select retired from campaign_action where id = :a and campaign_id = :c")
			.param("a", actionId)
			.param("c", campaignId)
			.query(Boolean.class)
			.optional()
			.orElse(null);
		if (retired == null || retired) {
			errors.put("actionId", Text.of("campaign.error.action"));
		}
		if (doneOn == null) {
			errors.put("doneOn", Text.of("error.field.required", "doneOn"));
		}
		else if (doneOn.isAfter(this.queries.today())) {
			errors.put("doneOn", Text.of("campaign.error.future"));
		}
		else if (doneOn.isBefore(campaign.startsOn())) {
			errors.put("doneOn", Text.of("campaign.error.beforeStart", campaign.startsOn()));
		}
		text(errors, "note", note, 2000, false);
		if ((note == null || note.isBlank()) && evidence == null) {
			errors.put("note", Text.of("campaign.error.evidence"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long already = this.jdbc.sql("select count(*) from campaign_done where action_id = :a and unit_id = :u")
			.param("a", actionId)
			.param("u", unitId)
			.query(Long.class)
			.single();
		if (already > 0) {
			throw new NotAllowed(Text.of("campaign.error.alreadyDone"));
		}
		this.jdbc.sql("""
				insert into campaign_done (action_id, unit_id, done_on, note, filename, content_type, content,
				    recorded_by, recorded_at)
				values (:a, :u, :d, :n, :f, :t, :b, :by, :at)""")
			.param("a", actionId)
			.param("u", unitId)
			.param("d", doneOn)
			.param("n", note == null || note.isBlank() ? null : note.strip())
			.param("f", evidence == null ? null : evidence.filename())
			.param("t", evidence == null ? null : evidence.type().mediaType())
			.param("b", evidence == null ? null : evidence.content())
			.param("by", actor.personId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Urges every unit of the inspector's jurisdiction behind on the campaign's
	 * checklist, on the case engine, grouped: one rectification item per unit and
	 * campaign listing its overdue key actions, filed the first time; while it is open,
	 * urged again (the engine's URGE, which tells the unit), at most once a day; once it
	 * is closed and the unit lags again, a new item.
	 */
	public Urged urge(long campaignId, Actor actor) {
		Campaign campaign = this.queries.find(campaignId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.campaign", campaignId));
		if (!actor.has(Role.INSPECTOR) || actor.isEnterpriseContact()) {
			throw new NotAllowed(Text.of("campaign.error.mayNotUrge"));
		}
		LocalDate today = this.queries.today();
		int filed = 0;
		int urged = 0;
		int unchanged = 0;
		for (Lagging unit : this.queries.lagging(campaignId, actor)) {
			Optional<Region> region = this.regions.find(unit.regionCode());
			if (region.isEmpty() || !actor.oversees(region.get().path())) {
				continue;
			}
			record Urging(long caseId, LocalDate urgedOn) {
			}
			Optional<Urging> previous = this.jdbc
				.sql("select case_id, urged_on from campaign_urging where campaign_id = :c and unit_id = :u")
				.param("c", campaignId)
				.param("u", unit.unitId())
				.query((rs, i) -> new Urging(rs.getLong(1), rs.getObject(2, LocalDate.class)))
				.optional();
			String body = Texts.resolve(Text.of("campaign.urging.body", unit.unitName(), campaign.title(),
					unit.overdue(), String.join(", ", unit.actions())), java.util.Locale.SIMPLIFIED_CHINESE);
			if (previous.isPresent()) {
				if (!previous.get().urgedOn().isBefore(today)) {
					unchanged++;
					continue;
				}
				Case kase = this.cases.find(previous.get().caseId(), actor);
				if (this.cases.allowedActions(kase, actor).contains(CaseAction.URGE)) {
					this.cases.perform(kase.getId(), kase.getVersion(), CaseAction.URGE, StepInput.note(body), actor);
					this.jdbc.sql("""
							update campaign_urging set urged_on = :d, times = times + 1
							where campaign_id = :c and unit_id = :u""")
						.param("d", today)
						.param("c", campaignId)
						.param("u", unit.unitId())
						.update();
					urged++;
					continue;
				}
				if (kase.getState() != CaseState.CLOSED) {
					unchanged++;
					continue;
				}
			}
			Case kase = this.cases.fileRectification(new Rectification(
					Texts.resolve(Text.of("campaign.urging.title", campaign.title()),
							java.util.Locale.SIMPLIFIED_CHINESE),
					body, unit.unitId(), today.plusDays(CATCH_UP_DAYS), List.of()), actor);
			if (previous.isPresent()) {
				this.jdbc.sql("""
						update campaign_urging set case_id = :k, urged_on = :d, times = times + 1
						where campaign_id = :c and unit_id = :u""")
					.param("k", kase.getId())
					.param("d", today)
					.param("c", campaignId)
					.param("u", unit.unitId())
					.update();
			}
			else {
				this.jdbc.sql("""
						insert into campaign_urging (campaign_id, unit_id, case_id, urged_on, times)
						values (:c, :u, :k, :d, 1)""")
					.param("c", campaignId)
					.param("u", unit.unitId())
					.param("k", kase.getId())
					.param("d", today)
					.update();
			}
			filed++;
		}
		return new Urged(filed, urged, unchanged);
	}

	/** The urging case of a unit in a campaign, if one was filed. */
	public Optional<Long> urgingCase(long campaignId, long unitId) {
		return this.jdbc.sql("select case_id from campaign_urging where campaign_id = :c and unit_id = :u")
			.param("c", campaignId)
			.param("u", unitId)
			.query(Long.class)
			.optional();
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

	private Campaign managed(long campaignId, Actor actor) {
		Campaign campaign = this.queries.find(campaignId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.campaign", campaignId));
		if (!this.queries.manages(campaignId, actor)) {
			throw new NotAllowed(Text.of("campaign.error.mayNotManage"));
		}
		return campaign;
	}

	private void managedMeeting(long meetingId, Actor actor) {
		this.queries.findMeeting(meetingId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.meeting", meetingId));
		if (!actor.has(Role.INSPECTOR)) {
			throw new NotAllowed(Text.of("campaign.error.mayNotMeet"));
		}
	}

	private static void period(Map<String, Text> errors, LocalDate starts, LocalDate ends) {
		if (starts == null) {
			errors.put("startsOn", Text.of("error.field.required", "startsOn"));
		}
		if (ends == null) {
			errors.put("endsOn", Text.of("error.field.required", "endsOn"));
		}
		else if (starts != null && ends.isBefore(starts)) {
			errors.put("endsOn", Text.of("campaign.error.period"));
		}
	}

	private static void due(Map<String, Text> errors, String field, LocalDate dueOn, LocalDate startsOn) {
		if (dueOn != null && startsOn != null && dueOn.isBefore(startsOn)) {
			errors.put(field, Text.of("campaign.error.dueBeforeStart", startsOn));
		}
	}

	private static void text(Map<String, Text> errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, Text.of("error.field.required", field));
			}
		}
		else if (value.length() > max) {
			errors.put(field, Text.of("error.field.tooLong", field, max));
		}
	}

}
