package org.qiqing.statistics;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qiqing.casework.CaseTransitioned;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups as the cases move: each step adds its counts in the step's own
 * transaction (a synchronous listener of {@link CaseTransitioned}, which the engine
 * publishes inside it), so a step and its counts are committed or rolled back together
 * and no crash can leave a step uncounted, with no outbox to drain. The rows a step
 * touches are written in one fixed order, so two steps never wait on each other in a
 * cycle.
 */
@Component
class Rollups {

	private static final String STATE_COLUMNS = "region_code, region_path, unit_id, unit_role, category_id, kind, channel, state, stripe, n";

	/** The days' rows and the months' rows: the same cells, dated by day or by month. */
	private static final Table DAYS = Table.of("stat_rollup", "on_day");

	private static final Table MONTHS = Table.of("stat_month", "in_month");

	private static final String STATE_UPSERT_PG = "insert into stat_state (" + STATE_COLUMNS
			+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
			+ " on conflict (region_code, unit_id, unit_role, category_id, kind, channel, state, stripe)"
			+ " do update set n = stat_state.n + excluded.n";

	private static final String STATE_MERGE_H2 = """
			merge into stat_state t
			using (select cast(? as varchar(12)) as region_code, cast(? as varchar(80)) as region_path,
			              cast(? as bigint) as unit_id, cast(? as varchar(1)) as unit_role,
			              cast(? as bigint) as category_id, cast(? as varchar(30)) as kind,
			              cast(? as varchar(20)) as channel, cast(? as varchar(30)) as state,
			              cast(? as smallint) as stripe, cast(? as bigint) as n) s
			on t.region_code = s.region_code and t.unit_id = s.unit_id and t.unit_role = s.unit_role
			   and t.category_id = s.category_id and t.kind = s.kind and t.channel = s.channel
			   and t.state = s.state and t.stripe = s.stripe
			when matched then update set n = t.n + s.n
			when not matched then insert (""" + STATE_COLUMNS + """
			) values (s.region_code, s.region_path, s.unit_id, s.unit_role, s.category_id, s.kind, s.channel,
			          s.state, s.stripe, s.n)""";

	private final JdbcTemplate jdbc;

	private volatile Boolean postgres;

	private final boolean live;

	/**
	 * @param live false only for the benchmark that measures what counting costs a step
	 * ({@code qiqing.statistics.live}): the rollups then fall behind until rebuilt
	 */
	Rollups(JdbcTemplate jdbc, @Value("${qiqing.statistics.live:true}") boolean live) {
		this.jdbc = jdbc;
		this.live = live;
	}

	@EventListener
	void on(CaseTransitioned step) {
		if (!this.live) {
			return;
		}
		Map<Cells.Cell, Long> cells = new HashMap<>();
		Map<Cells.StateCell, Long> states = new HashMap<>();
		Cells.count(step, cells);
		Cells.move(step, states);
		add(cells, states);
	}

	/** Adds counts to the rows, creating those that are missing. */
	void add(Map<Cells.Cell, Long> cells, Map<Cells.StateCell, Long> states) {
		boolean pg = isPostgres();
		if (!cells.isEmpty()) {
			upsert(DAYS, cells, pg);
			upsert(MONTHS, Cells.byMonth(cells), pg);
		}
		if (!states.isEmpty()) {
			List<Map.Entry<Cells.StateCell, Long>> sorted = new ArrayList<>(states.entrySet());
			sorted.sort(Map.Entry.comparingByKey(Cells.STATE_ORDER));
			this.jdbc.batchUpdate(pg ? STATE_UPSERT_PG : STATE_MERGE_H2, sorted, sorted.size(),
					(statement, entry) -> bind(statement, entry.getKey(), entry.getValue()));
		}
	}

	/**
	 * Adds to the rows of one table in the fixed order, so that two steps never lock the
	 * same rows in opposite orders (every step writes the days, then the months, then the
	 * states).
	 */
	private void upsert(Table table, Map<Cells.Cell, Long> cells, boolean pg) {
		List<Map.Entry<Cells.Cell, Long>> sorted = new ArrayList<>(cells.entrySet());
		sorted.sort(Map.Entry.comparingByKey(Cells.ORDER));
		this.jdbc.batchUpdate(pg ? table.upsertPostgres() : table.mergeH2(), sorted, sorted.size(),
				(statement, entry) -> bind(statement, entry.getKey(), entry.getValue()));
	}

	/**
	 * Empties the three tables for a rebuild, which then adds its counts chunk by chunk
	 * ({@link #insertDays}, {@link #insertMonths}, {@link #addStates}) and marks them
	 * complete ({@link #markComplete}), all in its own transaction.
	 */
	void clear() {
		this.jdbc.update("delete from stat_rollup");
		this.jdbc.update("delete from stat_month");
		this.jdbc.update("delete from stat_state");
	}

	/**
	 * Adds rows of days to those there, in the order given: a rebuild's chunk whose rows
	 * earlier chunks may have written.
	 */
	void addDays(List<Map.Entry<Cells.Cell, Long>> rows) {
		write(DAYS, rows, true);
	}

	/**
	 * Inserts rows no other statement of the rebuild writes (each key once, none there
	 * yet): a plain insert, in the order given, without looking for a row to add to.
	 */
	void insertDays(List<Map.Entry<Cells.Cell, Long>> rows) {
		write(DAYS, rows, false);
	}

	void insertMonths(List<Map.Entry<Cells.Cell, Long>> rows) {
		write(MONTHS, rows, false);
	}

	void addStates(Map<Cells.StateCell, Long> states) {
		this.jdbc.batchUpdate(isPostgres() ? STATE_UPSERT_PG : STATE_MERGE_H2, new ArrayList<>(states.entrySet()), 5000,
				(statement, entry) -> bind(statement, entry.getKey(), entry.getValue()));
	}

	void markComplete() {
		this.jdbc.update("delete from stat_complete");
		this.jdbc
			.update("insert into stat_complete (id, complete_since, how) values (1, current_timestamp, 'REBUILD')");
	}

	/**
	 * PostgreSQL: one statement of {@value #ROWS_A_STATEMENT} rows at a time, not a batch
	 * of one-row statements that the server executes one by one; H2: batched.
	 * @param upsert whether a row may be there already (then its count is added to)
	 */
	private void write(Table table, List<Map.Entry<Cells.Cell, Long>> entries, boolean upsert) {
		if (!isPostgres()) {
			this.jdbc.batchUpdate(upsert ? table.mergeH2() : table.insert(), entries, 5000,
					(statement, entry) -> bind(statement, entry.getKey(), entry.getValue()));
			return;
		}
		this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			int full = entries.size() / ROWS_A_STATEMENT * ROWS_A_STATEMENT;
			if (full > 0) {
				try (PreparedStatement statement = connection.prepareStatement(
						upsert ? table.upsertRows(ROWS_A_STATEMENT) : table.insertRows(ROWS_A_STATEMENT))) {
					for (int from = 0; from < full; from += ROWS_A_STATEMENT) {
						bindRows(statement, entries.subList(from, from + ROWS_A_STATEMENT));
						statement.executeUpdate();
					}
				}
			}
			if (full < entries.size()) {
				int rest = entries.size() - full;
				try (PreparedStatement statement = connection
					.prepareStatement(upsert ? table.upsertRows(rest) : table.insertRows(rest))) {
					bindRows(statement, entries.subList(full, entries.size()));
					statement.executeUpdate();
				}
			}
			return null;
		});
	}

	private static final int ROWS_A_STATEMENT = 1000;

	private static void bindRows(PreparedStatement statement, List<Map.Entry<Cells.Cell, Long>> rows)
			throws SQLException {
		int at = 0;
		for (Map.Entry<Cells.Cell, Long> row : rows) {
			Cells.Cell cell = row.getKey();
			statement.setDate(++at, Date.valueOf(cell.day()));
			statement.setString(++at, cell.regionCode());
			statement.setString(++at, cell.regionPath());
			statement.setLong(++at, cell.unitId());
			statement.setString(++at, cell.role());
			statement.setLong(++at, cell.categoryId());
			statement.setString(++at, cell.kind());
			statement.setString(++at, cell.channel());
			statement.setString(++at, cell.measure());
			statement.setInt(++at, cell.bucket());
			statement.setShort(++at, (short) cell.stripe());
			statement.setLong(++at, row.getValue());
		}
	}

	/**
	 * Whether every step of every case is counted (V59): see
	 * {@link MonthlyMeasures#complete()}.
	 */
	boolean complete() {
		return this.jdbc.queryForObject("select count(*) from stat_complete", Integer.class) > 0;
	}

	/**
	 * Holds off every step that would count until the transaction ends (PostgreSQL: a
	 * table lock that conflicts with the steps' upserts; a step already counting is
	 * waited for), so a rebuild neither misses nor doubles a step.
	 */
	void lockAgainstSteps() {
		if (isPostgres()) {
			this.jdbc.execute("lock table stat_rollup, stat_month, stat_state in exclusive mode");
		}
	}

	private static void bind(PreparedStatement statement, Cells.Cell cell, long n) throws SQLException {
		statement.setDate(1, Date.valueOf(cell.day()));
		statement.setString(2, cell.regionCode());
		statement.setString(3, cell.regionPath());
		statement.setLong(4, cell.unitId());
		statement.setString(5, cell.role());
		statement.setLong(6, cell.categoryId());
		statement.setString(7, cell.kind());
		statement.setString(8, cell.channel());
		statement.setString(9, cell.measure());
		statement.setInt(10, cell.bucket());
		statement.setShort(11, (short) cell.stripe());
		statement.setLong(12, n);
	}

	private static void bind(PreparedStatement statement, Cells.StateCell cell, long n) throws SQLException {
		statement.setString(1, cell.regionCode());
		statement.setString(2, cell.regionPath());
		statement.setLong(3, cell.unitId());
		statement.setString(4, cell.role());
		statement.setLong(5, cell.categoryId());
		statement.setString(6, cell.kind());
		statement.setString(7, cell.channel());
		statement.setString(8, cell.state());
		statement.setShort(9, (short) cell.stripe());
		statement.setLong(10, n);
	}

	boolean isPostgres() {
		if (this.postgres == null) {
			this.postgres = "PostgreSQL".equals(this.jdbc
				.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
		}
		return this.postgres;
	}

	/**
	 * The statements of a table of counted cells, made once (a step runs them), from the
	 * table and the column that dates its rows.
	 */
	private record Table(String insert, String upsertPostgres, String mergeH2, String conflict) {

		/** PostgreSQL: the upsert of {@code rows} rows in one statement. */
		String upsertRows(int rows) {
			return insertRows(rows) + this.conflict;
		}

		/** PostgreSQL: the plain insert of {@code rows} rows in one statement. */
		String insertRows(int rows) {
			String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
			return this.insert.substring(0, this.insert.indexOf(" values ")) + " values "
					+ String.join(", ", java.util.Collections.nCopies(rows, row));
		}

		static Table of(String name, String dated) {
			String columns = dated
					+ ", region_code, region_path, unit_id, unit_role, category_id, kind, channel, measure, bucket, stripe, n";
			String insert = "insert into " + name + " (" + columns + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
			// PostgreSQL: an upsert that is safe when two steps add the first count of a
			// row.
			String conflict = " on conflict (" + dated
					+ ", region_code, unit_id, unit_role, category_id, kind, channel, measure, bucket, stripe)"
					+ " do update set n = " + name + ".n + excluded.n";
			String upsert = insert + conflict;
			// H2 (one node): standard MERGE.
			String merge = """
					merge into %1$s t
					using (select cast(? as date) as %2$s, cast(? as varchar(12)) as region_code,
					              cast(? as varchar(80)) as region_path, cast(? as bigint) as unit_id,
					              cast(? as varchar(1)) as unit_role, cast(? as bigint) as category_id,
					              cast(? as varchar(30)) as kind, cast(? as varchar(20)) as channel,
					              cast(? as varchar(40)) as measure, cast(? as integer) as bucket,
					              cast(? as smallint) as stripe, cast(? as bigint) as n) s
					on t.%2$s = s.%2$s and t.region_code = s.region_code and t.unit_id = s.unit_id
					   and t.unit_role = s.unit_role and t.category_id = s.category_id and t.kind = s.kind
					   and t.channel = s.channel and t.measure = s.measure and t.bucket = s.bucket and t.stripe = s.stripe
					when matched then update set n = t.n + s.n
					when not matched then insert (%3$s) values (s.%2$s, s.region_code, s.region_path, s.unit_id,
					          s.unit_role, s.category_id, s.kind, s.channel, s.measure, s.bucket, s.stripe, s.n)"""
				.formatted(name, dated, columns);
			return new Table(insert, upsert, merge, conflict);
		}

	}

}
