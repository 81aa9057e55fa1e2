package org.qiqing.organisation;

import java.util.List;

import org.qiqing.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Lists of units and people for the administration.
 */
@Component
public class OrganisationQueries {

	public record UnitLine(long id, String code, String name, UnitKind kind, String regionCode, String regionName,
			String regionPath, Long superiorId) {
	}

	public record PersonLine(long id, String username, String displayName, long unitId, String unitName,
			String jurisdictionCode, boolean enabled) {
	}

	public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

		static <T> Page<T> of(List<T> oneMore, int page, int size) {
			boolean hasNext = oneMore.size() > size;
			return new Page<>(hasNext ? oneMore.subList(0, size) : oneMore, page, size, hasNext);
		}

	}

	private final JdbcClient jdbc;

	OrganisationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every unit whose code is the text or whose name holds it, by region then code. */
	public List<UnitLine> units(String text) {
		String query = text == null ? "" : text.strip();
		return this.jdbc.sql("""
				select u.id, u.code, u.name, u.kind, u.region_code, r.name as region_name, r.path as region_path,
				       u.superior_id
				from unit u join region r on r.code = u.region_code
				where :text = '' or u.code = :text or u.name like :pattern
				order by r.path, u.code""")
			.param("text", query)
			.param("pattern", "%" + query + "%")
			.query(Rows.of(UnitLine.class))
			.list();
	}

	/**
	 * The officials of the units of a person's jurisdiction whose username is the text or
	 * whose name holds it.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Page<PersonLine> people(Actor actor, String text, int page, int size) {
		String query = text == null ? "" : text.strip();
		List<PersonLine> lines = this.jdbc.sql("""
				select p.id, p.username, p.display_name, p.unit_id, u.name as unit_name, p.jurisdiction_code,
				       p.enabled
				from person p
				join unit u on u.id = p.unit_id
				join region r on r.code = u.region_code
				where r.path like :scopePattern
				  and (:text = '' or p.username = :text or p.display_name like :pattern)
				order by p.username limit :limit offset :offset""")
			.param("scopePattern", actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern())
			.param("text", query)
			.param("pattern", "%" + query + "%")
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(PersonLine.class))
			.list();
		return Page.of(lines, page, size);
	}

}
