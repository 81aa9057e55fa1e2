package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of cases, always within {@link CaseScope}.
 */
@Component
public class CaseQueries {

	/** A line of a list or queue. */
	public record CaseLine(long id, String number, CaseKind kind, Priority priority, Channel channel, CaseState state,
			String title, String enterpriseName, String leadUnitName, LocalDate dueDate, Instant updatedAt,
			TimeState timeState, Instant limitAt, String regionCode) {
	}

	public record Page(List<CaseLine> items, int page, int size, boolean hasNext) {
	}

	/**
	 * The columns of a {@link CaseLine}, each named as its component: a record is mapped
	 * by asking the result for each component's name first and its snake_case name only
	 * when that fails, so a column under another name costs an exception for each row.
	 */
	private static final String COLUMNS = """
			c.id, c.number, c.kind, c.priority, c.channel, c.state, c.title, e.name as enterpriseName,
			       u.name as leadUnitName, c.due_date as dueDate, c.updated_at as updatedAt,
			       c.time_state as timeState, c.limit_at as limitAt, c.region_code as regionCode
			""";

	private static final String SELECT = "select " + COLUMNS + """
			from cases c
			left join enterprise e on e.id = c.enterprise_id
			left join unit u on u.id = c.lead_unit_id
			""";

	/**
	 * What waits for each party, per the workflows: the cases in the states where that
	 * party may act. The states are written into the SQL as literals (they are constants
	 * of the code, not input) so that PostgreSQL can answer each branch from its partial
	 * index (V6).
	 */
	private static final Map<Party, String> WAITING_ON = Map.of(Party.DISPATCHER,
			"c.region_path like :scopePattern and c.state in " + statesWhereActs(Party.DISPATCHER), Party.LEAD_UNIT,
			"c.lead_unit_id = :scopeUnit and c.state in " + statesWhereActs(Party.LEAD_UNIT), Party.CO_UNIT,
			"c.id in (select w.case_id from case_co_unit w where w.unit_id = :scopeUnit) and c.state in "
					+ statesWhereActs(Party.CO_UNIT),
			Party.ENTERPRISE, "c.enterprise_id = :scopeEnterprise and c.state in " + statesWhereActs(Party.ENTERPRISE),
			Party.LEADER, "c.region_path like :scopePattern and c.kind = 'LEADER_ASSIGNMENT' and c.state in "
					+ statesWhereActs(Party.LEADER));

	private static final String URGENT_FIRST = " order by c.limit_at nulls last, c.updated_at desc, c.id desc";

	private final JdbcClient jdbc;

	private final JdbcTemplate plans;

	CaseQueries(JdbcClient jdbc, JdbcTemplate plans) {
		this.jdbc = jdbc;
		this.plans = plans;
	}

	/**
	 * What waits for a person: the union of what waits for each party he can play, most
	 * urgent (earliest due) first, then most recently moved. Each branch is cut to the
	 * page's end before the union, so the cost is that of a few index reads, however many
	 * cases there are. Those reads are the same whatever the person, so the plan is
	 * reused: planned for each person's parameters, the statement took three times as
	 * long to plan as to run, and served 777 pages/s against 1,240 with a reused plan.
	 */
	@Transactional(readOnly = true)
	public Page queue(Actor actor, int page, int size) {
		List<String> branches = partiesOf(actor).stream()
			.map(party -> "(select c.id from cases c where " + WAITING_ON.get(party) + URGENT_FIRST + " limit :top)")
			.toList();
		if (branches.isEmpty()) {
			return new Page(List.of(), page, size, false);
		}
		QueryPlans.genericForThisTransaction(this.plans);
		List<CaseLine> lines = CaseScope
			.bind(this.jdbc.sql("select " + COLUMNS + " from (" + String.join(" union ", branches) + """
					) waiting
					join cases c on c.id = waiting.id
					left join enterprise e on e.id = c.enterprise_id
					left join unit u on u.id = c.lead_unit_id
					where """ + " " + CaseScope.CONDITION + URGENT_FIRST + " limit :limit offset :offset"), actor)
			.param("top", ((long) page + 1) * size + 1)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(CaseLine.class))
			.list();
		return page(lines, page, size);
	}

	private static List<Party> partiesOf(Actor actor) {
		List<Party> parties = new java.util.ArrayList<>();
		if (actor.has(Role.DISPATCHER) && actor.jurisdictionPath() != null) {
			parties.add(Party.DISPATCHER);
		}
		if (actor.has(Role.HANDLER) && actor.unitId() != null) {
			parties.add(Party.LEAD_UNIT);
			parties.add(Party.CO_UNIT);
		}
		if (actor.enterpriseId() != null) {
			parties.add(Party.ENTERPRISE);
		}
		if (actor.has(Role.LEADER) && actor.jurisdictionPath() != null) {
			parties.add(Party.LEADER);
		}
		return parties;
	}

	/** Every case the person may see, optionally of one state or matching a text. */
	public Page search(Actor actor, CaseState state, String text, int page, int size) {
		List<CaseLine> lines = CaseScope
			.bind(this.jdbc.sql(SELECT + " where " + CaseScope.CONDITION + " and (:state = '' or c.state = :state)"
					+ " and (:text = '' or c.number = :text or c.title like :pattern or e.name like :pattern)"
					+ " order by c.updated_at desc, c.id desc limit :limit offset :offset"), actor)
			.param("state", state == null ? "" : state.name())
			.param("text", text == null ? "" : text.trim())
			.param("pattern", "%" + (text == null ? "" : text.trim()) + "%")
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(CaseLine.class))
			.list();
		return page(lines, page, size);
	}

	/** The cases of one enterprise the person may see, most recently moved first. */
	public Page ofEnterprise(Actor actor, long enterpriseId, int page, int size) {
		List<CaseLine> lines = CaseScope
			.bind(this.jdbc.sql(SELECT + " where c.enterprise_id = :enterprise and " + CaseScope.CONDITION
					+ " order by c.updated_at desc, c.id desc limit :limit offset :offset"), actor)
			.param("enterprise", enterpriseId)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(CaseLine.class))
			.list();
		return page(lines, page, size);
	}

	/**
	 * What became of an enterprise's cases: how many there are, are open, are overdue,
	 * and how each closed one ended (its honest outcome).
	 */
	public record Tally(int total, int open, int late, Map<Outcome, Integer> outcomes) {
	}

	public Tally tallyOf(Actor actor, long enterpriseId) {
		int[] counts = new int[3];
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		CaseScope.bind(this.jdbc.sql("""
				select c.state, c.time_state, c.outcome, count(*) as n from cases c
				where c.enterprise_id = :enterprise and """ + " " + CaseScope.CONDITION + """
				group by c.state, c.time_state, c.outcome"""), actor)
			.param("enterprise", enterpriseId)
			.query((rs, row) -> {
				int n = rs.getInt("n");
				boolean open = CaseState.valueOf(rs.getString("state")).isOpen();
				counts[0] += n;
				counts[1] += open ? n : 0;
				counts[2] += open && TimeState.RED.name().equals(rs.getString("time_state")) ? n : 0;
				if (rs.getString("outcome") != null) {
					outcomes.merge(Outcome.valueOf(rs.getString("outcome")), n, Integer::sum);
				}
				return n;
			})
			.list();
		return new Tally(counts[0], counts[1], counts[2], outcomes);
	}

	/** How many ratings of each level one enterprise gave in a month. */
	public record MonthlyRatings(YearMonth month, Map<Rating, Integer> counts) {
	}

	/**
	 * The satisfaction an enterprise gave over time: each rated case counted once, with
	 * its latest rating, in the month of its latest rating step (a case keeps only its
	 * latest rating), oldest month first.
	 */
	public List<MonthlyRatings> ratingsOf(Actor actor, long enterpriseId) {
		Map<YearMonth, Map<Rating, Integer>> months = new TreeMap<>();
		CaseScope.bind(this.jdbc.sql("""
				select c.rating, max(ev.at) as rated_at
				from cases c join case_event ev on ev.case_id = c.id and ev.action in ('RATE', 'REOPEN')
				where c.enterprise_id = :enterprise and c.rating is not null and """ + " " + CaseScope.CONDITION + """
				group by c.id, c.rating"""), actor)
			.param("enterprise", enterpriseId)
			.query((rs, row) -> Map.entry(
					YearMonth.from(rs.getObject("rated_at", OffsetDateTime.class).atZoneSameInstant(CHINA)),
					Rating.valueOf(rs.getString("rating"))))
			.list()
			.forEach(rated -> months.computeIfAbsent(rated.getKey(), month -> new EnumMap<>(Rating.class))
				.merge(rated.getValue(), 1, Integer::sum));
		return months.entrySet().stream().map(month -> new MonthlyRatings(month.getKey(), month.getValue())).toList();
	}

	/**
	 * A step of a case that tells what the government did, for an enterprise's timeline.
	 */
	public record Milestone(long caseId, String number, String title, CaseAction action, Instant at, String unitName,
			Outcome outcome) {
	}

	private static final List<CaseAction> MILESTONES = List.of(CaseAction.SUBMIT, CaseAction.ASSIGN,
			CaseAction.REASSIGN, CaseAction.RESOLVE, CaseAction.ESCALATE, CaseAction.VERIFY, CaseAction.RATE,
			CaseAction.REOPEN);

	/** The latest milestones of the cases of one enterprise the person may see. */
	public List<Milestone> milestonesOf(Actor actor, long enterpriseId, int limit) {
		return CaseScope
			.bind(this.jdbc.sql("""
					select c.id as case_id, c.number, c.title, ev.action, ev.at, u.name as unit_name,
					       case when ev.action = 'RESOLVE' then c.outcome end as outcome
					from case_event ev
					join cases c on c.id = ev.case_id
					left join unit u on u.id = ev.actor_unit_id
					where c.enterprise_id = :enterprise and ev.action in """ + " " + literals(MILESTONES) + " and "
					+ CaseScope.CONDITION + " order by ev.at desc, ev.id desc limit :limit"), actor)
			.param("enterprise", enterpriseId)
			.param("limit", limit)
			.query(Rows.of(Milestone.class))
			.list();
	}

	private static String literals(List<CaseAction> actions) {
		return actions.stream().map(action -> "'" + action.name() + "'").collect(Collectors.joining(", ", "(", ")"));
	}

	private static Page page(List<CaseLine> lines, int page, int size) {
		boolean hasNext = lines.size() > size;
		return new Page(hasNext ? lines.subList(0, size) : lines, page, size, hasNext);
	}

	/** The states where a party may act, as an SQL list of literals: ('A', 'B'). */
	private static String statesWhereActs(Party party) {
		Set<CaseState> states = EnumSet.noneOf(CaseState.class);
		for (CaseKind kind : CaseKind.values()) {
			kind.workflow()
				.transitions()
				.stream()
				.filter(t -> t.by().contains(party))
				.forEach(t -> states.addAll(t.from()));
		}
		return states.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", ", "(", ")"));
	}

	/**
	 * What needs watching now among the cases the person may see (optionally of one lead
	 * unit or region subtree): how many are past their limit (red), due soon (yellow),
	 * under an unanswered supervision order, escalated. Time moves these without a step,
	 * so they are read from the cases, not from the statistics' rollups.
	 */
	public record Watch(long overdue, long dueSoon, long underOrder, long escalated) {
	}

	@Transactional(readOnly = true)
	public Watch watch(Actor actor, Long leadUnitId, String regionPath) {
		String filter = (leadUnitId == null ? "" : " and c.lead_unit_id = :unit")
				+ (regionPath == null ? "" : " and c.region_path like :path");
		long overdue = count(actor, leadUnitId, regionPath,
				"select count(*) from cases c where c.time_state = 'RED' and " + CaseScope.CONDITION + filter);
		long dueSoon = count(actor, leadUnitId, regionPath,
				"select count(*) from cases c where c.time_state = 'YELLOW' and " + CaseScope.CONDITION + filter);
		long ordered = count(actor, leadUnitId, regionPath, """
				select count(*) from cases c where c.id in (select o.case_id from supervision_order o
				                                             where o.replied_at is null) and """ + CaseScope.CONDITION
				+ filter);
		long escalated = count(actor, leadUnitId, regionPath,
				"select count(*) from cases c where c.escalated_unit_id is not null and c.state not in ('CLOSED', 'DECLINED', 'WITHDRAWN') and "
						+ CaseScope.CONDITION + filter);
		return new Watch(overdue, dueSoon, ordered, escalated);
	}

	private long count(Actor actor, Long leadUnitId, String regionPath, String sql) {
		var statement = CaseScope.bind(this.jdbc.sql(sql), actor);
		if (leadUnitId != null) {
			statement = statement.param("unit", leadUnitId);
		}
		if (regionPath != null) {
			statement = statement.param("path", regionPath + "%");
		}
		return statement.query(Long.class).single();
	}

}
