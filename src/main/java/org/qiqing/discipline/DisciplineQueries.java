package org.qiqing.discipline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.qiqing.casework.NewAttachment;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.UnitDirectory;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Paging;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's reads, each within {@link DisciplineScope}: a record one may not see is
 * not found (404), so a foreign id reveals nothing.
 */
@Service
@Transactional(readOnly = true)
public class DisciplineQueries {

	private static final int LEDGER_WINDOW = 1000;

	private static final String ACTION_COLUMNS = """
			a.id, a.theme, a.organiser_unit_id, a.region_code, a.starts_on, a.ends_on, a.unit_kinds,
			(select count(*) from inspection ci where ci.action_id = a.id and ci.inspected_on <= :today
			    and ci.cancelled_at is null) as inspections,
			(select count(*) from finding cf join inspection cfi on cfi.id = cf.inspection_id where cfi.action_id = a.id) as findings""";

	private static final String INSPECTION_COLUMNS = """
			i.id, i.action_id, a.theme, i.group_id, i.unit_id, i.mode, i.inspected_on, i.summary, i.issued_at,
			(select count(*) from finding cf where cf.inspection_id = i.id) as findings, i.version, i.moved_from,
			i.cancelled_at, i.cancelled_by, i.cancel_reason, i.checked_at""";

	private static final String FINDING_COLUMNS = """
			f.id, f.inspection_id, f.unit_id, f.kind_id, k.code as kind_code, f.what, f.place, f.people,
			f.rectification_id, i.inspected_on, i.issued_at""";

	private final JdbcClient jdbc;

	/** Reads a long list as a cursor, a window of rows at a time (the ledger). */
	private final JdbcClient streaming;

	/**
	 * Plans each statement for its values (see {@link #actions}), without the
	 * {@code set local} and its round trip that
	 * {@link QueryPlans#customForThisTransaction} takes.
	 */
	private final JdbcClient planned;

	private final DisciplineScope scope;

	private final UnitDirectory unitDirectory;

	private final People people;

	private final Regions regions;

	/**
	 * Today, for what counts as made: an inspection scheduled ahead or cancelled does
	 * not.
	 */
	private final Clock clock;

	DisciplineQueries(JdbcClient jdbc, JdbcTemplate template, DisciplineScope scope, UnitDirectory unitDirectory,
			People people, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		JdbcTemplate cursor = new JdbcTemplate(template.getDataSource());
		cursor.setFetchSize(LEDGER_WINDOW);
		this.streaming = JdbcClient.create(cursor);
		this.planned = QueryPlans.customPlans(template.getDataSource());
		this.scope = scope;
		this.unitDirectory = unitDirectory;
		this.people = people;
		this.regions = regions;
	}

	public List<ProblemKind> kinds() {
		return this.jdbc
			.sql("select id, family, code, name, name_en, position, retired from problem_kind order by position, id")
			.query((rs, n) -> new ProblemKind(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getBoolean(7)))
			.list();
	}

	public Optional<ProblemKind> kind(long id) {
		return kinds().stream().filter(k -> k.id() == id).findFirst();
	}

	/** The special actions one sees, latest first. */
	public List<Views.Action> actions(DisciplineFilter filter, Paging paging, Actor actor) {
		return actions(filter, paging.offset(), paging.size(), actor);
	}

	/**
	 * The special actions one sees, latest first, {@code limit} after the first
	 * {@code offset}.
	 */
	public List<Views.Action> actions(DisciplineFilter filter, long offset, int limit, Actor actor) {
		Narrowed n = narrow(filter, actor);
		// Planned for its values: the newest of a large jurisdiction are read by day
		// (special_action_day), a unit's few found by its own conditions.
		StatementSpec sql = this.planned.sql("select " + ACTION_COLUMNS + " from special_action a where "
				+ DisciplineScope.ACTIONS + periodOf("a.starts_on", filter) + organiserOf("a", filter)
				+ " order by a.starts_on desc, a.id desc limit :limit offset :offset");
		List<Row> rows = params(bind(sql, n), filter).param("limit", limit)
			.param("offset", offset)
			.param("today", today())
			.query((rs, i) -> Row.of(rs))
			.list();
		Map<Long, String> names = unitNames(rows.stream().map(r -> r.l("organiser_unit_id")).toList());
		return rows.stream().map(r -> action(r, names)).toList();
	}

	/** One action with its regions, checklist and groups. */
	public Views.ActionDetail action(long id, Actor actor) {
		Row row = bind(this.jdbc
			.sql("select " + ACTION_COLUMNS + " from special_action a where a.id = :id and " + DisciplineScope.ACTIONS),
				new Narrowed(actor, actor.personId()))
			.param("id", id)
			.param("today", today())
			.query((rs, i) -> Row.of(rs))
			.optional()
			.orElseThrow(() -> notFound("discipline.record.action", id));
		Views.Action action = action(row, unitNames(List.of(row.l("organiser_unit_id"))));
		List<String> regionCodes = this.jdbc
			.sql("select region_code from action_region where action_id = :id order by region_code")
			.param("id", id)
			.query(String.class)
			.list();
		List<Views.Checkpoint> points = checkpoints(id);
		List<Row> groups = this.jdbc
			.sql("select id, name, leader_id, version from supervision_group where action_id = :id order by id")
			.param("id", id)
			.query((rs, i) -> Row.of(rs))
			.list();
		List<Row> members = this.jdbc
			.sql("""
					select m.group_id, m.person_id, m.unit_id from supervision_group_member m
					join supervision_group g on g.id = m.group_id where g.action_id = :id order by m.group_id, m.person_id""")
			.param("id", id)
			.query((rs, i) -> Row.of(rs))
			.list();
		Map<Long, String> personNames = personNames(members.stream().map(m -> m.l("person_id")).toList());
		Map<Long, String> memberUnits = unitNames(members.stream().map(m -> m.l("unit_id")).toList());
		List<Views.Group> views = groups.stream()
			.map(g -> new Views.Group(g.l("id"), g.s("name"), g.l("leader_id"),
					personNames.getOrDefault(g.l("leader_id"), ""),
					members.stream()
						.filter(m -> m.l("group_id") == g.l("id"))
						.map(m -> new Views.Member(m.l("person_id"), personNames.getOrDefault(m.l("person_id"), ""),
								m.l("unit_id"), memberUnits.getOrDefault(m.l("unit_id"), "")))
						.toList(),
					(int) g.l("version")))
			.toList();
		return new Views.ActionDetail(action, regionCodes, points, views);
	}

	/**
	 * The person's own inspection work (督查): the actions running on a day whose groups he
	 * is a member of, each with his group's inspections so far and those whose findings
	 * are not yet issued; latest ending last, at most {@code limit} (a city's inspector
	 * may be in thousands of groups: his card shows the first, the actions list the
	 * rest).
	 */
	public List<Views.MyAction> myActions(java.time.LocalDate today, Actor actor, int limit) {
		return this.jdbc.sql("""
				select a.id, a.theme, a.starts_on, a.ends_on, g.id as group_id, g.name,
				       (select count(*) from inspection i where i.group_id = g.id and i.inspected_on <= :today
				            and i.cancelled_at is null) as inspections,
				       (select count(*) from inspection i where i.group_id = g.id and i.issued_at is null
				            and i.inspected_on <= :today and i.cancelled_at is null) as not_issued
				from supervision_group_member m
				join supervision_group g on g.id = m.group_id
				join special_action a on a.id = g.action_id
				where m.person_id = :me and a.starts_on <= :today and a.ends_on >= :today
				order by a.ends_on, a.id, g.id
				limit :limit""")
			.param("me", actor.personId())
			.param("today", today)
			.param("limit", limit)
			.query((rs, i) -> new Views.MyAction(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	/**
	 * The inspections of the person's groups whose findings wait to be issued, oldest
	 * first (at most 50); those planned ahead once their day has come.
	 */
	public List<Views.Inspection> toIssue(java.time.LocalDate today, Actor actor) {
		return ofMyGroups(
				"i.issued_at is null and i.inspected_on <= :today and i.cancelled_at is null order by i.inspected_on, i.id",
				today, actor);
	}

	/**
	 * The planned inspections (明查) of the person's groups scheduled after today, the
	 * nearest first (at most 50).
	 */
	public List<Views.Inspection> plannedAhead(java.time.LocalDate today, Actor actor) {
		return ofMyGroups("i.inspected_on > :today and i.cancelled_at is null order by i.inspected_on, i.id", today,
				actor);
	}

	/**
	 * The planned inspections of the person's groups set for today with nothing noted
	 * yet: what his phone offers to record first.
	 */
	public List<Views.Inspection> toFillInToday(java.time.LocalDate today, Actor actor) {
		return ofMyGroups("""
				i.inspected_on = :today and i.mode = 'PLANNED' and i.checked_at is null and i.cancelled_at is null
				and i.issued_at is null order by i.id""", today, actor);
	}

	private List<Views.Inspection> ofMyGroups(String condition, java.time.LocalDate today, Actor actor) {
		if (!this.scope.isDiscipline(actor)) {
			return List.of();
		}
		StatementSpec sql = this.jdbc.sql("select " + INSPECTION_COLUMNS
				+ " from inspection i join special_action a on a.id = i.action_id where"
				+ " exists (select 1 from supervision_group_member gm where gm.group_id = i.group_id and gm.person_id = :me)"
				+ " and " + condition + " limit 50");
		return inspectionList(
				sql.param("me", actor.personId()).param("today", today).query((rs, i) -> Row.of(rs)).list());
	}

	/**
	 * An action's checklist, for whoever may note an inspection of it (an inspector of
	 * the unit's county sees a city's action's inspections, not the action).
	 */
	public List<Views.Checkpoint> checkpoints(long actionId) {
		return this.jdbc.sql("select position, text from action_checkpoint where action_id = :id order by position")
			.param("id", actionId)
			.query((rs, i) -> new Views.Checkpoint(rs.getInt(1), rs.getString(2)))
			.list();
	}

	/**
	 * An action's first and last day, for whoever may move one of its inspections (an
	 * inspector of the unit's county sees a city's action's inspections, not the action).
	 */
	public java.time.LocalDate[] actionPeriod(long actionId) {
		return this.jdbc.sql("select starts_on, ends_on from special_action where id = :id")
			.param("id", actionId)
			.query((rs, i) -> new java.time.LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() })
			.single();
	}

	/** The action a group belongs to (not found: none). */
	public long actionOfGroup(long groupId) {
		return this.jdbc.sql("select action_id from supervision_group where id = :id")
			.param("id", groupId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> notFound("discipline.record.group", groupId));
	}

	/** A supervision group of an action one sees. */
	public Views.Group group(long groupId, Actor actor) {
		long actionId = this.jdbc.sql("select action_id from supervision_group where id = :id")
			.param("id", groupId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> notFound("discipline.record.group", groupId));
		try {
			return action(actionId, actor).groups().stream().filter(g -> g.id() == groupId).findFirst().orElseThrow();
		}
		catch (NotFound ex) {
			throw notFound("discipline.record.group", groupId);
		}
	}

	/**
	 * The changes of an action's groups once it was set up, latest first: discipline
	 * roles who see the action.
	 */
	public List<Views.GroupChange> groupChanges(long actionId, Actor actor) {
		action(actionId, actor);
		requireDiscipline(actor);
		List<Row> rows = this.jdbc.sql("""
				select c.group_id, c.version, c.name, c.leader_id, c.member_ids, c.before_name, c.before_leader_id,
				       c.before_member_ids, c.changed_by, c.changed_at
				from supervision_group_change c join supervision_group g on g.id = c.group_id
				where g.action_id = :action order by c.changed_at desc, c.id desc""")
			.param("action", actionId)
			.query((rs, i) -> Row.of(rs))
			.list();
		List<Long> ids = new ArrayList<>();
		for (Row row : rows) {
			ids.add(row.l("leader_id"));
			ids.add(row.l("before_leader_id"));
			ids.add(row.l("changed_by"));
			ids.addAll(idsOf(row.s("member_ids")));
			ids.addAll(idsOf(row.s("before_member_ids")));
		}
		Map<Long, String> names = ids.isEmpty() ? Map.of() : personNames(ids);
		return rows.stream()
			.map(r -> new Views.GroupChange(r.l("group_id"), (int) r.l("version"), r.s("name"),
					names.getOrDefault(r.l("leader_id"), ""),
					idsOf(r.s("member_ids")).stream().map(id -> names.getOrDefault(id, "")).toList(),
					r.s("before_name"), names.getOrDefault(r.l("before_leader_id"), ""),
					idsOf(r.s("before_member_ids")).stream().map(id -> names.getOrDefault(id, "")).toList(),
					names.getOrDefault(r.l("changed_by"), ""), r.t("changed_at")))
			.toList();
	}

	/** The ids of a change's list of members, as V56 keeps them: comma-separated. */
	static List<Long> idsOf(String list) {
		return list == null || list.isBlank() ? List.of()
				: java.util.Arrays.stream(list.split(",")).map(String::strip).map(Long::valueOf).toList();
	}

	/** The inspections one sees, latest first, of one action or all. */
	public List<Views.Inspection> inspections(Long actionId, DisciplineFilter filter, Paging paging, Actor actor) {
		Narrowed n = narrow(filter, actor);
		StatementSpec sql = this.jdbc.sql("select " + INSPECTION_COLUMNS
				+ " from inspection i join special_action a on a.id = i.action_id where " + DisciplineScope.INSPECTIONS
				+ (actionId == null ? "" : " and i.action_id = :action") + periodOf("i.inspected_on", filter)
				+ organiserOf("a", filter) + " order by i.inspected_on desc, i.id desc limit :limit offset :offset");
		if (actionId != null) {
			sql = sql.param("action", actionId);
		}
		return inspectionList(params(bind(sql, n), filter).param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, i) -> Row.of(rs))
			.list());
	}

	public Views.Inspection inspection(long id, Actor actor) {
		return findInspection(id, actor).orElseThrow(() -> notFound("discipline.record.inspection", id));
	}

	/**
	 * The inspection, if one sees it: for a caller that goes on without it, inside his
	 * own transaction (a {@link NotFound} thrown through here would mark it to roll
	 * back).
	 */
	public Optional<Views.Inspection> findInspection(long id, Actor actor) {
		return bind(this.jdbc.sql("select " + INSPECTION_COLUMNS
				+ " from inspection i join special_action a on a.id = i.action_id where i.id = :id and "
				+ DisciplineScope.INSPECTIONS), new Narrowed(actor, actor.personId()))
			.param("id", id)
			.query((rs, i) -> Row.of(rs))
			.optional()
			.map(row -> inspectionList(List.of(row)).get(0));
	}

	/** The inspections of the rows, with their units' names and their cancellers'. */
	private List<Views.Inspection> inspectionList(List<Row> rows) {
		Map<Long, String> names = unitNames(rows.stream().map(r -> r.l("unit_id")).toList());
		List<Long> cancellers = rows.stream().map(r -> r.nl("cancelled_by")).filter(id -> id != null).toList();
		Map<Long, String> people = cancellers.isEmpty() ? Map.of() : personNames(cancellers);
		return rows.stream().map(r -> inspection(r, names, people)).toList();
	}

	public List<Views.Check> checks(long inspectionId, Actor actor) {
		inspection(inspectionId, actor);
		return this.jdbc
			.sql("select position, passed, note from inspection_check where inspection_id = :id order by position")
			.param("id", inspectionId)
			.query((rs, i) -> new Views.Check(rs.getInt(1), rs.getBoolean(2), rs.getString(3)))
			.list();
	}

	/** The moves of an inspection one sees, the first first. */
	public List<Views.Move> moves(long inspectionId, Actor actor) {
		inspection(inspectionId, actor);
		List<Row> rows = this.jdbc.sql("""
				select moved_from, moved_to, moved_by, moved_at from inspection_move
				where inspection_id = :id order by version""")
			.param("id", inspectionId)
			.query((rs, i) -> Row.of(rs))
			.list();
		Map<Long, String> names = rows.isEmpty() ? Map.of()
				: personNames(rows.stream().map(r -> r.l("moved_by")).toList());
		return rows.stream()
			.map(r -> new Views.Move(r.d("moved_from"), r.d("moved_to"), names.getOrDefault(r.l("moved_by"), ""),
					r.t("moved_at")))
			.toList();
	}

	/** The findings one sees, latest first. */
	public List<Views.Finding> findings(DisciplineFilter filter, Paging paging, Actor actor) {
		return findings(filter, paging.offset(), paging.size(), actor);
	}

	/**
	 * The findings one sees, latest first, {@code limit} after the first {@code offset}.
	 */
	public List<Views.Finding> findings(DisciplineFilter filter, long offset, int limit, Actor actor) {
		Narrowed n = narrow(filter, actor);
		// Planned for its values, as actions: a generic plan sorted the year's findings
		// (2.5 s at 100 times the seed) rather than read the newest days
		// (inspection_day).
		StatementSpec sql = this.planned.sql("select " + FINDING_COLUMNS + FINDINGS_FROM + actionOf(filter)
				+ " join problem_kind k on k.id = f.kind_id where " + DisciplineScope.FINDINGS
				+ periodOf("i.inspected_on", filter) + organiserOf("a", filter)
				+ " order by i.inspected_on desc, f.id desc limit :limit offset :offset");
		return findingList(params(bind(sql, n), filter).param("limit", limit).param("offset", offset), actor);
	}

	/**
	 * Every finding one sees, latest first, as {@link #findings} lists them, handed on a
	 * window of rows at a time with their units' names: one query read as a cursor (in
	 * the caller's transaction), each unit's name looked up once.
	 */
	void eachFinding(DisciplineFilter filter, Actor actor, Consumer<List<Views.Finding>> window) {
		Narrowed n = narrow(filter, actor);
		boolean discipline = this.scope.isDiscipline(actor);
		Map<Long, String> names = new HashMap<>();
		List<Views.Finding> rows = new ArrayList<>(LEDGER_WINDOW);
		Runnable hand = () -> {
			Set<Long> unknown = rows.stream()
				.map(Views.Finding::unitId)
				.filter(id -> !names.containsKey(id))
				.collect(Collectors.toSet());
			names.putAll(unitNames(unknown));
			unknown.forEach(id -> names.putIfAbsent(id, ""));
			window.accept(rows.stream()
				.map(f -> new Views.Finding(f.id(), f.inspectionId(), f.unitId(), names.get(f.unitId()), f.kindId(),
						f.kindCode(), f.what(), f.place(), f.people(), f.rectificationId(), f.inspectedOn(),
						f.issuedAt()))
				.toList());
			rows.clear();
		};
		StatementSpec sql = this.streaming.sql("select " + FINDING_COLUMNS + FINDINGS_FROM + actionOf(filter)
				+ " join problem_kind k on k.id = f.kind_id where " + DisciplineScope.FINDINGS
				+ periodOf("i.inspected_on", filter) + organiserOf("a", filter)
				+ " order by i.inspected_on desc, f.id desc");
		params(bind(sql, n), filter).query((ResultSet rs) -> {
			long rectification = rs.getLong("rectification_id");
			Long rectificationId = rs.wasNull() ? null : rectification;
			java.sql.Date day = rs.getDate("inspected_on");
			Timestamp issued = rs.getTimestamp("issued_at");
			rows.add(new Views.Finding(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("unit_id"), null,
					rs.getLong("kind_id"), rs.getString("kind_code"), rs.getString("what"), rs.getString("place"),
					discipline ? rs.getString("people") : null, rectificationId, day == null ? null : day.toLocalDate(),
					issued == null ? null : issued.toInstant()));
			if (rows.size() == LEDGER_WINDOW) {
				hand.run();
			}
		});
		if (!rows.isEmpty()) {
			hand.run();
		}
	}

	public List<Views.Finding> findingsOf(long inspectionId, Actor actor) {
		inspection(inspectionId, actor);
		StatementSpec sql = this.jdbc.sql("select " + FINDING_COLUMNS
				+ " from finding f join inspection i on i.id = f.inspection_id join problem_kind k on k.id = f.kind_id"
				+ " where i.id = :id and " + DisciplineScope.FINDINGS + " order by f.id");
		return findingList(bind(sql, new Narrowed(actor, actor.personId())).param("id", inspectionId), actor);
	}

	public Views.Finding finding(long id, Actor actor) {
		StatementSpec sql = this.jdbc.sql("select " + FINDING_COLUMNS
				+ " from finding f join inspection i on i.id = f.inspection_id join problem_kind k on k.id = f.kind_id"
				+ " where f.id = :id and " + DisciplineScope.FINDINGS);
		return findingList(bind(sql, new Narrowed(actor, actor.personId())).param("id", id), actor).stream()
			.findFirst()
			.orElseThrow(() -> notFound("discipline.record.finding", id));
	}

	private List<Views.Finding> findingList(StatementSpec sql, Actor actor) {
		List<Row> rows = sql.query((rs, i) -> Row.of(rs)).list();
		Map<Long, String> names = unitNames(rows.stream().map(r -> r.l("unit_id")).toList());
		boolean discipline = !rows.isEmpty() && this.scope.isDiscipline(actor);
		return rows.stream()
			.map(r -> new Views.Finding(r.l("id"), r.l("inspection_id"), r.l("unit_id"),
					names.getOrDefault(r.l("unit_id"), ""), r.l("kind_id"), r.s("kind_code"), r.s("what"), r.s("place"),
					discipline ? r.s("people") : null, r.nl("rectification_id"), r.d("inspected_on"), r.t("issued_at")))
			.toList();
	}

	public List<Views.EvidenceFile> evidence(long findingId, Actor actor) {
		finding(findingId, actor);
		return this.jdbc.sql(
				"select id, filename, content_type, size_bytes from finding_evidence where finding_id = :f order by id")
			.param("f", findingId)
			.query((rs, i) -> new Views.EvidenceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	public Evidence evidenceFile(long findingId, long evidenceId, Actor actor) {
		finding(findingId, actor);
		return this.jdbc
			.sql("select filename, content_type, content from finding_evidence where finding_id = :f and id = :id")
			.param("f", findingId)
			.param("id", evidenceId)
			.query((rs, i) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> notFound("discipline.record.evidence", evidenceId));
	}

	/** A finding's evidence, to attach to its rectification item. */
	List<NewAttachment> evidenceContents(long findingId) {
		return this.jdbc
			.sql("select filename, content_type, content from finding_evidence where finding_id = :f order by id")
			.param("f", findingId)
			.query((rs, i) -> new NewAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.list();
	}

	/**
	 * The register with its names: discipline roles only; everyone else sees its numbers
	 * in the figures.
	 */
	public List<Views.Decision> register(DisciplineFilter filter, Paging paging, Actor actor) {
		requireDiscipline(actor);
		Narrowed n = narrow(filter, actor);
		StatementSpec sql = this.jdbc.sql("select " + DECISION_COLUMNS + " from accountability r where "
				+ DisciplineScope.REGISTER + periodOf("r.decided_on", filter) + organiserOfDecision(filter)
				+ " order by r.decided_on desc, r.id desc limit :limit offset :offset");
		return decisions(params(bind(sql, n), filter).param("limit", paging.size()).param("offset", paging.offset()));
	}

	public Views.Decision decision(long id, Actor actor) {
		requireDiscipline(actor);
		StatementSpec sql = this.jdbc.sql("select " + DECISION_COLUMNS + " from accountability r where r.id = :id and "
				+ DisciplineScope.REGISTER);
		return decisions(bind(sql, new Narrowed(actor, actor.personId())).param("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> notFound("discipline.record.decision", id));
	}

	public Evidence document(long id, Actor actor) {
		decision(id, actor);
		return this.jdbc.sql(
				"select document_name, document_type, document from accountability where id = :id and document is not null")
			.param("id", id)
			.query((rs, i) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> notFound("discipline.record.document", id));
	}

	private static final String DECISION_COLUMNS = """
			r.id, r.cause_type, r.cause_id, r.subject, r.person_name, r.unit_id, r.form, r.decided_by, r.decided_on,
			r.document_number, r.document_name""";

	private List<Views.Decision> decisions(StatementSpec sql) {
		List<Row> rows = sql.query((rs, i) -> Row.of(rs)).list();
		Map<Long, String> names = unitNames(rows.stream().map(r -> r.l("unit_id")).toList());
		return rows.stream()
			.map(r -> new Views.Decision(r.l("id"), CauseType.valueOf(r.s("cause_type")), r.l("cause_id"),
					Subject.valueOf(r.s("subject")), r.s("person_name"), r.l("unit_id"),
					names.getOrDefault(r.l("unit_id"), ""), AccountabilityForm.valueOf(r.s("form")), r.s("decided_by"),
					r.d("decided_on"), r.s("document_number"), r.s("document_name")))
			.toList();
	}

	void requireDiscipline(Actor actor) {
		if (!this.scope.isDiscipline(actor)) {
			throw new AccessDeniedException("discipline roles only");
		}
	}

	/**
	 * The person as the conditions see him once a region is chosen: his jurisdiction
	 * narrowed to that region (one he oversees: another is not found), without his unit
	 * or his groups, which lie anywhere.
	 */
	record Narrowed(Actor actor, long me) {
	}

	Narrowed narrow(DisciplineFilter filter, Actor actor) {
		if (filter.region() == null || filter.region().isBlank()) {
			return new Narrowed(actor, actor.personId());
		}
		Region region = this.regions.find(filter.region())
			.filter(r -> actor.oversees(r.path()))
			.orElseThrow(() -> notFound("discipline.record.region", filter.region()));
		return new Narrowed(new Actor(actor.personId(), actor.username(), actor.displayName(), null,
				actor.enterpriseId(), region.path(), actor.roles()), -1);
	}

	static StatementSpec bind(StatementSpec sql, Narrowed n) {
		return DisciplineScope.bind(sql, n.actor()).param("scopeMe", n.me());
	}

	static String periodOf(String column, DisciplineFilter filter) {
		return (filter.from() == null ? "" : " and " + column + " >= :from")
				+ (filter.to() == null ? "" : " and " + column + " <= :to");
	}

	private static final String FINDINGS_FROM = " from finding f join inspection i on i.id = f.inspection_id";

	/**
	 * The findings' action, joined only when the filter names its organiser: every
	 * inspection has one, so the join otherwise only cost the ledger a pass over every
	 * action.
	 */
	private static String actionOf(DisciplineFilter filter) {
		return filter.organiser() == null ? "" : " join special_action a on a.id = i.action_id";
	}

	static String organiserOf(String alias, DisciplineFilter filter) {
		return filter.organiser() == null ? "" : " and " + alias + ".organiser_unit_id = :organiser";
	}

	/** A decision's organiser is that of the action whose finding caused it. */
	static String organiserOfDecision(DisciplineFilter filter) {
		// Led by a space: it follows a period's last parameter (:to).
		return filter.organiser() == null ? ""
				: " " + """
						and r.cause_type = 'FINDING' and exists (select 1 from finding xf join inspection xi on xi.id = xf.inspection_id
						join special_action xa on xa.id = xi.action_id where xf.id = r.cause_id and xa.organiser_unit_id = :organiser)""";
	}

	static StatementSpec params(StatementSpec sql, DisciplineFilter filter) {
		if (filter.from() != null) {
			sql = sql.param("from", filter.from());
		}
		if (filter.to() != null) {
			sql = sql.param("to", filter.to());
		}
		if (filter.organiser() != null) {
			sql = sql.param("organiser", filter.organiser());
		}
		return sql;
	}

	private java.time.LocalDate today() {
		return java.time.LocalDate.now(this.clock.withZone(org.qiqing.platform.PlatformClock.CHINA));
	}

	Map<Long, String> unitNames(Collection<Long> ids) {
		return this.unitDirectory.namesOf(ids);
	}

	private Map<Long, String> personNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		for (Person person : this.people.findAllById(Set.copyOf(ids))) {
			names.put(person.getId(), person.getDisplayName());
		}
		return names;
	}

	private static Views.Action action(Row r, Map<Long, String> names) {
		return new Views.Action(r.l("id"), r.s("theme"), r.l("organiser_unit_id"),
				names.getOrDefault(r.l("organiser_unit_id"), ""), r.s("region_code"), r.d("starts_on"), r.d("ends_on"),
				r.s("unit_kinds"), r.l("inspections"), r.l("findings"));
	}

	private static Views.Inspection inspection(Row r, Map<Long, String> names, Map<Long, String> people) {
		Long cancelledBy = r.nl("cancelled_by");
		return new Views.Inspection(r.l("id"), r.l("action_id"), r.s("theme"), r.l("group_id"), r.l("unit_id"),
				names.getOrDefault(r.l("unit_id"), ""), InspectionMode.valueOf(r.s("mode")), r.d("inspected_on"),
				r.s("summary"), r.t("issued_at"), r.l("findings"), (int) r.l("version"), r.d("moved_from"),
				r.t("cancelled_at"), cancelledBy == null ? null : people.getOrDefault(cancelledBy, ""),
				r.s("cancel_reason"), r.t("checked_at"));
	}

	static NotFound notFound(String record, Object id) {
		return new NotFound(Text.of("error.record.notFound", Text.of(record), id));
	}

	/** A row by lower-case column name, read once. */
	record Row(Map<String, Object> values) {

		static Row of(ResultSet rs) throws SQLException {
			Map<String, Object> values = new HashMap<>();
			var meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				values.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
			}
			return new Row(values);
		}

		long l(String column) {
			return ((Number) this.values.get(column)).longValue();
		}

		Long nl(String column) {
			Object value = this.values.get(column);
			return value == null ? null : ((Number) value).longValue();
		}

		String s(String column) {
			Object value = this.values.get(column);
			return value == null ? null : value.toString();
		}

		java.time.LocalDate d(String column) {
			Object value = this.values.get(column);
			return value instanceof java.sql.Date date ? date.toLocalDate() : (java.time.LocalDate) value;
		}

		Instant t(String column) {
			Object value = this.values.get(column);
			if (value == null) {
				return null;
			}
			if (value instanceof Timestamp ts) {
				return ts.toInstant();
			}
			if (value instanceof java.time.OffsetDateTime odt) {
				return odt.toInstant();
			}
			if (value instanceof Instant instant) {
				return instant;
			}
			throw new IllegalStateException("not a time: " + value.getClass());
		}

	}

}
