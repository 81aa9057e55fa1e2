package org.qiqing.organisation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Lists of units and people for the administration, with the names of their regions and
 * units rather than codes.
 */
@Component
public class OrganisationQueries {

	public record UnitLine(long id, String code, String name, UnitKind kind, String regionCode, String regionName,
			String regionPath, Long superiorId, String superiorName, boolean enabled) {
	}

	public record PersonLine(long id, String username, String displayName, long unitId, String unitName,
			String jurisdictionCode, String jurisdictionName, boolean enabled, boolean mustChangePassword,
			Set<Role> roles) {

		PersonLine withRoles(Set<Role> granted) {
			return new PersonLine(this.id, this.username, this.displayName, this.unitId, this.unitName,
					this.jurisdictionCode, this.jurisdictionName, this.enabled, this.mustChangePassword, granted);
		}

	}

	/** Active, disabled, or both. */
	public enum Status {

		ACTIVE, DISABLED, ALL;

		/** A status named in a request, ALL when none or an unknown one. */
		public static Status of(String name) {
			for (Status status : values()) {
				if (status.name().equalsIgnoreCase(name)) {
					return status;
				}
			}
			return ALL;
		}

	}

	/**
	 * What a person looks for in a list of people.
	 *
	 * @param text part of the name, or the whole username
	 * @param unitId people of this unit only, or null
	 * @param role people with this role only, or null
	 */
	public record PersonFilter(String text, Long unitId, Role role, Status status) {

		public PersonFilter {
			text = text == null ? "" : text.strip();
			status = status == null ? Status.ALL : status;
		}

	}

	/**
	 * What a person looks for in a list of units.
	 *
	 * @param text part of the name, or the whole code
	 * @param regionCode units of this region and those under it, or null
	 */
	public record UnitFilter(String text, UnitKind kind, String regionCode, Status status) {

		public UnitFilter {
			text = text == null ? "" : text.strip();
			status = status == null ? Status.ALL : status;
		}

	}

	public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

		static <T> Page<T> of(List<T> oneMore, int page, int size) {
			boolean hasNext = oneMore.size() > size;
			return new Page<>(hasNext ? oneMore.subList(0, size) : oneMore, page, size, hasNext);
		}

	}

	private static final String UNIT_COLUMNS = """
			select u.id, u.code, u.name, u.kind, u.region_code as regionCode, r.name as regionName,
			       r.path as regionPath, u.superior_id as superiorId, s.name as superiorName, u.enabled
			from unit u join region r on r.code = u.region_code left join unit s on s.id = u.superior_id
			""";

	private final JdbcClient jdbc;

	OrganisationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every unit whose code is the text or whose name holds it, by region then code. */
	public List<UnitLine> units(String text) {
		String query = text == null ? "" : text.strip();
		return this.jdbc.sql(UNIT_COLUMNS + """
				where :text = '' or u.code = :text or u.name like :pattern
				order by r.path, u.code""")
			.param("text", query)
			.param("pattern", "%" + query + "%")
			.query(Rows.of(UnitLine.class))
			.list();
	}

	/**
	 * The units of the administrator's jurisdiction that match the filter, by region then
	 * code, a page at a time.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Page<UnitLine> units(Actor actor, UnitFilter filter, int page, int size) {
		String regionPattern = filter.regionCode() == null ? "%" : regionPattern(filter.regionCode());
		List<UnitLine> lines = this.jdbc.sql(UNIT_COLUMNS + """
				where r.path like :scopePattern and r.path like :regionPattern
				  and (:text = '' or u.code = :text or u.name like :pattern)
				  and (:kind = '' or u.kind = :kind)
				  and (:status = 'ALL' or u.enabled = :enabled)
				order by r.path, u.code limit :limit offset :offset""")
			.param("scopePattern", scope(actor))
			.param("regionPattern", regionPattern)
			.param("text", filter.text())
			.param("pattern", "%" + filter.text() + "%")
			.param("kind", filter.kind() == null ? "" : filter.kind().name())
			.param("status", filter.status().name())
			.param("enabled", filter.status() == Status.ACTIVE)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(UnitLine.class))
			.list();
		return Page.of(lines, page, size);
	}

	/**
	 * The officials of the units of a person's jurisdiction whose username is the text or
	 * whose name holds it.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Page<PersonLine> people(Actor actor, String text, int page, int size) {
		return people(actor, new PersonFilter(text, null, null, Status.ALL), page, size);
	}

	/**
	 * The officials of the units of the administrator's jurisdiction that match the
	 * filter, by username, a page at a time, each with his roles.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Page<PersonLine> people(Actor actor, PersonFilter filter, int page, int size) {
		List<PersonLine> lines = this.jdbc
			.sql("""
					select p.id, p.username, p.display_name as displayName, p.unit_id as unitId, u.name as unitName,
					       p.jurisdiction_code as jurisdictionCode, j.name as jurisdictionName, p.enabled,
					       p.must_change_password as mustChangePassword
					from person p
					join unit u on u.id = p.unit_id
					join region r on r.code = u.region_code
					left join region j on j.code = p.jurisdiction_code
					where r.path like :scopePattern
					  and (:text = '' or p.username = :text or p.display_name like :pattern)
					  and (:unitId = 0 or p.unit_id = :unitId)
					  and (:role = '' or exists (select 1 from person_role pr where pr.person_id = p.id and pr.role = :role))
					  and (:status = 'ALL' or p.enabled = :enabled)
					order by p.username limit :limit offset :offset""")
			.param("scopePattern", scope(actor))
			.param("text", filter.text())
			.param("pattern", "%" + filter.text() + "%")
			.param("unitId", filter.unitId() == null ? 0L : filter.unitId())
			.param("role", filter.role() == null ? "" : filter.role().name())
			.param("status", filter.status().name())
			.param("enabled", filter.status() == Status.ACTIVE)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query((rs, row) -> new PersonLine(rs.getLong("id"), rs.getString("username"), rs.getString("displayName"),
					rs.getLong("unitId"), rs.getString("unitName"), rs.getString("jurisdictionCode"),
					rs.getString("jurisdictionName"), rs.getBoolean("enabled"), rs.getBoolean("mustChangePassword"),
					Set.of()))
			.list();
		return Page.of(withRoles(lines), page, size);
	}

	/** The roles of a page of people, in one query. */
	private List<PersonLine> withRoles(List<PersonLine> lines) {
		if (lines.isEmpty()) {
			return lines;
		}
		Map<Long, Set<Role>> roles = new HashMap<>();
		this.jdbc.sql("select person_id, role from person_role where person_id in (:ids)")
			.param("ids", lines.stream().map(PersonLine::id).toList())
			.query((rs, row) -> roles.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Role.class))
				.add(Role.valueOf(rs.getString(2))))
			.list();
		List<PersonLine> granted = new ArrayList<>(lines.size());
		for (PersonLine line : lines) {
			granted.add(line.withRoles(roles.getOrDefault(line.id(), EnumSet.noneOf(Role.class))));
		}
		return granted;
	}

	/** The regions of the administrator's jurisdiction, to choose one by name. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<Region> regions(Actor actor) {
		return this.jdbc
			.sql("select code, name, level, parent_code as parentCode, path from region "
					+ "where path like :scopePattern order by path")
			.param("scopePattern", scope(actor))
			.query(Rows.of(Region.class))
			.list();
	}

	/** The pattern of the actor's jurisdiction; nothing matches an empty one. */
	private static String scope(Actor actor) {
		return actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern();
	}

	/**
	 * The pattern of a region's subtree, or one that matches nothing for an unknown code.
	 */
	private String regionPattern(String code) {
		return this.jdbc.sql("select path from region where code = :code")
			.param("code", code)
			.query(String.class)
			.optional()
			.map(path -> path + "%")
			.orElse("");
	}

}
