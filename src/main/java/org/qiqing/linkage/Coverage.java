package org.qiqing.linkage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
public class Coverage {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The number of a window, as {@link LinkFrequency#window} counts it, of a date. */
	private static String window(String date, String months) {
		return "floor((extract(year from " + date + ") * 12 + extract(month from " + date + ") - 1) / " + months + ")";
	}

	/** A CASE on the link's frequency choosing the parameter of that frequency. */
	private static String byFrequency(String parameter) {
		return Arrays.stream(LinkFrequency.values())
			.map(f -> "when '" + f.name() + "' then :" + parameter + f.ordinal())
			.collect(Collectors.joining(" ", "(case l.frequency ", " end)"));
	}

	/**
	 * Every enterprise link in scope and focus due in the period, with its state: the one
	 * query behind the tallies, the list and the export. Parameters: the scope's, the
	 * focus's, :from and :to, and per frequency its windows' bounds.
	 */
	private static final String PER_LINK = """
			with lk as (
			  select l.id, l.enterprise_id, l.person_id, l.group_id, l.region_path, g.leader_id,
			         coalesce(l.person_id, g.leader_id) as responsible,
			         %1$s as m,
			         greatest(l.starts_on, %2$s) as s,
			         least(coalesce(l.ends_on, %3$s), %3$s) as e,
			         greatest(l.starts_on, :from) as ps,
			         least(coalesce(l.ends_on, :to), :to) as pe,
			         %4$s as cur, %5$s as tidx
			  from link l left join work_group g on g.id = l.group_id
			  where l.target_kind = 'ENTERPRISE' and %6$s and (%7$s)
			    and l.starts_on <= %3$s and (l.ends_on is null or l.ends_on >= %2$s)
			), seen as (
			  select lk.id, lk.enterprise_id, lk.person_id, lk.group_id, lk.responsible, lk.region_path, lk.s, lk.e,
			         %8$s - %9$s + 1 as due,
			         greatest(0, least(%8$s, lk.tidx - 1) - %9$s + 1) as closed,
			         count(distinct %10$s) as visited_windows,
			         max(case when v.visited_on >= lk.cur then 1 else 0 end) as current_visited,
			         sum(case when v.visited_on between lk.ps and lk.pe then 1 else 0 end) as period_visits,
			         max(v.visited_on) as last_visit
			  from lk left join visit v on v.enterprise_id = lk.enterprise_id and v.visited_on between lk.s and lk.e
			       and (v.visitor_id = lk.person_id or v.visitor_id = lk.leader_id
			            or v.visitor_id in (select wm.person_id from work_group_member wm where wm.group_id = lk.group_id))
			  group by lk.id, lk.enterprise_id, lk.person_id, lk.group_id, lk.responsible, lk.region_path, lk.s, lk.e,
			           lk.m, lk.tidx, lk.cur
			), st as (
			  select seen.*,
			         case when visited_windows >= due then 'MET'
			              when visited_windows - current_visited < closed then 'BEHIND'
			              else 'PENDING' end as state
			  from seen
			)
			"""
		.formatted(byFrequency("months"), byFrequency("ws"), byFrequency("we"), byFrequency("cur"), byFrequency("tidx"),
				LinkScope.CONDITION, "%1$s", window("lk.e", "lk.m"), window("lk.s", "lk.m"),
				window("v.visited_on", "lk.m"));

	private static final String TALLY = """
			count(*) as links, count(distinct st.enterprise_id) as enterprises,
			count(distinct case when st.period_visits > 0 then st.enterprise_id end) as visited_enterprises,
			sum(case when st.state = 'MET' then 1 else 0 end) as met,
			sum(case when st.state = 'PENDING' then 1 else 0 end) as pending,
			sum(case when st.state = 'BEHIND' then 1 else 0 end) as behind""";

	private static final String LIST = """
			select st.id, st.enterprise_id, en.credit_code, en.name as enterprise_name, r.name as region_name,
			       coalesce(p.display_name, g.name) as holder_name, st.group_id is not null as grp, u.name as unit_name,
			       l.frequency, st.s, st.e, st.due, st.visited_windows, st.period_visits, st.last_visit, st.state
			from st
			join link l on l.id = st.id
			join enterprise en on en.id = st.enterprise_id
			join region r on r.code = en.region_code
			left join person p on p.id = st.person_id
			left join work_group g on g.id = st.group_id
			left join person rp on rp.id = st.responsible
			left join unit u on u.id = rp.unit_id
			where (:show = 'ALL' or (:show = 'UNVISITED' and st.period_visits = 0) or (:show = 'BEHIND' and st.state = 'BEHIND'))
			order by case st.state when 'BEHIND' then 0 when 'PENDING' then 1 else 2 end, st.region_path, en.name, st.id
			""";

	private final JdbcClient jdbc;

	private final LinkQueries queries;

	private final PlatformClock clock;

	Coverage(JdbcClient jdbc, LinkQueries queries, PlatformClock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
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
	 * The focus a request names, refused as unknown (404) when it is a group or a person
	 * he may not see. Regions and units are public names; what he sees of them is only
	 * the links in his scope.
	 */
	public Focus focus(FocusKind kind, String key, Actor actor) {
		LinkScope.requireOfficial(actor);
		return switch (kind) {
			case REGION -> regionFocus(key);
			case UNIT -> this.jdbc
				.sql("""
						select u.name, u.region_code, r.name as region_name from unit u join region r on r.code = u.region_code
						where u.id = :id""")
				.param("id", number(key, "unit"))
				.query((rs, row) -> new Focus(kind, key, rs.getString("name"),
						List.of(new Crumb(FocusKind.REGION, rs.getString("region_code"), rs.getString("region_name")))))
				.optional()
				.orElseThrow(() -> new NotFound("unit", key));
			case GROUP -> this.queries.findVisibleGroup(number(key, "work group"), actor)
				.map(group -> new Focus(kind, key, group.name(),
						List.of(new Crumb(FocusKind.REGION, group.regionCode(), group.regionName()))))
				.orElseThrow(() -> new NotFound("work group", key));
			case PERSON -> personFocus(number(key, "person"), actor);
		};
	}

	private Focus regionFocus(String code) {
		List<Crumb> trail = new ArrayList<>();
		String path = this.jdbc.sql("select path from region where code = :code")
			.param("code", code)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("region", code));
		for (String ancestor : path.substring(1).split("/")) {
			String name = this.jdbc.sql("select name from region where code = :code")
				.param("code", ancestor)
				.query(String.class)
				.single();
			trail.add(new Crumb(FocusKind.REGION, ancestor, name));
		}
		Crumb self = trail.remove(trail.size() - 1);
		return new Focus(FocusKind.REGION, code, self.name(), List.copyOf(trail));
	}

	/** Himself, or an official whose unit lies in the regions whose links he oversees. */
	private Focus personFocus(long id, Actor actor) {
		LinkQueries.Official official = this.queries.official(id)
			.filter(o -> o.id() == actor.personId() || o.regionPath() != null
					&& !LinkScope.overseenPattern(actor).isEmpty() && actor.oversees(o.regionPath()))
			.orElseThrow(() -> new NotFound("person", id));
		List<Crumb> trail = official.unitId() == null ? List.of()
				: List.of(new Crumb(FocusKind.UNIT, Long.toString(official.unitId()), official.unitName()));
		return new Focus(FocusKind.PERSON, Long.toString(id), official.displayName(), trail);
	}

	private static long number(String key, String what) {
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new NotFound(what, key);
		}
	}

	public CoverageReport report(Focus focus, CoveragePeriod period, Show show, int page, int size, Actor actor) {
		LinkScope.requireOfficial(actor);
		LocalDate today = today();
		Tally total = query(PER_LINK + "select " + TALLY + " from st", focus, period, today, actor)
			.query((rs, row) -> tally(rs))
			.single();
		List<LinkStatus> links = query(PER_LINK + LIST + " limit :limit offset :offset", focus, period, today, actor)
			.param("show", show.name())
			.param("limit", size + 1)
			.param("offset", page * size)
			.query((rs, row) -> linkStatus(rs))
			.list();
		boolean hasNext = links.size() > size;
		return new CoverageReport(focus, period, today, total, rows(focus, period, today, actor),
				hasNext ? links.subList(0, size) : links, show, page, hasNext);
	}

	/** Every link of the focus, in the list's order, one at a time (for the export). */
	public void eachLink(Focus focus, CoveragePeriod period, Show show, Actor actor, Consumer<LinkStatus> each) {
		LinkScope.requireOfficial(actor);
		query(PER_LINK + LIST, focus, period, today(), actor).param("show", show.name())
			.query((RowCallbackHandler) rs -> each.accept(linkStatus(rs)));
	}

	private List<Row> rows(Focus focus, CoveragePeriod period, LocalDate today, Actor actor) {
		return switch (focus.kind()) {
			// The sub-regions; links of enterprises registered at the region itself
			// come under its own name.
			case REGION -> query(PER_LINK + """
					select coalesce(c.code, :focusKey) as row_key, coalesce(c.name, :focusName) as row_name, %s
					from st left join region c on c.parent_code = :focusKey and st.region_path like c.path || '%%'
					group by c.code, c.name, c.path order by c.path""".formatted(TALLY), focus, period, today, actor)
				.param("focusKey", focus.key())
				.param("focusName", focus.name())
				.query((rs, row) -> new Row(FocusKind.REGION, rs.getString("row_key"), rs.getString("row_name"),
						tally(rs)))
				.list()
				.stream()
				// The region itself is not a row to drill into when it has no links of
				// its own.
				.filter(row -> !(row.key().equals(focus.key()) && row.tally().links() == 0))
				.toList();
			// The people of the unit: each official's own links and his groups'.
			case UNIT -> personRows("""
					select p.id as row_key, p.display_name as row_name, %s
					from st join person p on p.id = st.responsible
					group by p.id, p.display_name order by p.display_name, p.id""".formatted(TALLY), focus, period,
					today, actor);
			// The leader and members of the group, each with the group's links as he
			// visited them himself.
			case GROUP -> personRows("""
					select p.id as row_key, p.display_name as row_name,
					       count(distinct st.id) as links, count(distinct st.enterprise_id) as enterprises,
					       count(distinct case when v.id is not null then st.enterprise_id end) as visited_enterprises,
					       0 as met, 0 as pending, 0 as behind
					from st
					join work_group g on g.id = st.group_id
					join person p on p.id = g.leader_id
					     or p.id in (select wm.person_id from work_group_member wm where wm.group_id = g.id)
					left join visit v on v.enterprise_id = st.enterprise_id and v.visitor_id = p.id
					     and v.visited_on between :from and :to
					group by p.id, p.display_name order by p.display_name, p.id""", focus, period, today, actor);
			case PERSON -> List.of();
		};
	}

	private List<Row> personRows(String sql, Focus focus, CoveragePeriod period, LocalDate today, Actor actor) {
		return query(PER_LINK + sql, focus, period, today, actor)
			.query((rs, row) -> new Row(FocusKind.PERSON, rs.getString("row_key"), rs.getString("row_name"), tally(rs)))
			.list();
	}

	/**
	 * The statement with the scope, the focus and the windows of each frequency bound.
	 */
	private StatementSpec query(String perLink, Focus focus, CoveragePeriod period, LocalDate today, Actor actor) {
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
		StatementSpec statement = LinkScope.bind(this.jdbc.sql(perLink.replace("%1$s", condition)), actor)
			.param("from", period.from())
			.param("to", period.to());
		if (focus.kind() == FocusKind.REGION) {
			statement = statement.param("focusPattern", regionPath(focus.key()) + "%");
		}
		else {
			statement = statement.param("focusId", Long.parseLong(focus.key()));
		}
		for (LinkFrequency f : LinkFrequency.values()) {
			statement = statement.param("months" + f.ordinal(), f.months())
				.param("ws" + f.ordinal(), f.windowStart(period.from()))
				.param("we" + f.ordinal(), f.windowEnd(period.to()))
				.param("cur" + f.ordinal(), f.windowStart(today))
				.param("tidx" + f.ordinal(), f.window(today));
		}
		return statement;
	}

	private String regionPath(String code) {
		return this.jdbc.sql("select path from region where code = :code")
			.param("code", code)
			.query(String.class)
			.single();
	}

	private static Tally tally(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Tally(rs.getInt("links"), rs.getInt("enterprises"), rs.getInt("visited_enterprises"),
				rs.getInt("met"), rs.getInt("pending"), rs.getInt("behind"));
	}

	private static LinkStatus linkStatus(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new LinkStatus(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("credit_code"),
				rs.getString("enterprise_name"), rs.getString("region_name"), rs.getString("holder_name"),
				rs.getBoolean("grp"), rs.getString("unit_name"), LinkFrequency.valueOf(rs.getString("frequency")),
				rs.getObject("s", LocalDate.class), rs.getObject("e", LocalDate.class), rs.getInt("due"),
				rs.getInt("visited_windows"), rs.getInt("period_visits"), rs.getObject("last_visit", LocalDate.class),
				LinkState.valueOf(rs.getString("state")));
	}

}
