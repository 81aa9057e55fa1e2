package org.qiqing.organisation;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Units as lists show them, by name, read with plain queries: read through {@link Units},
 * each unit is mapped as a whole aggregate (and a derived query's SQL made again at each
 * call), which cost the discipline page more than its own rows did.
 */
@Component
public class UnitDirectory {

	/** A unit as a list or a choice shows it. */
	public record Named(long id, String code, String name) {
	}

	private final JdbcClient jdbc;

	UnitDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The name of each unit found, by its id; unknown ids are left out. */
	public Map<Long, String> namesOf(Collection<Long> ids) {
		List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
		Map<Long, String> names = new HashMap<>();
		if (!distinct.isEmpty()) {
			this.jdbc.sql("select id, name from unit where id in (:ids)")
				.param("ids", distinct)
				.query((ResultSet rs) -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		return names;
	}

	/** The units in use that stand in the person's jurisdiction, by code. */
	public List<Named> standingIn(Actor actor) {
		return Jurisdiction
			.bind(this.jdbc.sql("select u.id, u.code, u.name from unit u join region r on r.code = u.region_code"
					+ " where u.enabled and " + Jurisdiction.covers("r.path") + " order by u.code"), actor)
			.query((rs, n) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
