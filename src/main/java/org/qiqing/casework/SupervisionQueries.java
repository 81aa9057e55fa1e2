package org.qiqing.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Tallies;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the supervision desk lists, always within {@link CaseScope}: the cases turning
 * yellow and red with the tally of them per handling unit, those resolved and not yet
 * verified, the bulletin of cases listed for written criticism, and the units'
 * supervision orders.
 */
@Component
@EnableConfigurationProperties(DeskSettings.class)
public class SupervisionQueries {

	/**
	 * A case on the watch list, most overdue first. {@code leadUnitName} is null while
	 * the case waits for the service centre to accept and assign it.
	 */
	public record Watched(long id, String number, CaseKind kind, CaseState state, String title, String enterpriseName,
			String leadUnitName, String escalatedUnitName, TimeState timeState, Instant limitAt, String regionCode,
			int version) {

		/** Whether the case still waits for the dispatcher: no unit handles it yet. */
		public boolean awaitingDispatch() {
			return this.leadUnitName == null;
		}

	}

	/** A case listed for written criticism (书面通报), when it was listed. */
	public record Listed(long id, String number, String title, String leadUnitName, Instant limitAt, Instant listedAt,
			CaseState state) {
	}

	/**
	 * A unit's supervision orders: how many, how many still open, how many answered late
	 * or not at all.
	 */
	public record UnitOrders(String unitName, int issued, int open, int overdue) {
	}

	/** What the measures taken on a watched case were: an open order, an escalation. */
	public enum Supervised {

		/** a supervision order (督办单) waits for its reply */
		ORDERED,
		/** raised to the superior unit (提级督办) */
		ESCALATED

	}

	/**
	 * What the watch list is narrowed to; a null part narrows nothing.
	 *
	 * @param unitId the lead unit, or {@link #AWAITING_DISPATCH} for the cases no unit
	 * handles yet
	 */
	public record WatchFilter(Long unitId, TimeState time, CaseKind kind, Supervised supervised, Long categoryId) {

		public static final WatchFilter NONE = new WatchFilter(null, null, null, null, null);

		/** The "unit" of the cases the service centre has still to accept and assign. */
		public static final long AWAITING_DISPATCH = 0;

		/** Only YELLOW and RED narrow the list: the others are never on it. */
		public WatchFilter {
			if (time != TimeState.YELLOW && time != TimeState.RED) {
				time = null;
			}
		}

		public WatchFilter withUnit(Long unit) {
			return new WatchFilter(unit, this.time, this.kind, this.supervised, this.categoryId);
		}

		public WatchFilter withTime(TimeState state) {
			return new WatchFilter(this.unitId, state, this.kind, this.supervised, this.categoryId);
		}

		public WatchFilter withSupervised(Supervised measure) {
			return new WatchFilter(this.unitId, this.time, this.kind, measure, this.categoryId);
		}

		boolean admits(Group group) {
			return (this.unitId == null || this.unitId == group.unitKey())
					&& (this.time == null || this.time == group.timeState)
					&& (this.kind == null || this.kind == group.kind)
					&& (this.categoryId == null || this.categoryId.equals(group.categoryId)) && (this.supervised == null
							|| (this.supervised == Supervised.ORDERED ? group.ordered : group.escalated));
		}

	}

	/** One page of the watch list and how many cases the filter finds in all. */
	public record WatchPage(List<Watched> items, int page, int size, boolean hasNext, long total, Instant countedAt) {
	}

	/**
	 * A line of the per-unit tally: the unit's yellow and red cases, those under an open
	 * order and those escalated. The unit id is {@link WatchFilter#AWAITING_DISPATCH}
	 * (and the name null) for the cases still waiting for the service centre.
	 */
	public record UnitLine(long unitId, String unitName, long yellow, long red, long ordered, long escalated) {

		public long total() {
			return this.yellow + this.red;
		}

		public boolean awaitingDispatch() {
			return this.unitId == WatchFilter.AWAITING_DISPATCH;
		}

	}

	/** The tally of a jurisdiction, summed per unit, and when it was counted. */
	public record UnitSummary(List<UnitLine> lines, Instant countedAt) {

		public long total() {
			return this.lines.stream().mapToLong(UnitLine::total).sum();
		}

	}

	/**
	 * The watched cases of a jurisdiction counted by everything the desk filters on: a
	 * few hundred groups however many cases, from which every filter's summary and total
	 * are summed without counting again.
	 */
	record Group(Long unitId, String unitName, TimeState timeState, CaseKind kind, Long categoryId, boolean escalated,
			boolean ordered, long n) {

		long unitKey() {
			return this.unitId == null ? WatchFilter.AWAITING_DISPATCH : this.unitId;
		}

	}

	private record Tally(List<Group> groups, Instant at) {
	}

	private static final String WATCHED = """
			select c.id, c.number, c.kind, c.state, c.title, e.name as enterpriseName, u.name as leadUnitName,
			       x.name as escalatedUnitName, c.time_state as timeState, c.limit_at as limitAt,
			       c.region_code as regionCode, c.version
			from cases c
			left join enterprise e on e.id = c.enterprise_id
			left join unit u on u.id = c.lead_unit_id
			left join unit x on x.id = c.escalated_unit_id
			""";

	/**
	 * The watch list: the literals let PostgreSQL answer from its partial indexes (V33).
	 */
	private static final String ON_WATCH = "c.time_state in ('YELLOW', 'RED')";

	private static final String OPEN_ORDER = "exists (select 1 from supervision_order o where o.case_id = c.id and o.replied_at is null)";

	/**
	 * The tally: the open orders are read once and joined, rather than looked up for each
	 * of tens of thousands of cases.
	 */
	private static final String TALLY = """
			select w.lead_unit_id as unitId, u.name as unitName, w.time_state as timeState, w.kind,
			       w.category_id as categoryId, w.escalated, w.ordered, count(*) as n
			from (select c.lead_unit_id, c.time_state, c.kind, c.category_id,
			             case when c.escalated_unit_id is null then false else true end as escalated,
			             case when o.case_id is null then false else true end as ordered
			      from cases c
			      left join (select distinct case_id from supervision_order where replied_at is null) o
			        on o.case_id = c.id
			      where %s and %s) w
			left join unit u on u.id = w.lead_unit_id
			group by w.lead_unit_id, u.name, w.time_state, w.kind, w.category_id, w.escalated, w.ordered"""
		.formatted(ON_WATCH, CaseScope.CONDITION);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Tallies<CaseScope.Key, Tally> tallies;

	/** Reads the desk's ledger a batch at a time. */
	private final JdbcClient cursor;

	SupervisionQueries(JdbcClient jdbc, DataSource dataSource, Clock clock, DeskSettings settings) {
		this.jdbc = jdbc;
		this.cursor = Rows.cursor(dataSource);
		this.clock = clock;
		this.tallies = new Tallies<>("supervision", settings.countCache(), clock,
				scope -> new Tally(scope.bind(this.jdbc.sql(TALLY)).query(Rows.of(Group.class)).list(),
						clock.instant()));
	}

	/** The yellow and red cases (or those of one colour), most urgent first. */
	public List<Watched> watchList(Actor actor, TimeState only, int limit) {
		return watchPage(actor, new WatchFilter(null, only, null, null, null), 0, limit).items();
	}

	/**
	 * A page of the yellow and red cases the filter admits, most overdue first, with how
	 * many it admits in all (from the tally, so as fresh as it).
	 */
	public WatchPage watchPage(Actor actor, WatchFilter filter, int page, int size) {
		Tally tally = tally(actor);
		long total = tally.groups().stream().filter(filter::admits).mapToLong(Group::n).sum();
		List<Watched> rows = watching(this.jdbc, actor, filter, " limit :limit offset :offset").param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(Watched.class))
			.list();
		boolean hasNext = rows.size() > size;
		return new WatchPage(hasNext ? rows.subList(0, size) : rows, page, size, hasNext, total, tally.at());
	}

	/**
	 * Hands each yellow and red case the filter admits, most overdue first, to
	 * {@code line}, at most {@code limit}, read with a cursor: the desk's ledger.
	 */
	@Transactional(readOnly = true)
	public void eachWatched(Actor actor, WatchFilter filter, int limit, Consumer<Watched> line) {
		try (Stream<Watched> rows = watching(this.cursor, actor, filter, " limit :limit").param("limit", limit)
			.query(Rows.of(Watched.class))
			.stream()) {
			rows.forEach(line);
		}
	}

	/**
	 * The watched cases a filter admits, in the desk's order. Only the conditions the
	 * filter sets are written: each, a constant of the code with a bound value, lets
	 * PostgreSQL read the index that fits it.
	 */
	private static JdbcClient.StatementSpec watching(JdbcClient client, Actor actor, WatchFilter filter, String tail) {
		StringBuilder where = new StringBuilder(ON_WATCH);
		if (filter.unitId() != null) {
			where.append(filter.unitId() == WatchFilter.AWAITING_DISPATCH ? " and c.lead_unit_id is null"
					: " and c.lead_unit_id = :unit");
		}
		if (filter.time() != null) {
			where.append(" and c.time_state = :time");
		}
		if (filter.kind() != null) {
			where.append(" and c.kind = :kind");
		}
		if (filter.categoryId() != null) {
			where.append(" and c.category_id = :category");
		}
		if (filter.supervised() == Supervised.ORDERED) {
			where.append(" and ").append(OPEN_ORDER);
		}
		else if (filter.supervised() == Supervised.ESCALATED) {
			where.append(" and c.escalated_unit_id is not null");
		}
		JdbcClient.StatementSpec statement = CaseScope.bind(client
			.sql(WATCHED + " where " + where + " and " + CaseScope.CONDITION + " order by c.limit_at, c.id" + tail),
				actor);
		if (filter.unitId() != null && filter.unitId() != WatchFilter.AWAITING_DISPATCH) {
			statement = statement.param("unit", filter.unitId());
		}
		if (filter.time() != null) {
			statement = statement.param("time", filter.time().name());
		}
		if (filter.kind() != null) {
			statement = statement.param("kind", filter.kind().name());
		}
		if (filter.categoryId() != null) {
			statement = statement.param("category", filter.categoryId());
		}
		return statement;
	}

	/**
	 * The yellow and red cases per handling unit, the units with the most red first, as
	 * the filter narrows them (all units, whatever unit it names).
	 */
	public UnitSummary unitSummary(Actor actor, WatchFilter filter) {
		Tally tally = tally(actor);
		WatchFilter anyUnit = filter.withUnit(null);
		Map<Long, long[]> sums = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		for (Group group : tally.groups()) {
			if (!anyUnit.admits(group)) {
				continue;
			}
			long[] sum = sums.computeIfAbsent(group.unitKey(), key -> new long[4]);
			names.put(group.unitKey(), group.unitName());
			sum[group.timeState() == TimeState.RED ? 1 : 0] += group.n();
			sum[2] += group.ordered() ? group.n() : 0;
			sum[3] += group.escalated() ? group.n() : 0;
		}
		List<UnitLine> lines = new ArrayList<>();
		sums.forEach((unit, sum) -> lines.add(new UnitLine(unit, names.get(unit), sum[0], sum[1], sum[2], sum[3])));
		lines.sort(Comparator.comparingLong(UnitLine::red)
			.thenComparingLong(UnitLine::total)
			.reversed()
			.thenComparing(line -> line.unitName() == null ? "" : line.unitName()));
		return new UnitSummary(lines, tally.at());
	}

	/**
	 * The watched cases of the person's jurisdiction, grouped: one statement over them
	 * all, kept {@link DeskSettings#countCache()} for everyone under the same rule.
	 */
	private Tally tally(Actor actor) {
		return this.tallies.get(CaseScope.keyOf(actor));
	}

	/** Resolved or closed cases no supervisor has verified, most recent first. */
	public List<Watched> awaitingVerification(Actor actor, int limit) {
		return awaitingVerification(actor, 0, limit).items();
	}

	/** A page of the resolved or closed cases no supervisor has verified. */
	public WatchPage awaitingVerification(Actor actor, int page, int size) {
		List<Watched> rows = CaseScope
			.bind(this.jdbc.sql(WATCHED + """
					where c.state in ('RESOLVED', 'CLOSED') and c.verified_at is null and c.outcome is not null and """
					+ " " + CaseScope.CONDITION + " order by c.updated_at desc, c.id desc limit :limit offset :offset"),
					actor)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(Watched.class))
			.list();
		boolean hasNext = rows.size() > size;
		return new WatchPage(hasNext ? rows.subList(0, size) : rows, page, size, hasNext, -1, null);
	}

	/** The bulletin: cases listed for written criticism, newest listing first. */
	public List<Listed> bulletin(Actor actor, int limit) {
		return CaseScope
			.bind(this.jdbc
				.sql("""
						select c.id, c.number, c.title, u.name as lead_unit_name, c.limit_at, t.fired_at as listed_at, c.state
						from case_timer t
						join cases c on c.id = t.case_id
						left join unit u on u.id = c.lead_unit_id
						where t.kind = 'CRITICISM' and t.fired_at is not null and not t.skipped and """
						+ CaseScope.CONDITION + " order by t.fired_at desc, c.id desc limit :limit"),
					actor)
			.param("limit", limit)
			.query(Rows.of(Listed.class))
			.list();
	}

	/**
	 * Supervision orders per unit; an order answered late, or not answered in time,
	 * counts against it.
	 */
	public List<UnitOrders> ordersByUnit(Actor actor, Instant now) {
		return CaseScope.bind(this.jdbc.sql("""
				select u.name as unit_name, count(*) as issued,
				       sum(case when o.replied_at is null then 1 else 0 end) as open,
				       sum(case when coalesce(o.replied_at, :now) > o.reply_due_at then 1 else 0 end) as overdue
				from supervision_order o
				join cases c on c.id = o.case_id
				join unit u on u.id = o.unit_id
				where """ + CaseScope.CONDITION + " group by u.name order by overdue desc, issued desc, u.name"), actor)
			.param("now", java.sql.Timestamp.from(now))
			.query(Rows.of(UnitOrders.class))
			.list();
	}

}
