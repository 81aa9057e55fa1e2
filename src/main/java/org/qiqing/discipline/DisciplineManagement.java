package org.qiqing.discipline;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Rectification;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up special actions, records inspections and their findings, issues them, turns a
 * finding (or a unit's own problem, 查摆) into a rectification item on the case engine and
 * registers accountability decisions. Each in one transaction; each refuses what the
 * person may not do.
 */
@Service
@Transactional
public class DisciplineManagement {

	private final JdbcClient jdbc;

	private final DisciplineQueries queries;

	private final DisciplineScope scope;

	private final CaseManagement cases;

	private final Units units;

	private final Regions regions;

	private final People people;

	private final Clock clock;

	private final DisciplineTally tally;

	private final AuditLog audit;

	private final InspectionNotes notes;

	DisciplineManagement(JdbcClient jdbc, DisciplineQueries queries, DisciplineScope scope, CaseManagement cases,
			Units units, Regions regions, People people, Clock clock, DisciplineTally tally, AuditLog audit,
			InspectionNotes notes) {
		this.audit = audit;
		this.notes = notes;
		this.jdbc = jdbc;
		this.queries = queries;
		this.scope = scope;
		this.cases = cases;
		this.units = units;
		this.regions = regions;
		this.people = people;
		this.clock = clock;
		this.tally = tally;
	}

	/**
	 * Sets up a special action: an inspector, for an organiser unit of his jurisdiction.
	 */
	public long createAction(NewAction action, Actor actor) {
		if (!actor.has(Role.INSPECTOR)) {
			throw new NotAllowed(Text.of("discipline.error.mayNotOrganise"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "theme", action.theme(), 200, true);
		Unit organiser = action.organiserUnitId() == null ? null
				: this.units.findById(action.organiserUnitId()).orElse(null);
		if (organiser == null) {
			errors.put("organiserUnitId", Text.of("discipline.error.unit"));
		}
		if (action.startsOn() == null) {
			errors.put("startsOn", Text.of("error.field.required", "startsOn"));
		}
		if (action.endsOn() == null) {
			errors.put("endsOn", Text.of("error.field.required", "endsOn"));
		}
		else if (action.startsOn() != null && action.endsOn().isBefore(action.startsOn())) {
			errors.put("endsOn", Text.of("discipline.error.period"));
		}
		if (action.checkpoints().isEmpty()) {
			errors.put("checkpoints", Text.of("discipline.error.checklist"));
		}
		for (String point : action.checkpoints()) {
			text(errors, "checkpoints", point, 500, true);
		}
		if (action.checkpoints().size() > 100) {
			errors.put("checkpoints", Text.of("error.field.tooLong", "checkpoints", 100));
		}
		if (action.groups().isEmpty()) {
			errors.put("groups", Text.of("discipline.error.groups"));
		}
		for (NewAction.Group group : action.groups()) {
			text(errors, "groups", group.name(), 100, true);
			if (group.leaderId() == null || official(group.leaderId()).isEmpty()) {
				errors.put("groups", Text.of("discipline.error.person"));
			}
			for (Long member : group.memberIds()) {
				if (member == null || official(member).isEmpty()) {
					errors.put("groups", Text.of("discipline.error.person"));
				}
			}
		}
		for (String code : action.regionCodes()) {
			if (code == null || this.regions.find(code).isEmpty()) {
				errors.put("regionCodes", Text.of("discipline.error.region"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(organiser.getRegionCode()).orElseThrow();
		if (!DisciplineScope.overseesForDiscipline(actor, region.path())) {
			throw new NotAllowed(Text.of("discipline.error.mayNotOrganise"));
		}
		for (String code : action.regionCodes()) {
			if (!actor.oversees(this.regions.find(code).orElseThrow().path())) {
				throw new InvalidInput("regionCodes", Text.of("discipline.error.region"));
			}
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into special_action (theme, organiser_unit_id, region_code, region_path, coverage_path, starts_on,
					    ends_on, unit_kinds, created_by, created_at)
					values (:theme, :organiser, :code, :path, :coverage, :starts, :ends, :kinds, :by, :at)""")
			.param("theme", action.theme().strip())
			.param("organiser", organiser.getId())
			.param("code", region.code())
			.param("path", region.path())
			.param("coverage", coverage(action.regionCodes().isEmpty() ? List.of(region.path())
					: action.regionCodes().stream().map(code -> this.regions.find(code).orElseThrow().path()).toList()))
			.param("starts", action.startsOn())
			.param("ends", action.endsOn())
			.param("kinds", String.join(",", action.unitKinds().stream().map(UnitKind::name).toList()))
			.param("by", actor.personId())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		this.tally.actionCreated(id);
		for (String code : new java.util.LinkedHashSet<>(action.regionCodes())) {
			this.jdbc.sql("insert into action_region (action_id, region_code) values (:a, :c)")
				.param("a", id)
				.param("c", code)
				.update();
		}
		int position = 1;
		for (String point : action.checkpoints()) {
			this.jdbc.sql("insert into action_checkpoint (action_id, position, text) values (:a, :p, :t)")
				.param("a", id)
				.param("p", position++)
				.param("t", point.strip())
				.update();
		}
		for (NewAction.Group group : action.groups()) {
			KeyHolder groupKey = new GeneratedKeyHolder();
			this.jdbc.sql("insert into supervision_group (action_id, name, leader_id) values (:a, :n, :l)")
				.param("a", id)
				.param("n", group.name().strip())
				.param("l", group.leaderId())
				.update(groupKey, "id");
			seat(groupKey.getKey().longValue(), group.leaderId(), group.memberIds());
		}
		return id;
	}

	/**
	 * Changes a supervision group once its action is set up: its name, leader and members
	 * (the leader is a member too), by an inspector whose jurisdiction holds the action's
	 * organiser, at the version he read; an edit made on a stale reading is refused
	 * ({@link StaleVersion}) and changes nothing. The change is kept in the group's
	 * history and the audit log, and the action's rectification items are verified from
	 * now on by its groups' members as they are now.
	 * @return the group's new version
	 */
	public int changeGroup(long groupId, int expectedVersion, NewAction.Group group, Actor actor) {
		Long actionId = this.jdbc.sql("select action_id from supervision_group where id = :id")
			.param("id", groupId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DisciplineQueries.notFound("discipline.record.group", groupId));
		Views.ActionDetail action;
		try {
			action = this.queries.action(actionId, actor);
		}
		catch (NotFound ex) {
			throw DisciplineQueries.notFound("discipline.record.group", groupId);
		}
		Region region = this.regions.find(action.action().regionCode()).orElseThrow();
		if (!DisciplineScope.overseesForDiscipline(actor, region.path())) {
			throw new NotAllowed(Text.of("discipline.error.mayNotChangeGroup"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		labelled(errors, "name", "discipline.groups", group.name(), 100, true);
		if (group.leaderId() == null || official(group.leaderId()).isEmpty()) {
			errors.put("leaderId", Text.of("discipline.error.person"));
		}
		for (Long member : group.memberIds()) {
			if (member == null || official(member).isEmpty()) {
				errors.put("memberIds", Text.of("discipline.error.person"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Views.Group before = action.groups().stream().filter(g -> g.id() == groupId).findFirst().orElseThrow();
		if (before.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, before.version());
		}
		int changed = this.jdbc.sql("""
				update supervision_group set name = :name, leader_id = :leader, version = version + 1
				where id = :id and version = :version""")
			.param("name", group.name().strip())
			.param("leader", group.leaderId())
			.param("id", groupId)
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleVersion();
		}
		this.jdbc.sql("delete from supervision_group_member where group_id = :g").param("g", groupId).update();
		Set<Long> members = seat(groupId, group.leaderId(), group.memberIds());
		int version = expectedVersion + 1;
		String memberIds = String.join(",", members.stream().map(String::valueOf).toList());
		this.jdbc.sql("""
				insert into supervision_group_change (group_id, version, name, leader_id, member_ids, before_name,
				    before_leader_id, before_member_ids, changed_by, changed_at)
				values (:g, :v, :name, :leader, :members, :bname, :bleader, :bmembers, :by, :at)""")
			.param("g", groupId)
			.param("v", version)
			.param("name", group.name().strip())
			.param("leader", group.leaderId())
			.param("members", memberIds)
			.param("bname", before.name())
			.param("bleader", before.leaderId())
			.param("bmembers",
					String.join(",", before.members().stream().map(m -> String.valueOf(m.personId())).toList()))
			.param("by", actor.personId())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(actor, AuditAction.DISCIPLINE_CHANGED, "supervision_group", groupId,
				"v" + version + ": leader " + group.leaderId() + ", members " + memberIds);
		List<Long> items = this.jdbc.sql("""
				select f.rectification_id from finding f join inspection i on i.id = f.inspection_id
				where i.action_id = :action and f.rectification_id is not null""")
			.param("action", actionId)
			.query(Long.class)
			.list();
		if (!items.isEmpty()) {
			this.cases.nameVerifiers(items, this.scope.verifiersOfAction(actionId));
		}
		return version;
	}

	/**
	 * Records an inspection of a unit by a group of the action: an inspector of the
	 * action's jurisdiction or a member of one of its groups. Sent again with the same
	 * client key, it is recorded once and its first id answered.
	 */
	public long recordInspection(long actionId, NewInspection inspection, Actor actor) {
		return recordInspections(actionId, List.of(inspection), actor).get(0);
	}

	/**
	 * Records several inspections of one action at once (a phone's queue, an import), the
	 * action and its coverage read once; all or none, each as {@link #recordInspection}
	 * would.
	 */
	public List<Long> recordInspections(long actionId, List<NewInspection> inspections, Actor actor) {
		Views.ActionDetail action = this.queries.action(actionId, actor);
		requireDiscipline(actor);
		List<String> covered = covered(action);
		List<Long> ids = new java.util.ArrayList<>();
		for (NewInspection inspection : inspections) {
			ids.add(known(inspection, actor).orElseGet(() -> record(actionId, action, covered, inspection, actor)));
		}
		return ids;
	}

	/**
	 * Records an inspection sent from a phone ({@link DeviceInspections}), which has
	 * looked up its key already: a concurrent send of the same key fails here on the
	 * key's unique index rather than answer the other send's inspection.
	 */
	long recordNewInspection(long actionId, NewInspection inspection, Actor actor) {
		Views.ActionDetail action = this.queries.action(actionId, actor);
		requireDiscipline(actor);
		return record(actionId, action, covered(action), inspection, actor);
	}

	/**
	 * The deepest region path that holds every region an action covers (V55
	 * {@code coverage_path}): every inspection of the action lies under it.
	 */
	static String coverage(List<String> paths) {
		String common = paths.get(0);
		for (String path : paths) {
			while (!path.startsWith(common)) {
				common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
			}
		}
		return common;
	}

	private List<String> covered(Views.ActionDetail action) {
		return (action.regionCodes().isEmpty() ? List.of(action.action().regionCode()) : action.regionCodes()).stream()
			.map(code -> this.regions.find(code).orElseThrow().path())
			.toList();
	}

	private Optional<Long> known(NewInspection inspection, Actor actor) {
		if (inspection.clientKey() == null || inspection.clientKey().isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from inspection where recorded_by = :by and client_key = :key")
			.param("by", actor.personId())
			.param("key", inspection.clientKey())
			.query(Long.class)
			.optional();
	}

	private long record(long actionId, Views.ActionDetail action, List<String> covered, NewInspection inspection,
			Actor actor) {
		Map<String, Text> errors = new LinkedHashMap<>();
		if (inspection.groupId() == null
				|| action.groups().stream().noneMatch(g -> g.id() == inspection.groupId().longValue())) {
			errors.put("groupId", Text.of("discipline.error.group"));
		}
		Unit unit = inspection.unitId() == null ? null : this.units.findById(inspection.unitId()).orElse(null);
		if (unit == null) {
			errors.put("unitId", Text.of("discipline.error.unit"));
		}
		if (inspection.mode() == null) {
			errors.put("mode", Text.of("error.field.required", "mode"));
		}
		if (inspection.inspectedOn() == null) {
			errors.put("inspectedOn", Text.of("error.field.required", "inspectedOn"));
		}
		else if (inspection.inspectedOn().isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			// A planned inspection (明查) may be scheduled ahead, within the action's
			// period; an unannounced one (暗访) is recorded once made.
			if (inspection.mode() != InspectionMode.PLANNED) {
				errors.put("inspectedOn", Text.of("discipline.error.futureUnannounced"));
			}
			else if (inspection.inspectedOn().isAfter(action.action().endsOn())) {
				errors.put("inspectedOn", Text.of("discipline.error.afterAction", action.action().endsOn()));
			}
			else if (!inspection.checks().isEmpty()) {
				errors.put("checks", Text.of("discipline.error.ahead", inspection.inspectedOn()));
			}
		}
		text(errors, "clientKey", inspection.clientKey(), 64, false);
		InspectionNotes.validate(errors, inspection.summary(), inspection.checks(), action.checkpoints().size());
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(unit.getRegionCode()).orElseThrow();
		if (covered.stream().noneMatch(path -> region.path().startsWith(path))) {
			throw new InvalidInput("unitId", Text.of("discipline.error.notCovered"));
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into inspection (action_id, group_id, unit_id, region_path, mode, inspected_on, summary,
				    recorded_by, client_key, created_at)
				values (:a, :g, :u, :path, :mode, :on, :summary, :by, :key, :at)""")
			.param("a", actionId)
			.param("g", inspection.groupId())
			.param("u", unit.getId())
			.param("path", region.path())
			.param("mode", inspection.mode().name())
			.param("on", inspection.inspectedOn())
			.param("summary", blankToNull(inspection.summary()))
			.param("by", actor.personId())
			.param("key", blankToNull(inspection.clientKey()))
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		this.tally.inspectionRecorded(id);
		this.notes.noteAtRecord(id, inspection, action.checkpoints().size(), actor);
		return id;
	}

	/**
	 * Moves a planned inspection scheduled ahead to another day, at the version read: a
	 * group member or an inspector who sees it (as records its findings), before its day
	 * has come and while it has no findings; the new day neither before today nor outside
	 * the action's period. A move made on a stale reading is refused
	 * ({@link StaleVersion}) and changes nothing. Its count in the figures moves with it;
	 * the move is audited.
	 * @return the inspection's new version
	 */
	public int moveInspection(long inspectionId, int expectedVersion, LocalDate day, Actor actor) {
		Views.Inspection inspection = changeable(inspectionId, expectedVersion, actor);
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		// The action's period, whether or not he sees the action itself (an inspector of
		// the unit's county, of a city's action).
		LocalDate[] period = this.queries.actionPeriod(inspection.actionId());
		if (day == null) {
			throw new InvalidInput("inspectedOn", Text.of("error.field.required", Text.of("discipline.inspectedOn")));
		}
		if (day.isBefore(today)) {
			throw new InvalidInput("inspectedOn", Text.of("discipline.error.moveBeforeToday"));
		}
		if (day.isBefore(period[0])) {
			throw new InvalidInput("inspectedOn", Text.of("discipline.error.beforeAction", period[0]));
		}
		if (day.isAfter(period[1])) {
			throw new InvalidInput("inspectedOn", Text.of("discipline.error.afterAction", period[1]));
		}
		List<DisciplineTally.Count> before = this.tally.inspectionCount(inspectionId);
		int changed = this.jdbc.sql("""
				update inspection set moved_from = inspected_on, inspected_on = :day, version = version + 1
				where id = :id and version = :version and cancelled_at is null and inspected_on > :today
				  and not exists (select 1 from finding f where f.inspection_id = inspection.id)""")
			.param("day", day)
			.param("id", inspectionId)
			.param("version", expectedVersion)
			.param("today", today)
			.update();
		if (changed == 0) {
			throw new StaleVersion();
		}
		this.tally.inspectionMoved(before, inspectionId);
		this.jdbc.sql("""
				insert into inspection_move (inspection_id, version, moved_from, moved_to, moved_by, moved_at)
				values (:id, :version, :from, :to, :by, :at)""")
			.param("id", inspectionId)
			.param("version", expectedVersion + 1)
			.param("from", inspection.inspectedOn())
			.param("to", day)
			.param("by", actor.personId())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(actor, AuditAction.DISCIPLINE_CHANGED, "inspection", inspectionId,
				"v" + (expectedVersion + 1) + ": moved from " + inspection.inspectedOn() + " to " + day);
		return expectedVersion + 1;
	}

	/**
	 * Cancels a planned inspection scheduled ahead, with the reason, at the version read:
	 * by whoever may move it, under the same conditions. It stays on record (who, when,
	 * why), takes no findings, is never issued and is no longer counted; the cancellation
	 * is audited.
	 * @return the inspection's new version
	 */
	public int cancelInspection(long inspectionId, int expectedVersion, String reason, Actor actor) {
		changeable(inspectionId, expectedVersion, actor);
		Map<String, Text> errors = new LinkedHashMap<>();
		labelled(errors, "reason", "discipline.cancel.reason", reason, 500, true);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int changed = this.jdbc.sql("""
				update inspection set cancelled_at = :at, cancelled_by = :by, cancel_reason = :reason,
				       version = version + 1
				where id = :id and version = :version and cancelled_at is null and inspected_on > :today
				  and not exists (select 1 from finding f where f.inspection_id = inspection.id)""")
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", actor.personId())
			.param("reason", reason.strip())
			.param("id", inspectionId)
			.param("version", expectedVersion)
			.param("today", LocalDate.now(this.clock.withZone(CHINA)))
			.update();
		if (changed == 0) {
			throw new StaleVersion();
		}
		this.tally.inspectionCancelled(inspectionId);
		this.audit.record(actor, AuditAction.DISCIPLINE_CHANGED, "inspection", inspectionId,
				"v" + (expectedVersion + 1) + ": cancelled: " + reason.strip());
		return expectedVersion + 1;
	}

	/**
	 * An inspection one may move or cancel: one he sees (else 404), a discipline role
	 * (else 403); not cancelled, its day not come, without findings (else 409); read at
	 * the version named (else 412).
	 */
	private Views.Inspection changeable(long inspectionId, int expectedVersion, Actor actor) {
		Views.Inspection inspection = this.queries.inspection(inspectionId, actor);
		requireDiscipline(actor);
		if (inspection.cancelled()) {
			throw new NotAllowed(Text.of("discipline.error.cancelled"));
		}
		if (!inspection.inspectedOn().isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw new NotAllowed(Text.of("discipline.error.dayCome", inspection.inspectedOn()));
		}
		if (inspection.findings() > 0 || inspection.issuedAt() != null) {
			throw new NotAllowed(Text.of("discipline.error.hasFindings"));
		}
		if (inspection.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, inspection.version());
		}
		return inspection;
	}

	/**
	 * An inspection planned ahead has no findings and issues none until its day has come;
	 * a cancelled one never.
	 */
	private void requireHeld(Views.Inspection inspection) {
		if (inspection.cancelled()) {
			throw new NotAllowed(Text.of("discipline.error.cancelled"));
		}
		if (inspection.inspectedOn().isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			throw new NotAllowed(Text.of("discipline.error.notYet", inspection.inspectedOn()));
		}
	}

	/**
	 * Records a finding of an inspection, with its evidence; not once the inspection's
	 * findings are issued, nor before its day.
	 */
	public long recordFinding(long inspectionId, NewFinding finding, List<Evidence> evidence, Actor actor) {
		Views.Inspection inspection = this.queries.inspection(inspectionId, actor);
		requireDiscipline(actor);
		if (inspection.issuedAt() != null) {
			throw new NotAllowed(Text.of("discipline.error.issued"));
		}
		requireHeld(inspection);
		Map<String, Text> errors = new LinkedHashMap<>();
		if (finding.kindId() == null || this.queries.kind(finding.kindId()).filter(k -> !k.retired()).isEmpty()) {
			errors.put("kindId", Text.of("discipline.error.kind"));
		}
		Long unitId = finding.unitId() == null ? inspection.unitId() : finding.unitId();
		Unit unit = this.units.findById(unitId).orElse(null);
		if (unit == null) {
			errors.put("unitId", Text.of("discipline.error.unit"));
		}
		text(errors, "what", finding.what(), 2000, true);
		text(errors, "place", finding.place(), 300, false);
		text(errors, "people", finding.people(), 500, false);
		if (evidence.size() > 10) {
			errors.put("evidence", Text.of("error.field.tooLong", "evidence", 10));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(unit.getRegionCode()).orElseThrow();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into finding (inspection_id, unit_id, region_path, kind_id, what, place, people, created_at)
				values (:i, :u, :path, :kind, :what, :place, :people, :at)""")
			.param("i", inspectionId)
			.param("u", unit.getId())
			.param("path", region.path())
			.param("kind", finding.kindId())
			.param("what", finding.what().strip())
			.param("place", blankToNull(finding.place()))
			.param("people", blankToNull(finding.people()))
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		this.tally.findingRecorded(id);
		for (Evidence file : evidence) {
			this.jdbc.sql("""
					insert into finding_evidence (finding_id, filename, content_type, size_bytes, content)
					values (:f, :name, :type, :size, :content)""")
				.param("f", id)
				.param("name", file.filename())
				.param("type", file.contentType())
				.param("size", file.content().length)
				.param("content", file.content())
				.update();
		}
		return id;
	}

	/**
	 * Issues an inspection's findings to the unit (an unannounced inspection becomes
	 * known to it now) and, when asked by an inspector or a member of the action's
	 * groups, files each finding as a rectification item due on {@code dueDate}, for the
	 * groups' members to verify ({@link DisciplineScope#verifiersOfInspection}).
	 */
	public List<Long> issueFindings(long inspectionId, LocalDate dueDate, Actor actor) {
		Views.Inspection inspection = this.queries.inspection(inspectionId, actor);
		requireDiscipline(actor);
		if (inspection.issuedAt() != null) {
			throw new NotAllowed(Text.of("discipline.error.issued"));
		}
		requireHeld(inspection);
		int issued = this.jdbc.sql("update inspection set issued_at = :at where id = :id and issued_at is null")
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("id", inspectionId)
			.update();
		if (issued == 1) {
			this.tally.inspectionIssued(inspectionId);
		}
		List<Long> items = new java.util.ArrayList<>();
		if (dueDate != null) {
			for (Views.Finding finding : this.queries.findingsOf(inspectionId, actor)) {
				items.add(rectify(finding, dueDate, actor));
			}
		}
		return items;
	}

	/** Files an issued finding as a rectification item of its unit, due on a date. */
	public long rectifyFinding(long findingId, LocalDate dueDate, Actor actor) {
		Views.Finding finding = this.queries.finding(findingId, actor);
		requireDiscipline(actor);
		if (finding.issuedAt() == null) {
			throw new NotAllowed(Text.of("discipline.error.notIssued"));
		}
		if (finding.rectificationId() != null) {
			throw new NotAllowed(Text.of("discipline.error.rectified"));
		}
		return rectify(finding, dueDate, actor);
	}

	private long rectify(Views.Finding finding, LocalDate dueDate, Actor actor) {
		List<NewAttachment> files = this.queries.evidenceContents(finding.id());
		String kind = this.queries.kind(finding.kindId()).map(ProblemKind::name).orElse("");
		String title = ("【" + kind + "】" + finding.what()).strip();
		Case item = this.cases
			.fileRectification(new Rectification(title.length() > 200 ? title.substring(0, 200) : title,
					finding.what() + (finding.place() == null ? "" : "\n" + finding.place()), finding.unitId(), dueDate,
					files, this.scope.verifiersOfInspection(finding.inspectionId())), actor);
		this.jdbc.sql("update finding set rectification_id = :case where id = :id")
			.param("case", item.getId())
			.param("id", finding.id())
			.update();
		return item.getId();
	}

	/**
	 * Files a problem a unit found in itself (查摆) as a rectification item of its own.
	 */
	public long selfExamination(String title, String description, LocalDate dueDate, Actor actor) {
		if (!actor.has(Role.HANDLER) || actor.unitId() == null) {
			throw new NotAllowed(Text.of("discipline.error.ownUnitOnly"));
		}
		long id = this.cases
			.fileRectification(new Rectification(title, description, actor.unitId(), dueDate, null), actor)
			.getId();
		this.jdbc.sql("insert into self_examination (case_id, unit_id, created_at) values (:case, :unit, :at)")
			.param("case", id)
			.param("unit", actor.unitId())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

	/**
	 * Registers an accountability decision, by an inspector whose jurisdiction holds the
	 * unit, for a cause he may see.
	 */
	public long recordAccountability(NewAccountability decision, Evidence document, Actor actor) {
		Map<String, Text> errors = new LinkedHashMap<>();
		if (decision.causeType() == null || decision.causeId() == null) {
			errors.put("causeId", Text.of("error.field.required", Text.of("discipline.cause")));
		}
		if (decision.subject() == null) {
			errors.put("subject", Text.of("error.field.required", Text.of("discipline.subject")));
		}
		if (decision.form() == null) {
			errors.put("form", Text.of("error.field.required", Text.of("discipline.form")));
		}
		else if (decision.subject() != null && !decision.form().appliesTo(decision.subject())) {
			errors.put("form", Text.of("discipline.error.form"));
		}
		if (decision.subject() == Subject.PERSON) {
			labelled(errors, "personName", "discipline.person", decision.personName(), 100, true);
		}
		Unit unit = decision.unitId() == null ? null : this.units.findById(decision.unitId()).orElse(null);
		if (unit == null) {
			errors.put("unitId", Text.of("discipline.error.unit"));
		}
		labelled(errors, "decidedBy", "discipline.decidedBy", decision.decidedBy(), 200, true);
		labelled(errors, "documentNumber", "discipline.documentNumber", decision.documentNumber(), 100, true);
		if (decision.decidedOn() == null) {
			errors.put("decidedOn", Text.of("error.field.required", Text.of("discipline.decidedOn")));
		}
		else if (decision.decidedOn().isAfter(LocalDate.now(this.clock.withZone(CHINA)))) {
			errors.put("decidedOn", Text.of("discipline.error.future"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(unit.getRegionCode()).orElseThrow();
		if (!DisciplineScope.overseesForDiscipline(actor, region.path())) {
			throw new NotAllowed(Text.of("discipline.error.mayNotDecide"));
		}
		switch (decision.causeType()) {
			case FINDING -> this.queries.finding(decision.causeId(), actor);
			case CASE -> this.cases.find(decision.causeId(), actor);
			default -> {
				// assessment results and tips are not yet on the platform: their number
				// is recorded as given
			}
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into accountability (cause_type, cause_id, subject, person_name, unit_id, region_path, form,
					    decided_by, decided_on, document_number, document_name, document_type, document, recorded_by, created_at)
					values (:ct, :ci, :subject, :person, :unit, :path, :form, :by, :on, :number, :dname, :dtype, :doc, :rec, :at)""")
			.param("ct", decision.causeType().name())
			.param("ci", decision.causeId())
			.param("subject", decision.subject().name())
			.param("person", decision.subject() == Subject.PERSON ? decision.personName().strip() : null)
			.param("unit", unit.getId())
			.param("path", region.path())
			.param("form", decision.form().name())
			.param("by", decision.decidedBy().strip())
			.param("on", decision.decidedOn())
			.param("number", decision.documentNumber().strip())
			.param("dname", document == null ? null : document.filename())
			.param("dtype", document == null ? null : document.contentType())
			.param("doc", document == null ? null : document.content())
			.param("rec", actor.personId())
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKey().longValue();
		this.tally.decisionRecorded(id);
		this.audit.record(actor, AuditAction.DISCIPLINE_CHANGED, "accountability", id,
				decision.causeType() + " " + decision.causeId() + ": " + decision.subject() + " " + decision.form());
		return id;
	}

	/** Adds a kind of problem: an administrator. */
	public long addKind(String family, String code, String name, String nameEn, Actor actor) {
		requireAdmin(actor);
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "family", family, 20, true);
		text(errors, "code", code, 40, true);
		text(errors, "name", name, 100, true);
		text(errors, "nameEn", nameEn, 100, false);
		if (code != null && this.queries.kinds().stream().anyMatch(k -> k.code().equals(code.strip()))) {
			errors.put("code", Text.of("discipline.error.kindCode"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into problem_kind (family, code, name, name_en, position)
				values (:f, :c, :n, :e, (select coalesce(max(position), 0) + 1 from problem_kind))""")
			.param("f", family.strip())
			.param("c", code.strip())
			.param("n", name.strip())
			.param("e", blankToNull(nameEn))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Renames a kind of problem, or retires or restores it: an administrator. */
	public void changeKind(long id, String name, String nameEn, boolean retired, Actor actor) {
		requireAdmin(actor);
		this.queries.kind(id).orElseThrow(() -> new NotFound(Text.of("discipline.error.kind")));
		Map<String, Text> errors = new LinkedHashMap<>();
		text(errors, "name", name, 100, true);
		text(errors, "nameEn", nameEn, 100, false);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		this.jdbc.sql("update problem_kind set name = :n, name_en = :e, retired = :r where id = :id")
			.param("n", name.strip())
			.param("e", blankToNull(nameEn))
			.param("r", retired)
			.param("id", id)
			.update();
	}

	private void requireAdmin(Actor actor) {
		if (!actor.has(Role.ADMIN) || !actor.overseesTopRegion()) {
			throw new AccessDeniedException("administrators of the city only");
		}
	}

	private void requireDiscipline(Actor actor) {
		if (!this.scope.isDiscipline(actor)) {
			throw new AccessDeniedException("discipline roles only");
		}
	}

	private Optional<Person> official(long personId) {
		return this.people.findById(personId).filter(p -> p.getUnitId() != null);
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

	/** As {@link #text}, the field named in the reader's words by its label's key. */
	private static void labelled(Map<String, Text> errors, String field, String label, String value, int max,
			boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, Text.of("error.field.required", Text.of(label)));
			}
		}
		else if (value.length() > max) {
			errors.put(field, Text.of("error.field.tooLong", Text.of(label), max));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Seats a group's leader and members, each with the unit he is in now.
	 * @return who was seated, the leader first
	 */
	private Set<Long> seat(long groupId, long leaderId, List<Long> memberIds) {
		Set<Long> members = new java.util.LinkedHashSet<>();
		members.add(leaderId);
		members.addAll(memberIds);
		for (Long member : members) {
			this.jdbc.sql("insert into supervision_group_member (group_id, person_id, unit_id) values (:g, :p, :u)")
				.param("g", groupId)
				.param("p", member)
				.param("u", official(member).orElseThrow().getUnitId())
				.update();
		}
		return members;
	}

}
