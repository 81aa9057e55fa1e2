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
import org.qiqing.campaign.CampaignViews.Urged;
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
import org.qiqing.platform.Uploads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import static org.qiqing.campaign.FieldChecks.text;

/**
 * Sets up campaigns and their key actions, records a unit's key action done and urges the
 * units behind on the case engine ({@link CampaignUrging}). The meetings are
 * {@link MeetingManagement}'s. Each in one transaction; each refuses what the person may
 * not do.
 */
@Service
@Transactional
public class CampaignManagement {

	/** The largest evidence file of a key action. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	static final Set<FileType> EVIDENCE = Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF);

	private final JdbcClient jdbc;

	private final CampaignQueries queries;

	private final CampaignUrging urging;

	private final Units units;

	private final Regions regions;

	private final Uploads uploads;

	private final Clock clock;

	CampaignManagement(JdbcClient jdbc, CampaignQueries queries, CampaignUrging urging, Units units, Regions regions,
			Uploads uploads, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.urging = urging;
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
	 * checklist: {@link CampaignUrging}.
	 */
	public Urged urge(long campaignId, Actor actor) {
		return this.urging.urge(campaignId, actor);
	}

	/** The urging case of a unit in a campaign, if one was filed. */
	public Optional<Long> urgingCase(long campaignId, long unitId) {
		return this.urging.urgingCase(campaignId, unitId);
	}

	private Campaign managed(long campaignId, Actor actor) {
		Campaign campaign = this.queries.find(campaignId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.campaign", campaignId));
		if (!this.queries.manages(campaignId, actor)) {
			throw new NotAllowed(Text.of("campaign.error.mayNotManage"));
		}
		return campaign;
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

}
