package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Timestamp;
import java.time.Clock;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Tallies;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
	 * Where a rectification item waits for the inspectors of its jurisdiction: reported
	 * done, for their verification (销号), and asking for more time. Not the steps any
	 * supervisor may take (urging, orders), which wait on nobody.
	 */
	private static final String INSPECTORS_STATES = "('RESOLVED', 'EXTENSION_REQUESTED')";

	/**
	 * What waits for each party, per the workflows: the cases in the states where that
	 * party may act. Each lies within {@link CaseScope} by itself (the jurisdiction, the
	 * unit, the enterprise's own kinds), which lets the counts do without the scope's
	 * per-row check. The states are written into the SQL as literals (they are constants
	 * of the code, not input) so that PostgreSQL can answer each branch from its partial
	 * index (V6, V10, V32).
	 */
	private static final Map<Party, String> WAITING_ON = Map.of(Party.DISPATCHER,
			CaseScope.within("scopePattern") + " and c.state in " + statesWhereActs(Party.DISPATCHER), Party.LEAD_UNIT,
			"c.lead_unit_id = :scopeUnit and c.state in " + statesWhereActs(Party.LEAD_UNIT), Party.CO_UNIT,
			"c.id in (select w.case_id from case_co_unit w where w.unit_id = :scopeUnit) and c.state in "
					+ statesWhereActs(Party.CO_UNIT),
			Party.ENTERPRISE,
			"c.enterprise_id = :scopeEnterprise and c.kind in " + enterpriseKinds() + " and c.state in "
					+ statesWhereActs(Party.ENTERPRISE),
			Party.LEADER,
			CaseScope.within("scopePattern") + " and c.kind = 'LEADER_ASSIGNMENT' and c.state in "
					+ statesWhereActs(Party.LEADER),
			Party.INSPECTOR,
			CaseScope.within("scopePattern") + " and c.kind = 'RECTIFICATION' and c.state in " + INSPECTORS_STATES);

	/**
	 * What waits for a member of a supervision group: the rectification items his group
	 * found, reported done and waiting for its verification (销号). Read from the key of
	 * {@code case_verifier} (V53), by person, so a person who verifies nothing pays one
	 * probe of an empty range. Only RESOLVED, where CONFIRM is his: a closed item he may
	 * still send back (回头看) waits on nobody.
	 */
	private static final String VERIFYING = "c.id in (select v.case_id from case_verifier v where v.person_id = :scopePerson)"
			+ " and c.kind = 'RECTIFICATION' and c.state = 'RESOLVED'";

	/**
	 * What each party waits for others on: its own open cases in the states where it may
	 * not act (a dispatcher owns no case, so nothing).
	 */
	private static final Map<Party, String> WAITING_FOR_OTHERS = Map.of(Party.LEAD_UNIT,
			"c.lead_unit_id = :scopeUnit and c.state in " + statesWhereWaits(Party.LEAD_UNIT), Party.CO_UNIT,
			"c.id in (select w.case_id from case_co_unit w where w.unit_id = :scopeUnit) and c.state in "
					+ statesWhereWaits(Party.CO_UNIT),
			Party.ENTERPRISE,
			"c.enterprise_id = :scopeEnterprise and c.kind in " + enterpriseKinds() + " and c.state in "
					+ statesWhereWaits(Party.ENTERPRISE),
			Party.LEADER, CaseScope.within("scopePattern") + " and c.kind = 'LEADER_ASSIGNMENT' and c.state in "
					+ statesWhereWaits(Party.LEADER));

	private static final String URGENT_FIRST = QueueOrder.URGENCY.orderBy;

	private final JdbcClient jdbc;

	private final Tallies<WatchKey, Watch> watches;

	private final QueueCountsKept queueCounts;

	private final JdbcTemplate plans;

	/** Reads a ledger's rows a batch at a time rather than all at once. */
	private final JdbcClient cursor;

	/**
	 * Statements planned for their parameters without a transaction of their own: the
	 * queue's reads, each of which took a transaction, a {@code set local} and a commit
	 * besides its statement.
	 */
	private final JdbcClient planned;

	/** A read-only transaction, for the one read that reuses its plan. */
	private final TransactionTemplate readOnly;

	CaseQueries(JdbcClient jdbc, JdbcTemplate plans, PlatformTransactionManager transactions, Clock clock,
			DeskSettings settings) {
		this.jdbc = jdbc;
		this.watches = new Tallies<>("watch", settings.countCache(), clock, this::countWatch);
		this.queueCounts = new QueueCountsKept(settings.countCache(), clock, this::countQueue);
		this.plans = plans;
		this.cursor = Rows.cursor(plans.getDataSource());
		this.planned = QueryPlans.customPlans(plans.getDataSource());
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** What waits for a person, most urgent first: {@link #queue(Actor, QueueView)}. */
	@Transactional(readOnly = true)
	public Page queue(Actor actor, int page, int size) {
		QueuePage queue = queue(actor, new QueueView(QueueTab.ALL, null, QueueOrder.URGENCY, null), page, size);
		return new Page(queue.items(), page, size, queue.hasNext());
	}

	/**
	 * Which part of the queue to show.
	 *
	 * @param tab the tab
	 * @param kind only cases of this kind, or null
	 * @param order the order
	 * @param since what moved after this is new (null: everything)
	 */
	public record QueueView(QueueTab tab, CaseKind kind, QueueOrder order, Instant since) {

		public QueueView {
			tab = tab == null ? QueueTab.ALL : tab;
			order = order == null ? QueueOrder.URGENCY : order;
		}

	}

	/**
	 * A page of the queue, with the ids of the cases on it that are new to the person.
	 */
	public record QueuePage(List<CaseLine> items, int page, int size, boolean hasNext, Set<Long> fresh) {
	}

	/**
	 * How many cases are in each tab of a person's queue. The tabs other than
	 * {@code waiting} are parts of {@code all}; {@code kinds} splits {@code all}.
	 */
	public record QueueCounts(int all, int fresh, int dueSoon, int overdue, int waiting, Map<CaseKind, Integer> kinds) {

		public int of(QueueTab tab) {
			return switch (tab) {
				case ALL -> this.all;
				case NEW -> this.fresh;
				case DUE_SOON -> this.dueSoon;
				case OVERDUE -> this.overdue;
				case WAITING -> this.waiting;
			};
		}

	}

	/**
	 * A tab of what waits for a person: the union of what waits for each party he can
	 * play, in the order asked. Each branch is cut to the page's end before the union, so
	 * the cost is that of a few index reads, however many cases there are. Those reads
	 * are the same whatever the person, so the plan is reused: planned for each person's
	 * parameters, the statement took three times as long to plan as to run, and served
	 * 777 pages/s against 1,240 with a reused plan. Every other tab, kind and order is
	 * planned for its parameters, without a transaction (see {@link #planned}).
	 */
	public QueuePage queue(Actor actor, QueueView view, int page, int size) {
		String narrowing = narrowing(view);
		List<String> branches = branches(actor, view.tab())
			.map(condition -> "(select c.id from cases c where " + condition + narrowing + view.order().orderBy
					+ " limit :top)")
			.toList();
		if (branches.isEmpty()) {
			return new QueuePage(List.of(), page, size, false, Set.of());
		}
		if (view.tab() == QueueTab.ALL && view.kind() == null && view.order() == QueueOrder.URGENCY) {
			return this.readOnly.execute(status -> {
				QueryPlans.genericForThisTransaction(this.plans);
				return queue(this.jdbc, actor, view, branches, page, size);
			});
		}
		// A narrowed tab or another order is best read from the index by region (V32),
		// whose range a generic plan cannot see in the LIKE of the jurisdiction.
		return queue(this.planned, actor, view, branches, page, size);
	}

	private QueuePage queue(JdbcClient client, Actor actor, QueueView view, List<String> branches, int page, int size) {
		StatementSpec statement = CaseScope
			.bind(client.sql("select " + COLUMNS + " from (" + String.join(" union ", branches) + """
					) waiting
					join cases c on c.id = waiting.id
					left join enterprise e on e.id = c.enterprise_id
					left join unit u on u.id = c.lead_unit_id
					where """ + " " + CaseScope.ONE_CASE + view.order().orderBy + " limit :limit offset :offset"),
					actor)
			.param("top", ((long) page + 1) * size + 1)
			.param("limit", size + 1)
			.param("offset", (long) page * size);
		List<CaseLine> lines = narrow(statement, view).query(Rows.of(CaseLine.class)).list();
		Page shown = page(lines, page, size);
		Set<Long> fresh = shown.items()
			.stream()
			.filter(line -> isNew(line, view.since()))
			.map(CaseLine::id)
			.collect(Collectors.toUnmodifiableSet());
		return new QueuePage(shown.items(), page, size, shown.hasNext(), fresh);
	}

	/** Whether a case moved after the person's previous visit to his queue. */
	private static boolean isNew(CaseLine line, Instant since) {
		return since == null || line.updatedAt().isAfter(since);
	}

	/**
	 * How many cases each tab of a person's queue holds: one pass over what waits on him,
	 * one over what he waits for. Unlike a page, a count reads every case of the queue (a
	 * county's dispatcher has tens of thousands in the benchmark), so it reads no other
	 * table and checks no condition per row beyond the branches'. Both statements are
	 * planned for the person's own jurisdiction ({@link #planned}): a generic plan cannot
	 * turn its LIKE into the range of the index by region (V32). A large queue's counts
	 * are kept a while ({@link QueueCountsKept}).
	 */
	public QueueCounts queueCounts(Actor actor, Instant since) {
		return this.queueCounts.of(actor, since);
	}

	private QueueCounts countQueue(Actor actor, Instant since) {
		String kinds = java.util.Arrays.stream(CaseKind.values())
			.map(kind -> ", sum(case when c.kind = '%s' then 1 else 0 end) as %s".formatted(kind.name(),
					kind.name().toLowerCase(java.util.Locale.ROOT)))
			.collect(Collectors.joining());
		Map<CaseKind, Integer> byKind = new EnumMap<>(CaseKind.class);
		int[] counts = new int[4];
		String acting = union(actor, QueueTab.ALL, "c.id, c.updated_at, c.time_state, c.kind");
		if (acting != null) {
			CaseScope
				.bind(this.planned.sql("""
						select count(*) as total,
						       sum(case when c.updated_at > :since then 1 else 0 end) as fresh,
						       sum(case when c.time_state = 'YELLOW' then 1 else 0 end) as yellow,
						       sum(case when c.time_state = 'RED' then 1 else 0 end) as red""" + kinds + " from ("
						+ acting + ") c"), actor)
				.param("since", Timestamp.from(since == null ? Instant.EPOCH : since))
				.query((rs, row) -> {
					counts[0] = rs.getInt("total");
					counts[1] = rs.getInt("fresh");
					counts[2] = rs.getInt("yellow");
					counts[3] = rs.getInt("red");
					for (CaseKind kind : CaseKind.values()) {
						byKind.put(kind, rs.getInt(kind.name().toLowerCase(java.util.Locale.ROOT)));
					}
					return row;
				})
				.list();
		}
		String others = union(actor, QueueTab.WAITING, "c.id");
		int waiting = others == null ? 0
				: CaseScope.bind(this.planned.sql("select count(*) from (" + others + ") c"), actor)
					.query(Integer.class)
					.single();
		return new QueueCounts(counts[0], counts[1], counts[2], counts[3], waiting, byKind);
	}

	/**
	 * The cases of the branches, each once, with what the counts read: every branch lies
	 * within the scope (see {@link #WAITING_ON}), and the indexes of V32 hold these
	 * columns, so PostgreSQL counts from the index alone.
	 */
	private static String union(Actor actor, QueueTab tab, String columns) {
		List<Party> parties = partiesOf(actor);
		List<String> branches = parties.stream()
			.filter(party -> party != Party.VERIFYING_GROUP)
			.map((tab == QueueTab.WAITING ? WAITING_FOR_OTHERS : WAITING_ON)::get)
			.filter(java.util.Objects::nonNull)
			.map(condition -> "select " + columns + " from cases c where " + condition)
			.toList();
		// A handler's two branches never share a case (the engine drops the lead unit
		// from
		// the co-units, Case.apply): they are appended, not compared row by row.
		boolean disjoint = parties.stream()
			.filter(party -> party != Party.VERIFYING_GROUP)
			.toList()
			.equals(List.of(Party.LEAD_UNIT, Party.CO_UNIT));
		String union = branches.isEmpty() ? null : String.join(disjoint ? " union all " : " union ", branches);
		if (tab == QueueTab.WAITING || !parties.contains(Party.VERIFYING_GROUP)) {
			return union;
		}
		String verifying = "select " + columns + " from cases c where " + VERIFYING;
		if (union == null) {
			return verifying;
		}
		// Appended without comparison when no other party of his acts on a resolved
		// case (SQL's unions bind from the left: the rest is one set by then).
		boolean apart = parties.stream()
			.filter(party -> party != Party.VERIFYING_GROUP)
			.noneMatch(party -> states(party).contains(CaseState.RESOLVED));
		return union + (apart ? " union all " : " union ") + verifying;
	}

	/** The conditions of the branches of a tab: one per party the person plays. */
	private static java.util.stream.Stream<String> branches(Actor actor, QueueTab tab) {
		Map<Party, String> conditions = tab == QueueTab.WAITING ? WAITING_FOR_OTHERS : WAITING_ON;
		return partiesOf(actor).stream()
			.map(party -> party == Party.VERIFYING_GROUP ? (tab == QueueTab.WAITING ? null : VERIFYING)
					: conditions.get(party))
			.filter(java.util.Objects::nonNull);
	}

	/** What a tab other than all, and a kind, add to each branch. */
	private static String narrowing(QueueView view) {
		String tab = switch (view.tab()) {
			case NEW -> " and c.updated_at > :since";
			case DUE_SOON -> " and c.time_state = 'YELLOW'";
			case OVERDUE -> " and c.time_state = 'RED'";
			case ALL, WAITING -> "";
		};
		return tab + (view.kind() == null ? "" : " and c.kind = :kind");
	}

	private static StatementSpec narrow(StatementSpec statement, QueueView view) {
		if (view.tab() == QueueTab.NEW) {
			statement = statement.param("since", Timestamp.from(view.since() == null ? Instant.EPOCH : view.since()));
		}
		return view.kind() == null ? statement : statement.param("kind", view.kind().name());
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
		if (actor.has(Role.INSPECTOR) && actor.jurisdictionPath() != null) {
			parties.add(Party.INSPECTOR);
		}
		if (actor.unitId() != null && actor.enterpriseId() == null) {
			// any official may be named to a supervision group
			parties.add(Party.VERIFYING_GROUP);
		}
		return parties;
	}

	/**
	 * How far a rectification item has come, as a public page may tell it: its title,
	 * state, dates and clock, nothing of its history, notes or files.
	 */
	public record ItemProgress(long id, String title, CaseState state, LocalDate dueDate, Instant filedAt,
			TimeState timeState) {
	}

	/**
	 * The progress of the rectification items among these ids (at most 1,000; other kinds
	 * are not answered), newest first. For the module that decides itself what may be
	 * told (discipline's 公示), without a person: it asks no scope.
	 */
	@Transactional(readOnly = true)
	public List<ItemProgress> rectificationProgress(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select c.id, c.title, c.state, c.due_date as dueDate, c.created_at as filedAt,
				       c.time_state as timeState
				from cases c where c.kind = 'RECTIFICATION' and c.id in (:ids)
				order by c.created_at desc, c.id desc""")
			.param("ids", ids.stream().limit(1000).toList())
			.query(Rows.of(ItemProgress.class))
			.list();
	}

	/** Every case the person may see, optionally of one state or matching a text. */
	public Page search(Actor actor, CaseState state, String text, int page, int size) {
		return search(actor, CaseFilter.of(state, text), page, size);
	}

	/**
	 * Every case the person may see that matches a filter. Only the filter's given parts
	 * become conditions (constant SQL, every value bound), so that PostgreSQL plans each
	 * combination for the indexes it can use; the text is found in the number (any part),
	 * the title and the enterprise's name, by the trigram indexes of V32 on PostgreSQL
	 * (the enterprises' ids as an array, so that PostgreSQL can OR their index's bitmap
	 * with the trigram bitmaps of the cases).
	 */
	@Transactional(readOnly = true)
	public Page search(Actor actor, CaseFilter filter, int page, int size) {
		if (filter.outsideJurisdiction()) {
			return new Page(List.of(), page, size, false);
		}
		// Planned for the values given: whether a text is rare (the trigram indexes,
		// their bitmaps OR-ed) or common (the newest cases, filtered) only the values
		// tell; a generic plan took 13 s for a rare one on 1,000,000 cases.
		QueryPlans.customForThisTransaction(this.plans);
		Matching matching = Matching.of(filter);
		List<CaseLine> lines = CaseScope
			.bind(this.jdbc.sql(SELECT + " where " + matching.where() + " order by " + filter.sort().orderBy
					+ " limit :limit offset :offset"), actor)
			.params(matching.values())
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(CaseLine.class))
			.list();
		return page(lines, page, size);
	}

	/**
	 * Hands each case the filter admits, in its order, to {@code line}, at most
	 * {@code limit} of them, read with a cursor (a ledger of a province's cases must not
	 * hold them all in memory; PostgreSQL keeps a cursor open only in a transaction).
	 */
	@Transactional(readOnly = true)
	public void each(Actor actor, CaseFilter filter, int limit, Consumer<CaseLine> line) {
		if (filter.outsideJurisdiction()) {
			return;
		}
		QueryPlans.customForThisTransaction(this.plans);
		Matching matching = Matching.of(filter);
		try (Stream<CaseLine> lines = CaseScope
			.bind(this.cursor
				.sql(SELECT + " where " + matching.where() + " order by " + filter.sort().orderBy + " limit :limit"),
					actor)
			.params(matching.values())
			.param("limit", limit)
			.query(Rows.of(CaseLine.class))
			.stream()) {
			lines.forEach(line);
		}
	}

	/**
	 * The conditions of a filter within {@link CaseScope}: only the filter's given parts,
	 * each a constant of the code with its value bound.
	 */
	private record Matching(String where, Map<String, Object> values) {

		static Matching of(CaseFilter filter) {
			StringBuilder where = new StringBuilder(CaseScope.CONDITION);
			Map<String, Object> values = new java.util.HashMap<>();
			if (filter.state() != null) {
				where.append(" and c.state = :state");
				values.put("state", filter.state().name());
			}
			if (filter.unitId() != null) {
				where.append(" and (c.lead_unit_id = :unit or exists (select 1 from case_co_unit f_cu"
						+ " where f_cu.case_id = c.id and f_cu.unit_id = :unit))");
				values.put("unit", filter.unitId());
			}
			if (filter.categoryId() != null) {
				where.append(" and c.category_id = :category");
				values.put("category", filter.categoryId());
			}
			if (filter.kind() != null) {
				where.append(" and c.kind = :kind");
				values.put("kind", filter.kind().name());
			}
			if (filter.channel() != null) {
				where.append(" and c.channel = :channel");
				values.put("channel", filter.channel().name());
			}
			if (filter.time() != null) {
				where.append(" and c.time_state = :time");
				values.put("time", filter.time().name());
			}
			if (filter.from() != null) {
				where.append(" and c.created_at >= :from");
				values.put("from", Timestamp.from(filter.from().atStartOfDay(CHINA).toInstant()));
			}
			if (filter.to() != null) {
				where.append(" and c.created_at < :to");
				values.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(CHINA).toInstant()));
			}
			if (filter.regionPath() != null) {
				where.append(" and ").append(CaseScope.within("region"));
				values.put("region", CaseScope.pattern(filter.regionPath()));
			}
			if (filter.text() != null) {
				// Numbers are upper case (QQ-2026-…); titles and names are matched
				// ignoring
				// case.
				where.append(" and (c.number like :number escape '\\' or c.title ilike :text escape '\\'"
						+ " or c.enterprise_id = any(array(select f_e.id from enterprise f_e"
						+ " where f_e.name ilike :text escape '\\')))");
				String part = filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
				values.put("number", "%" + part.toUpperCase(java.util.Locale.ROOT) + "%");
				values.put("text", "%" + part + "%");
			}
			return new Matching(where.toString(), values);
		}

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

	/**
	 * A closed case of an enterprise, as the evaluation module draws its spot-checks from
	 * (回访抽查): its lead unit, region, when it was closed and the rating it closed with.
	 */
	public record ClosedCase(long id, String number, String title, long leadUnitId, long enterpriseId,
			String regionCode, String regionPath, Instant closedAt, Rating rating, RatingSource ratingSource) {
	}

	/**
	 * The cases of enterprises (kinds that serve one) the person may see that were closed
	 * in {@code [from, to)}, at the latest step that closed them, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<ClosedCase> closedBetween(Actor actor, Instant from, Instant to) {
		return CaseScope.bind(this.jdbc.sql("""
				select c.id, c.number, c.title, c.lead_unit_id as leadUnitId, c.enterprise_id as enterpriseId,
				       c.region_code as regionCode, c.region_path as regionPath, x.closedAt, c.rating,
				       c.rating_source as ratingSource
				from cases c
				join (select ev.case_id, max(ev.at) as closedAt from case_event ev
				      where ev.to_state = 'CLOSED' and ev.at >= :from and ev.at < :to group by ev.case_id) x
				  on x.case_id = c.id
				where c.state = 'CLOSED' and c.lead_unit_id is not null and c.enterprise_id is not null
				  and c.kind in """ + " " + enterpriseKinds() + " and " + CaseScope.CONDITION + """
				order by x.closedAt, c.id"""), actor)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Rows.of(ClosedCase.class))
			.list();
	}

	/** A unit that led a case of an enterprise: who served whom. */
	public record Served(long unitId, long enterpriseId) {
	}

	/**
	 * The enterprises each lead unit served in {@code [from, to)}, among the cases the
	 * person may see: a case of an enterprise (kinds that serve one) that its lead unit
	 * resolved in the period. Each pair once.
	 */
	@Transactional(readOnly = true)
	public List<Served> servedBetween(Actor actor, Instant from, Instant to) {
		return CaseScope
			.bind(this.jdbc.sql("""
					select distinct c.lead_unit_id as unitId, c.enterprise_id as enterpriseId
					from cases c
					where c.lead_unit_id is not null and c.enterprise_id is not null and c.kind in """ + " "
					+ enterpriseKinds() + """
							and exists (select 1 from case_event ev where ev.case_id = c.id and ev.action = 'RESOLVE'
							            and ev.at >= :from and ev.at < :to)
							and """ + " " + CaseScope.CONDITION), actor)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Rows.of(Served.class))
			.list();
	}

	private static String literals(List<CaseAction> actions) {
		return actions.stream().map(action -> "'" + action.name() + "'").collect(Collectors.joining(", ", "(", ")"));
	}

	private static Page page(List<CaseLine> lines, int page, int size) {
		boolean hasNext = lines.size() > size;
		return new Page(hasNext ? lines.subList(0, size) : lines, page, size, hasNext);
	}

	/**
	 * The open states where a party has a case but may not act, as an SQL list of
	 * literals.
	 */
	private static String statesWhereWaits(Party party) {
		Set<CaseState> acts = states(party);
		return java.util.Arrays.stream(CaseState.values())
			.filter(state -> state.isOpen() && !acts.contains(state))
			.map(state -> "'" + state.name() + "'")
			.collect(Collectors.joining(", ", "(", ")"));
	}

	/** The kinds an enterprise follows, as an SQL list of literals. */
	private static String enterpriseKinds() {
		return java.util.Arrays.stream(CaseKind.values())
			.filter(CaseKind::servesEnterprise)
			.map(kind -> "'" + kind.name() + "'")
			.collect(Collectors.joining(", ", "(", ")"));
	}

	/** The states where a party may act, as an SQL list of literals: ('A', 'B'). */
	private static String statesWhereActs(Party party) {
		return states(party).stream()
			.map(state -> "'" + state.name() + "'")
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static Set<CaseState> states(Party party) {
		Set<CaseState> states = EnumSet.noneOf(CaseState.class);
		for (CaseKind kind : CaseKind.values()) {
			kind.workflow()
				.transitions()
				.stream()
				.filter(t -> t.by().contains(party) && t.action().waitsOnItsParty())
				.forEach(t -> states.addAll(t.from()));
		}
		return states;
	}

	/**
	 * What needs watching now among the cases the person may see (optionally of one lead
	 * unit or region subtree): how many are past their limit (red), due soon (yellow),
	 * under an unanswered supervision order, escalated. Time moves these without a step,
	 * so they are read from the cases, not from the statistics' rollups.
	 */
	public record Watch(long overdue, long dueSoon, long underOrder, long escalated) {
	}

	/**
	 * What needs watching, counted once for everyone under the same rule and narrowing
	 * and kept {@link DeskSettings#countCache()}, as the desk's counts are: at a
	 * province's size the red cases alone are half a million to count at every dashboard.
	 * It opens no transaction: most calls are answered from what is kept, and a
	 * transaction cost them a commit.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Watch watch(Actor actor, Long leadUnitId, String regionPath) {
		return this.watches.get(new WatchKey(CaseScope.keyOf(actor), leadUnitId, regionPath));
	}

	/** Whose cases, narrowed how: the key of the watch's counts. */
	private record WatchKey(CaseScope.Key scope, Long leadUnitId, String regionPath) {
	}

	private Watch countWatch(WatchKey key) {
		String filter = (key.leadUnitId() == null ? "" : " and c.lead_unit_id = :unit")
				+ (key.regionPath() == null ? "" : " and c.region_path like :path");
		long overdue = count(key,
				"select count(*) from cases c where c.time_state = 'RED' and " + CaseScope.CONDITION + filter);
		long dueSoon = count(key,
				"select count(*) from cases c where c.time_state = 'YELLOW' and " + CaseScope.CONDITION + filter);
		long ordered = count(key, """
				select count(*) from cases c where c.id in (select o.case_id from supervision_order o
				                                             where o.replied_at is null) and """ + CaseScope.CONDITION
				+ filter);
		long escalated = count(key,
				"select count(*) from cases c where c.escalated_unit_id is not null and c.state not in ('CLOSED', 'DECLINED', 'WITHDRAWN') and "
						+ CaseScope.CONDITION + filter);
		return new Watch(overdue, dueSoon, ordered, escalated);
	}

	private long count(WatchKey key, String sql) {
		var statement = key.scope().bind(this.jdbc.sql(sql));
		if (key.leadUnitId() != null) {
			statement = statement.param("unit", key.leadUnitId());
		}
		if (key.regionPath() != null) {
			statement = statement.param("path", key.regionPath() + "%");
		}
		return statement.query(Long.class).single();
	}

}
