package org.qiqing.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The row of a case in {@code cases}, read by hand on the path of every step: Spring
 * Data's mapping converted each column reflectively, read the co-handling units in a
 * second statement and rendered its SQL anew each time. {@link Case#fromRow} reads the
 * columns; a column added to the table goes there too ({@code CaseRowsIntegrationTests}
 * fails until it does).
 */
final class CaseRows {

	/**
	 * A case with the ids of its co-handling units, as an array ({@code null} when there
	 * are none), on {@code cases c}: one statement where Spring Data took two.
	 * {@code array_agg} is understood alike by H2 and PostgreSQL.
	 */
	static final String SELECT = """
			select c.*,
			       (select array_agg(cu.unit_id) from case_co_unit cu where cu.case_id = c.id) as co_unit_ids
			from cases c
			""";

	private CaseRows() {
	}

	static Long nullableLong(ResultSet row, String column) throws SQLException {
		return row.getObject(column, Long.class);
	}

	static LocalDate localDate(ResultSet row, String column) throws SQLException {
		return row.getObject(column, LocalDate.class);
	}

	/** Both drivers give a {@code timestamp with time zone} as an OffsetDateTime. */
	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	static <E extends Enum<E>> E enumOf(ResultSet row, String column, Class<E> type) throws SQLException {
		String name = row.getString(column);
		return name == null ? null : Enum.valueOf(type, name);
	}

	/**
	 * The co-handling units of {@link #SELECT}'s array, whose ids both drivers give as
	 * Longs, in the kind of set Spring Data fills.
	 */
	static Set<Case.CoUnit> coUnits(ResultSet row) throws SQLException {
		Set<Case.CoUnit> units = new LinkedHashSet<>();
		Array ids = row.getArray("co_unit_ids");
		if (ids != null) {
			for (Object id : (Object[]) ids.getArray()) {
				units.add(new Case.CoUnit((Long) id));
			}
			ids.free();
		}
		return units;
	}

}
