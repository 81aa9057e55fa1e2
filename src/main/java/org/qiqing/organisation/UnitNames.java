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
 * The names of units, for lists that show a unit beside each row. One plain query: read
 * through {@link Units}, each unit is mapped as a whole aggregate, which cost a list page
 * more than its own rows did.
 */
@Component
public class UnitNames {

	private final JdbcClient jdbc;

	UnitNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The name of each unit found, by its id; unknown ids are left out. */
	public Map<Long, String> of(Collection<Long> ids) {
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

}
