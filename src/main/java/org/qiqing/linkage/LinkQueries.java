package org.qiqing.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of links and working groups within what a person may see ({@link LinkScope}).
 */
@Component
public class LinkQueries {

	/** A link as lists show it, with its holder's and target's names. */
	public record LinkLine(long id, Long personId, Long groupId, String holderName, String unitName,
			LinkTarget targetKind, Long enterpriseId, String creditCode, String targetName, String regionCode,
			String regionName, LinkFrequency frequency, LocalDate startsOn, LocalDate endsOn, int version) {
	}

	/** What to list: every criterion is optional. */
	public record LinkFilter(Long personId, Long groupId, Long enterpriseId, String regionCode, String q,
			LocalDate activeOn) {

		public static LinkFilter none() {
			return new LinkFilter(null, null, null, null, null, null);
		}

	}

	public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

		static <T> Page<T> of(List<T> oneMore, int page, int size) {
			boolean hasNext = oneMore.size() > size;
			return new Page<>(hasNext ? oneMore.subList(0, size) : oneMore, page, size, hasNext);
		}

	}

	/** A working group with its leader and members. */
	public record GroupView(long id, String name, long leaderId, String leaderName, String regionCode,
			String regionName, List<Official> members, int links, int version) {
	}

	/** An official, with the path of his unit's region (where he works). */
	public record Official(long id, String username, String displayName, Long unitId, String unitName,
			String regionPath) {
	}

	static final String LINK_SELECT = """
			select l.id, l.person_id, l.group_id, coalesce(p.display_name, g.name) as holder_name,
			       hu.name as unit_name, l.target_kind, l.enterprise_id, en.credit_code,
			       coalesce(en.name, l.project_name, tr.name) as target_name,
			       coalesce(en.region_code, l.target_region_code) as region_code, rr.name as region_name,
			       l.frequency, l.starts_on, l.ends_on, l.version
			from link l
			left join person p on p.id = l.person_id
			left join work_group g on g.id = l.group_id
			left join unit hu on hu.id = coalesce(p.unit_id, (select gl.unit_id from person gl where gl.id = g.leader_id))
			left join enterprise en on en.id = l.enterprise_id
			left join region tr on tr.code = l.target_region_code
			left join region rr on rr.code = coalesce(en.region_code, l.target_region_code)
			""";

	private final JdbcClient jdbc;

	LinkQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<LinkLine> findVisible(long id, Actor actor) {
		LinkScope.requireOfficial(actor);
		return LinkScope.bind(this.jdbc.sql(LINK_SELECT + " where l.id = :id and " + LinkScope.CONDITION), actor)
			.param("id", id)
			.query(Rows.of(LinkLine.class))
			.optional();
	}

	/** The links he may see that match the filter, newest first. */
	public Page<LinkLine> links(Actor actor, LinkFilter filter, int page, int size) {
		LinkScope.requireOfficial(actor);
		String text = filter.q() == null ? "" : filter.q().strip();
		List<LinkLine> lines = LinkScope
			.bind(this.jdbc.sql(LINK_SELECT
					+ """
							where %s
							  and (:person < 0 or l.person_id = :person)
							  and (:group < 0 or l.group_id = :group)
							  and (:enterprise < 0 or l.enterprise_id = :enterprise)
							  and (:regionPattern = '' or l.region_path like :regionPattern)
							  and (:text = '' or en.credit_code = :text or en.name like :textPattern or l.project_name like :textPattern
							       or p.display_name like :textPattern or g.name like :textPattern)
							  and (:active = false or (l.starts_on <= :activeOn and (l.ends_on is null or l.ends_on >= :activeOn)))
							order by l.id desc limit :limit offset :offset"""
						.formatted(LinkScope.CONDITION)),
					actor)
			.param("person", filter.personId() == null ? -1L : filter.personId())
			.param("group", filter.groupId() == null ? -1L : filter.groupId())
			.param("enterprise", filter.enterpriseId() == null ? -1L : filter.enterpriseId())
			.param("regionPattern", regionPattern(filter.regionCode()))
			.param("text", text)
			.param("textPattern", "%" + text + "%")
			.param("active", filter.activeOn() != null)
			.param("activeOn", filter.activeOn() == null ? LocalDate.of(1970, 1, 1) : filter.activeOn())
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(LinkLine.class))
			.list();
		return Page.of(lines, page, size);
	}

	private static final String GROUP_SELECT = """
			select g.id, g.name, g.leader_id, p.display_name as leader_name, g.region_code, r.name as region_name,
			       (select count(*) from link l where l.group_id = g.id) as links, g.version
			from work_group g join person p on p.id = g.leader_id join region r on r.code = g.region_code
			""";

	/** The working groups he may see, by region and name, each with its members. */
	public List<GroupView> groups(Actor actor) {
		LinkScope.requireOfficial(actor);
		Map<Long, List<Official>> members = new HashMap<>();
		LinkScope.bind(this.jdbc.sql(OFFICIAL_SELECT.replace("select p.id,", "select m.group_id, p.id,") + """
				join work_group_member m on m.person_id = p.id join work_group g on g.id = m.group_id
				where %s order by p.display_name, p.id""".formatted(LinkScope.GROUP_CONDITION)), actor)
			.query((RowCallbackHandler) rs -> members.computeIfAbsent(rs.getLong("group_id"), id -> new ArrayList<>())
				.add(new Official(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
						(Long) rs.getObject("unit_id", Long.class), rs.getString("unit_name"),
						rs.getString("region_path"))));
		return LinkScope
			.bind(this.jdbc
				.sql(GROUP_SELECT + " where " + LinkScope.GROUP_CONDITION + " order by g.region_path, g.name, g.id"),
					actor)
			.query((rs, row) -> groupView(rs, members.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public Optional<GroupView> findVisibleGroup(long id, Actor actor) {
		LinkScope.requireOfficial(actor);
		boolean visible = LinkScope
			.bind(this.jdbc.sql("select count(*) from work_group g where g.id = :id and " + LinkScope.GROUP_CONDITION),
					actor)
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
		return visible ? group(id) : Optional.empty();
	}

	private Optional<GroupView> group(long id) {
		List<Official> members = this.jdbc.sql(OFFICIAL_SELECT
				+ " join work_group_member m on m.person_id = p.id where m.group_id = :id order by p.display_name, p.id")
			.param("id", id)
			.query(Rows.of(Official.class))
			.list();
		return this.jdbc.sql(GROUP_SELECT + " where g.id = :id")
			.param("id", id)
			.query((rs, row) -> groupView(rs, members))
			.optional();
	}

	private static GroupView groupView(java.sql.ResultSet rs, List<Official> members) throws java.sql.SQLException {
		return new GroupView(rs.getLong("id"), rs.getString("name"), rs.getLong("leader_id"),
				rs.getString("leader_name"), rs.getString("region_code"), rs.getString("region_name"),
				List.copyOf(members), rs.getInt("links"), rs.getInt("version"));
	}

	static final String OFFICIAL_SELECT = """
			select p.id, p.username, p.display_name, p.unit_id, u.name as unit_name, r.path as region_path
			from person p
			left join unit u on u.id = p.unit_id
			left join region r on r.code = u.region_code
			""";

	/** An enabled official (not an enterprise contact) by id. */
	Optional<Official> official(long id) {
		return this.jdbc.sql(OFFICIAL_SELECT + " where p.id = :id and p.enterprise_id is null and p.enabled")
			.param("id", id)
			.query(Rows.of(Official.class))
			.optional();
	}

	/** An enabled official (not an enterprise contact) by username. */
	Optional<Official> official(String username) {
		return this.jdbc
			.sql(OFFICIAL_SELECT + " where p.username = :username and p.enterprise_id is null and p.enabled")
			.param("username", username == null ? "" : username.strip())
			.query(Rows.of(Official.class))
			.optional();
	}

	private String regionPattern(String regionCode) {
		if (regionCode == null || regionCode.isBlank()) {
			return "";
		}
		return this.jdbc.sql("select path from region where code = :code")
			.param("code", regionCode.strip())
			.query(String.class)
			.optional()
			.map(path -> path + "%")
			// An unknown region matches nothing rather than everything.
			.orElse("/nowhere/");
	}

}
