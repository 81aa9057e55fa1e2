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
	 * Begins a rebuild's writing, in its transaction: holds off the steps, empties the
	 * states' rows, and readies the days' and the months' tables: on PostgreSQL fresh
	 * copies of them ({@link FreshTables}), on H2 the tables themselves, emptied.
	 */
	Rewrite rewrite() {
		lockAgainstSteps();
		this.jdbc.update("delete from stat_state");
		if (isPostgres()) {
			return new Rewrite(FreshTables.of(this.jdbc, DAYS.name(), MONTHS.name()));
		}
		this.jdbc.update("delete from stat_rollup");
		this.jdbc.update("delete from stat_month");
		return new Rewrite(null);
	}

	/**
	 * What a rebuild writes, chunk by chunk, then completes: rows of days and of months,
	 * each in the order given, and the states' counts.
	 */
	final class Rewrite {

		/** Null on H2, which writes into the tables themselves. */
		private final FreshTables fresh;

		private Rewrite(FreshTables fresh) {
			this.fresh = fresh;
		}

		/**
		 * Inserts rows no other statement of the rebuild writes (each key once, none
		 * there yet), without looking for a row to add to.
		 */
		void insertDays(List<Map.Entry<Cells.Cell, Long>> rows) {
			insert(DAYS, rows);
		}

		void insertMonths(List<Map.Entry<Cells.Cell, Long>> rows) {
			insert(MONTHS, rows);
		}

		/**
		 * Adds rows of days to those there: a chunk whose rows earlier ones may have
		 * written.
		 */
		void addDays(List<Map.Entry<Cells.Cell, Long>> rows) {
			if (this.fresh == null) {
				write(DAYS, rows, true);
				return;
			}
			this.fresh.index();
			write(Table.of(FreshTables.fresh(DAYS.name()), "on_day"), rows, true);
		}

		void addStates(Map<Cells.StateCell, Long> states) {
			Rollups.this.jdbc.batchUpdate(isPostgres() ? STATE_UPSERT_PG : STATE_MERGE_H2,
					new ArrayList<>(states.entrySet()), 5000,
					(statement, entry) -> bind(statement, entry.getKey(), entry.getValue()));
		}

		/**
		 * Marks the rollups complete, then puts the fresh tables in place (PostgreSQL):
		 * last, since from then until the commit readers wait for the rebuild.
		 */
		void complete() {
			markComplete();
			if (this.fresh != null) {
				this.fresh.putInPlace();
			}
		}

		private void insert(Table table, List<Map.Entry<Cells.Cell, Long>> rows) {
			if (this.fresh == null) {
				write(table, rows, false);
			}
			else {
				this.fresh.copy(table.name(), table.columns(), rows);
			}
		}

	}

	private void markComplete() {
		this.jdbc.update("delete from stat_complete");
		this.jdbc
			.update("insert into stat_complete (id, complete_since, how) values (1, current_timestamp, 'REBUILD')");
	}

	/**
	 * Batched: H2's insert or merge, PostgreSQL's upsert (which it uses only past the
	 * rebuild's last stripe, {@link RollupRebuild}).
	 * @param upsert whether a row may be there already (then its count is added to)
	 */
	private void write(Table table, List<Map.Entry<Cells.Cell, Long>> entries, boolean upsert) {
		String sql = isPostgres() ? table.upsertPostgres() : upsert ? table.mergeH2() : table.insert();
		this.jdbc.batchUpdate(sql, entries, 5000,
				(statement, entry) -> bind(statement, entry.getKey(), entry.getValue()));
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
	private void lockAgainstSteps() {
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
	private record Table(String name, String columns, String insert, String upsertPostgres, String mergeH2) {

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
			return new Table(name, columns, insert, upsert, merge);
		}

	}

}
