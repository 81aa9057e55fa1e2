package org.qiqing.linkage;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.qiqing.linkage.CoverageReport.Crumb;
import org.qiqing.linkage.CoverageReport.Focus;
import org.qiqing.linkage.CoverageReport.FocusKind;
import org.qiqing.linkage.CoverageReport.LinkState;
import org.qiqing.linkage.CoverageReport.LinkStatus;
import org.qiqing.linkage.CoverageReport.Row;
import org.qiqing.linkage.CoverageReport.Show;
import org.qiqing.linkage.CoverageReport.Tally;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Text;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The coverage of enterprise links by visits (docs/linkage.md says it precisely). For a
 * link with frequency F and a period [P0, P1], the <em>due span</em> is the F-windows
 * from the one holding P0 to the one holding P1, clipped to the link's own period; a
 * visit counts when the enterprise was visited within the due span by the link's
 * official, or by the leader or a member of its group. The link is MET when every window
 * of the span has a visit, BEHIND when a window ended without one, PENDING otherwise.
 * <p>
 * Visits are read straight from the visit module's {@code visit} table: a read-only
 * coupling at the SQL level, like the enterprise scope's look into {@code cases}.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(LinkageSettings.class)
public class Coverage {

	/** How many recent coverages are kept at most (each a few hundred KB for a city). */
	private static final int RECENT = 64;

	/**
	 * Whether the holder of a link (in a relation with enterprise_id, person_id, group_id
	 * and leader_id) visited its enterprise between two days: its official or its group's
	 * leader, or a member of its group. Each branch is one probe of the index
	 * {@code visit (enterprise_id, visitor_id, visited_on)}.
	 */
	private static String visitedBetween(String x, String from, String to) {
		return """
				(exists (select 1 from visit v where v.enterprise_id = %1$s.enterprise_id
				         and v.visitor_id = coalesce(%1$s.person_id, %1$s.leader_id) and v.visited_on between %2$s and %3$s)
				 or %1$s.group_id is not null and exists (select 1 from work_group_member wm join visit v
				         on v.enterprise_id = %1$s.enterprise_id and v.visitor_id = wm.person_id
				         and v.visited_on between %2$s and %3$s where wm.group_id = %1$s.group_id))"""
			.formatted(x, from, to);
	}

	/**
	 * Every enterprise link in scope and focus that is due in the period, with its state:
	 * the one query behind the tallies, the rows and the list. {@code w} is the table of
	 * frequency windows that overlap the period (see {@link Windows}); a link is joined
	 * with each of its frequency's windows that overlaps its own period, and each such
	 * window is visited or not. "Visited in the period" is that window's answer when one
	 * of them is the period itself (a monthly link asked about a month), else one more
	 * probe.
	 */
	private static final String PER_LINK = """
			with w as (%s),
			lw as (
			  select l.id, l.enterprise_id, l.person_id, l.group_id, l.region_path, g.leader_id, w.closed, w.ws, w.we,
			         greatest(l.starts_on, w.ws) as s, least(coalesce(l.ends_on, w.we), w.we) as e
			  from link l
			  join w on w.frequency = l.frequency and l.starts_on <= w.we and (l.ends_on is null or l.ends_on >= w.ws)
			  left join work_group g on g.id = l.group_id
			  where l.target_kind = 'ENTERPRISE' and %s and (%s)
			), lwh as (
			  select lw.*, case when %s then 1 else 0 end as hit from lw
			), st as (
			  select id, enterprise_id, person_id, group_id, leader_id, region_path, count(*) as due, sum(hit) as visited,
			         sum(case when closed = 1 and hit = 0 then 1 else 0 end) as missed, min(s) as s, max(e) as e,
			         max(case when ws = :from and we = :to then hit else -1 end) as period_hit
			  from lwh group by id, enterprise_id, person_id, group_id, leader_id, region_path
			)
			select st.id, st.enterprise_id, st.region_path, coalesce(st.person_id, st.leader_id) as responsible,
			       st.due, st.visited, st.missed, st.s, st.e,
			       case when st.period_hit >= 0 then st.period_hit when %s then 1 else 0 end as period_visited
			from st""";

	/** What the list shows of a link besides its state, for a page of them. */
	private static final String DETAILS = """
			select l.id, en.credit_code, en.name as enterprise_name, r.name as region_name,
			       coalesce(p.display_name, g.name) as holder_name, l.group_id is not null as grp, u.name as unit_name,
			       l.frequency,
			       (select max(v.visited_on) from visit v where v.enterprise_id = l.enterprise_id and v.visited_on <= :to
			          and (v.visitor_id = l.person_id or v.visitor_id = g.leader_id
			               or v.visitor_id in (select wm.person_id from work_group_member wm where wm.group_id = l.group_id)))
			         as last_visit,
			       (select count(*) from visit v where v.enterprise_id = l.enterprise_id
			          and v.visited_on between greatest(l.starts_on, :from) and least(coalesce(l.ends_on, :to), :to)
			          and (v.visitor_id = l.person_id or v.visitor_id = g.leader_id
			               or v.visitor_id in (select wm.person_id from work_group_member wm where wm.group_id = l.group_id)))
			         as period_visits
			from link l
			join enterprise en on en.id = l.enterprise_id
			join region r on r.code = en.region_code
			left join person p on p.id = l.person_id
			left join work_group g on g.id = l.group_id
			left join person rp on rp.id = coalesce(l.person_id, g.leader_id)
			left join unit u on u.id = rp.unit_id
			where l.id in (:ids)""";

	/** A link's state, as the per-link query computes it. */
	private record State(long id, long enterpriseId, String regionPath, long responsible, int due, int visited,
			int missed, LocalDate from, LocalDate to, boolean periodVisited) {

		LinkState state() {
			return this.visited >= this.due ? LinkState.MET : this.missed > 0 ? LinkState.BEHIND : LinkState.PENDING;
		}

		boolean shown(Show show) {
			return switch (show) {
				case ALL -> true;
				case UNVISITED -> !this.periodVisited;
				case BEHIND -> state() == LinkState.BEHIND;
			};
		}

	}

	private static final Comparator<State> LIST_ORDER = Comparator.comparing((State s) -> switch (s.state()) {
		case BEHIND -> 0;
		case PENDING -> 1;
		case MET -> 2;
	}).thenComparing(State::regionPath).thenComparingLong(State::enterpriseId).thenComparingLong(State::id);

	private final JdbcClient jdbc;

	private final LinkQueries queries;

	private final PlatformClock clock;

	/** What a coverage depends on: who asks (his scope), about what, for when. */
	private record Question(String scopePattern, long scopePerson, FocusKind kind, String focusKey, String period,
			LocalDate today) {
	}

	private final Recent<Question, Computed> recent;

	Coverage(JdbcClient jdbc, LinkQueries queries, PlatformClock clock, LinkageSettings settings) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
		this.recent = new Recent<>(settings.coverageCache(), RECENT, clock);
	}

	/**
	 * Forgets the recent coverages after a change of links or groups: when its
	 * transaction commits, so that nobody computes the old state again in between.
	 */
	void forget() {
		this.recent.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Coverage.this.recent.clear();
				}
			});
		}
	}

	static LocalDate today(PlatformClock clock) {
		return LocalDate.ofInstant(clock.instant(), CHINA);
	}

	public LocalDate today() {
		return today(this.clock);
	}

	/**
	 * What a person sees when he names no focus: his jurisdiction if he oversees one,
	 * else his own links.
	 */
	public Focus defaultFocus(Actor actor) {
		LinkScope.requireOfficial(actor);
		String pattern = LinkScope.overseenPattern(actor);
		if (!pattern.isEmpty()) {
			String path = actor.jurisdictionPath();
			String code = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
			return focus(FocusKind.REGION, code, actor);
		}
		return focus(FocusKind.PERSON, Long.toString(actor.personId()), actor);
	}

	/**
	 * The focus a request names, refused as unknown (404) when it is a region outside his
	 * jurisdiction, or a group or a person he may not see, as every foreign record is.
	 * Units are public names; what he sees of one is only the links in his scope. The
	 * trail leads no higher than his jurisdiction.
	 */
	public Focus focus(FocusKind kind, String key, Actor actor) {
		LinkScope.requireOfficial(actor);
		return switch (kind) {
			case REGION -> regionFocus(key, actor);
			case UNIT ->
				this.jdbc.sql("""
						select u.name, u.region_code, r.name as region_name, r.path as region_path
						from unit u join region r on r.code = u.region_code where u.id = :id""")
					.param("id", number(key, Text.of("record.unit")))
					.query((rs, row) -> new Focus(kind, key, rs.getString("name"),
							actor.oversees(rs.getString("region_path")) ? List.of(new Crumb(FocusKind.REGION,
									rs.getString("region_code"), rs.getString("region_name"))) : List.of()))
					.optional()
					.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.unit"), key)));
			case GROUP -> this.queries.findVisibleGroup(number(key, Text.of("record.workGroup")), actor)
				.map(group -> new Focus(kind, key, group.name(), actor.oversees(regionPath(group.regionCode()))
						? List.of(new Crumb(FocusKind.REGION, group.regionCode(), group.regionName())) : List.of()))
				.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.workGroup"), key)));
			case PERSON -> personFocus(number(key, Text.of("record.person")), actor);
		};
	}

	private Focus regionFocus(String code, Actor actor) {
		String path = this.jdbc.sql("select path from region where code = :code")
			.param("code", code)
			.query(String.class)
			.optional()
			.filter(actor::oversees)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.region"), code)));
		List<Crumb> trail = new ArrayList<>();
		StringBuilder ancestorPath = new StringBuilder("/");
		for (String ancestor : path.substring(1).split("/")) {
			ancestorPath.append(ancestor).append('/');
			if (actor.oversees(ancestorPath.toString())) {
				String name = this.jdbc.sql("select name from region where code = :code")
					.param("code", ancestor)
					.query(String.class)
					.single();
				trail.add(new Crumb(FocusKind.REGION, ancestor, name));
			}
		}
		Crumb self = trail.remove(trail.size() - 1);
		return new Focus(FocusKind.REGION, code, self.name(), List.copyOf(trail));
	}

	/** Himself, or an official whose unit lies in the regions whose links he oversees. */
	private Focus personFocus(long id, Actor actor) {
		LinkQueries.Official official = this.queries.official(id)
			.filter(o -> o.id() == actor.personId() || o.regionPath() != null
					&& !LinkScope.overseenPattern(actor).isEmpty() && actor.oversees(o.regionPath()))
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.person"), id)));
		List<Crumb> trail = official.unitId() == null ? List.of()
				: List.of(new Crumb(FocusKind.UNIT, Long.toString(official.unitId()), official.unitName()));
		return new Focus(FocusKind.PERSON, Long.toString(id), official.displayName(), trail);
	}

	private static long number(String key, Text what) {
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new NotFound(Text.of("error.record.notFound", what, key));
		}
	}

	public CoverageReport report(Focus focus, CoveragePeriod period, Show show, int page, int size, Actor actor) {
		LinkScope.requireOfficial(actor);
		LocalDate today = today();
		Computed computed = computed(focus, period, today, actor);
		long from = (long) page * size;
		List<State> onPage = computed.ordered()
			.stream()
			.filter(s -> s.shown(show))
			.skip(from)
			.limit(size + 1L)
			.toList();
		boolean hasNext = onPage.size() > size;
		return new CoverageReport(focus, period, today, computed.total(), computed.rows(),
				details(hasNext ? onPage.subList(0, size) : onPage, period), show, page, hasNext);
	}

	/**
	 * Every link of the focus, in the list's order, a batch at a time (for the export).
	 */
	public void eachLink(Focus focus, CoveragePeriod period, Show show, Actor actor, Consumer<LinkStatus> each) {
		LinkScope.requireOfficial(actor);
		List<State> shown = computed(focus, period, today(), actor).ordered()
			.stream()
			.filter(s -> s.shown(show))
			.toList();
		for (int from = 0; from < shown.size(); from += DETAIL_BATCH) {
			details(shown.subList(from, Math.min(from + DETAIL_BATCH, shown.size())), period).forEach(each);
		}
	}

	private static final int DETAIL_BATCH = 500;

	/** A tally being counted, a link at a time. */
	private static final class Counting {

		private final Set<Long> enterprises = new HashSet<>();

		private final Set<Long> visited = new HashSet<>();

		private final int[] byState = new int[LinkState.values().length];

		private int links;

		void add(State state) {
			this.links++;
			this.enterprises.add(state.enterpriseId());
			if (state.periodVisited()) {
				this.visited.add(state.enterpriseId());
			}
			this.byState[state.state().ordinal()]++;
		}

		Tally tally() {
			return new Tally(this.links, this.enterprises.size(), this.visited.size(),
					this.byState[LinkState.MET.ordinal()], this.byState[LinkState.PENDING.ordinal()],
					this.byState[LinkState.BEHIND.ordinal()]);
		}

	}

	private static Tally tally(List<State> states) {
		Counting counting = new Counting();
		states.forEach(counting::add);
		return counting.tally();
	}

	private List<Row> rows(Focus focus, CoveragePeriod period, LocalDate today, List<State> states, Actor actor) {
		return switch (focus.kind()) {
			// The sub-regions; links of enterprises registered at the region itself come
			// under its own name. A region without sub-regions has no rows: its list is
			// the drill-down.
			case REGION -> {
				String path = regionPath(focus.key());
				Map<String, String> names = children(focus.key());
				Map<String, Counting> byChild = new LinkedHashMap<>();
				names.keySet().forEach(child -> byChild.put(child, new Counting()));
				Counting own = new Counting();
				// One pass: a link's region path goes on from the focus's path with the
				// code of the sub-region it lies in.
				for (State state : states) {
					int end = state.regionPath().indexOf('/', path.length());
					if (end < 0) {
						own.add(state);
					}
					else {
						Counting child = byChild.get(state.regionPath().substring(path.length(), end));
						if (child != null) {
							child.add(state);
						}
					}
				}
				List<Row> rows = new ArrayList<>();
				byChild.forEach((child, counting) -> rows
					.add(new Row(FocusKind.REGION, child, names.get(child), counting.tally())));
				if (own.links > 0 && !rows.isEmpty()) {
					rows.add(new Row(FocusKind.REGION, focus.key(), focus.name(), own.tally()));
				}
				yield rows;
			}
			// The people of the unit: each official's own links and his groups'.
			case UNIT -> {
				Map<Long, List<State>> byPerson = states.stream()
					.collect(Collectors.groupingBy(State::responsible, TreeMap::new, Collectors.toList()));
				yield names(byPerson.keySet()).entrySet()
					.stream()
					.map(person -> new Row(FocusKind.PERSON, Long.toString(person.getKey()), person.getValue(),
							tally(byPerson.get(person.getKey()))))
					.toList();
			}
			// The leader and members of the group, each with the group's enterprises he
			// visited himself in the period.
			case GROUP -> {
				Set<Long> firms = states.stream().map(State::enterpriseId).collect(Collectors.toSet());
				Map<Long, Integer> visited = new HashMap<>();
				Map<Long, String> people = groupPeople(Long.parseLong(focus.key()));
				if (!firms.isEmpty()) {
					this.jdbc.sql("""
							select v.visitor_id, count(distinct v.enterprise_id) as visited from visit v
							where v.enterprise_id in (:firms) and v.visitor_id in (:people)
							  and v.visited_on between :from and :to
							group by v.visitor_id""")
						.param("firms", firms)
						.param("people", people.keySet())
						.param("from", period.from())
						.param("to", period.to())
						.query((RowCallbackHandler) rs -> visited.put(rs.getLong("visitor_id"), rs.getInt("visited")));
				}
				yield people.entrySet()
					.stream()
					.map(person -> new Row(FocusKind.PERSON, Long.toString(person.getKey()), person.getValue(),
							new Tally(states.size(), firms.size(), visited.getOrDefault(person.getKey(), 0), 0, 0, 0)))
					.toList();
			}
			case PERSON -> List.of();
		};
	}

	private Map<String, String> children(String code) {
		Map<String, String> children = new LinkedHashMap<>();
		this.jdbc.sql("select code, name from region where parent_code = :code order by path")
			.param("code", code)
			.query((RowCallbackHandler) rs -> children.put(rs.getString("code"), rs.getString("name")));
		return children;
	}

	/** The leader and the members of a group, by name. */
	private Map<Long, String> groupPeople(long groupId) {
		Map<Long, String> people = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select p.id, p.display_name from person p join work_group g on g.id = :id
					where p.id = g.leader_id or p.id in (select wm.person_id from work_group_member wm where wm.group_id = g.id)
					order by p.display_name, p.id""")
			.param("id", groupId)
			.query((RowCallbackHandler) rs -> people.put(rs.getLong("id"), rs.getString("display_name")));
		return people;
	}

	private Map<Long, String> names(Set<Long> people) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (!people.isEmpty()) {
			this.jdbc.sql("select id, display_name from person where id in (:ids) order by display_name, id")
				.param("ids", people)
				.query((RowCallbackHandler) rs -> names.put(rs.getLong("id"), rs.getString("display_name")));
		}
		return names;
	}

	/**
	 * The coverage of a question as the report shows it: its links in the list's order,
	 * their tally and the drill-down rows, made once for the time it is kept rather than
	 * for every page of it (sorting and tallying a city's 20,000 links costs more than
	 * the rest of a request that finds them kept).
	 */
	private record Computed(List<State> ordered, Tally total, List<Row> rows) {
	}

	private Computed computed(Focus focus, CoveragePeriod period, LocalDate today, Actor actor) {
		Question question = new Question(LinkScope.overseenPattern(actor), actor.personId(), focus.kind(), focus.key(),
				period.key(), today);
		return this.recent.get(question, () -> {
			List<State> states = compute(focus, period, today, actor);
			return new Computed(states.stream().sorted(LIST_ORDER).toList(), tally(states),
					rows(focus, period, today, states, actor));
		});
	}

	private List<State> compute(Focus focus, CoveragePeriod period, LocalDate today, Actor actor) {
		return query("%s", focus, period, today, actor)
			.query((rs, row) -> new State(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("region_path"),
					rs.getLong("responsible"), rs.getInt("due"), rs.getInt("visited"), rs.getInt("missed"),
					rs.getObject("s", LocalDate.class), rs.getObject("e", LocalDate.class),
					rs.getInt("period_visited") > 0))
			.list();
	}

	/** The names, last visits and visits in the period of some links, in their order. */
	private List<LinkStatus> details(List<State> states, CoveragePeriod period) {
		if (states.isEmpty()) {
			return List.of();
		}
		Map<Long, LinkStatus> byId = new HashMap<>();
		Map<Long, State> stateOf = states.stream().collect(Collectors.toMap(State::id, s -> s));
		this.jdbc.sql(DETAILS)
			.param("ids", stateOf.keySet())
			.param("from", period.from())
			.param("to", period.to())
			.query((RowCallbackHandler) rs -> {
				State s = stateOf.get(rs.getLong("id"));
				byId.put(s.id(), new LinkStatus(s.id(), s.enterpriseId(), rs.getString("credit_code"),
						rs.getString("enterprise_name"), rs.getString("region_name"), rs.getString("holder_name"),
						rs.getBoolean("grp"), rs.getString("unit_name"),
						LinkFrequency.valueOf(rs.getString("frequency")), s.from(), s.to(), s.due(), s.visited(),
						rs.getInt("period_visits"), rs.getObject("last_visit", LocalDate.class), s.state()));
			});
		return states.stream().map(s -> byId.get(s.id())).toList();
	}

	/**
	 * The per-link query, placed into an outer statement ({@code %s}), with the scope,
	 * the focus and the windows bound.
	 */
	private StatementSpec query(String outer, Focus focus, CoveragePeriod period, LocalDate today, Actor actor) {
		String condition = switch (focus.kind()) {
			case REGION -> "l.region_path like :focusPattern";
			case UNIT -> """
					l.person_id in (select up.id from person up where up.unit_id = :focusId)
					 or l.group_id in (select ug.id from work_group ug join person ul on ul.id = ug.leader_id
					                   where ul.unit_id = :focusId)""";
			case GROUP -> "l.group_id = :focusId";
			case PERSON -> """
					l.person_id = :focusId
					 or l.group_id in (select pg.id from work_group pg where pg.leader_id = :focusId)
					 or l.group_id in (select pm.group_id from work_group_member pm where pm.person_id = :focusId)""";
		};
		Windows windows = new Windows(period, today);
		String perLink = PER_LINK.formatted(windows.sql(), LinkScope.CONDITION, condition,
				visitedBetween("lw", "lw.s", "lw.e"),
				visitedBetween("st", "greatest(st.s, :from)", "least(st.e, :to)"));
		StatementSpec statement = LinkScope.bind(this.jdbc.sql(outer.formatted(perLink)), actor)
			.param("from", period.from())
			.param("to", period.to());
		statement = windows.bind(statement);
		if (focus.kind() == FocusKind.REGION) {
			return statement.param("focusPattern", regionPath(focus.key()) + "%");
		}
		return statement.param("focusId", Long.parseLong(focus.key()));
	}

	private String regionPath(String code) {
		return this.jdbc.sql("select path from region where code = :code")
			.param("code", code)
			.query(String.class)
			.single();
	}

}
