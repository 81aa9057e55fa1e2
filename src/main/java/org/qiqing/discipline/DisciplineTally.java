package org.qiqing.discipline;

import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The four figures kept as counts by month (V55, {@code discipline_tally}), written in
 * the transaction that writes the record they count, so that the figures read a few
 * hundred rows rather than count the year's records at every request. Each count is read
 * from the record as stored, by the same key the figures group and narrow by: the month,
 * the region path and unit the jurisdiction rule matches, the organiser, and whether
 * everyone counts it or discipline roles only.
 */
@Component
class DisciplineTally {

	/** The key of a count, on {@code special_action a}. */
	static final String ACTION_KEY = "'A', " + month("a.starts_on")
			+ ", a.region_path, a.organiser_unit_id, a.organiser_unit_id, 1";

	/** On {@code inspection i join special_action a}. */
	static final String INSPECTION_KEY = "'I', " + month("i.inspected_on")
			+ ", i.region_path, i.unit_id, a.organiser_unit_id,"
			+ " case when i.mode = 'PLANNED' or i.issued_at is not null then 1 else 0 end";

	/** On {@code finding f join inspection i join special_action a}. */
	static final String FINDING_KEY = "'F', " + month("i.inspected_on")
			+ ", i.region_path, i.unit_id, a.organiser_unit_id, case when i.issued_at is not null then 1 else 0 end";

	/** On {@code accountability r} left joined to its finding's action {@code a}. */
	static final String DECISION_KEY = "'P', " + month("r.decided_on")
			+ ", r.region_path, r.unit_id, coalesce(a.organiser_unit_id, -1), 1";

	private static final String COLUMNS = "figure, month_no, region_path, unit_id, organiser_unit_id, visible, n";

	/** PostgreSQL: safe when two transactions add the first count of a row. */
	private static final String UPSERT_PG = "insert into discipline_tally (" + COLUMNS
			+ ") values (?, ?, ?, ?, ?, ?, ?) on conflict (figure, month_no, region_path, unit_id, organiser_unit_id, visible)"
			+ " do update set n = discipline_tally.n + excluded.n";

	/** H2 (one node): standard MERGE. */
	private static final String MERGE_H2 = """
			merge into discipline_tally t
			using (select cast(? as varchar(1)) as figure, cast(? as integer) as month_no,
			              cast(? as varchar(80)) as region_path, cast(? as bigint) as unit_id,
			              cast(? as bigint) as organiser_unit_id, cast(? as smallint) as visible,
			              cast(? as bigint) as n) s
			on t.figure = s.figure and t.month_no = s.month_no and t.region_path = s.region_path and t.unit_id = s.unit_id
			   and t.organiser_unit_id = s.organiser_unit_id and t.visible = s.visible
			when matched then update set n = t.n + s.n
			when not matched then insert ("""
			+ COLUMNS + """
					) values (s.figure, s.month_no, s.region_path, s.unit_id, s.organiser_unit_id, s.visible, s.n)""";

	/** A count to add to a row. */
	record Count(String figure, int month, String regionPath, long unitId, long organiser, int visible, long n) {

		static final Comparator<Count> ORDER = Comparator.comparing(Count::figure)
			.thenComparingInt(Count::month)
			.thenComparing(Count::regionPath)
			.thenComparingLong(Count::unitId)
			.thenComparingLong(Count::organiser)
			.thenComparingInt(Count::visible);

		Count times(long factor) {
			return new Count(this.figure, this.month, this.regionPath, this.unitId, this.organiser, this.visible,
					this.n * factor);
		}

		Count hidden() {
			return new Count(this.figure, this.month, this.regionPath, this.unitId, this.organiser, 0, this.n);
		}

	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private volatile Boolean postgres;

	DisciplineTally(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The month number of a date column, as the tally keeps it. */
	static String month(String column) {
		return "cast(extract(year from " + column + ") as integer) * 12 + cast(extract(month from " + column
				+ ") as integer) - 1";
	}

	void actionCreated(long actionId) {
		add(counts("select " + ACTION_KEY + ", 1 from special_action a where a.id = :id", actionId));
	}

	void inspectionRecorded(long inspectionId) {
		add(counts(
				"select " + INSPECTION_KEY
						+ ", 1 from inspection i join special_action a on a.id = i.action_id where i.id = :id",
				inspectionId));
	}

	/** An inspection's count as it stands now, to take back once it moves. */
	List<Count> inspectionCount(long inspectionId) {
		return counts(
				"select " + INSPECTION_KEY
						+ ", 1 from inspection i join special_action a on a.id = i.action_id where i.id = :id",
				inspectionId);
	}

	/**
	 * A planned inspection moved to another day (called once its day is changed): its
	 * count {@code before} is taken back and counted again on its new day.
	 */
	void inspectionMoved(List<Count> before, long inspectionId) {
		List<Count> moves = new java.util.ArrayList<>(inspectionCount(inspectionId));
		before.forEach(count -> moves.add(count.times(-1)));
		add(moves);
	}

	/**
	 * A planned inspection cancelled (it had no findings): it is no longer counted.
	 */
	void inspectionCancelled(long inspectionId) {
		add(inspectionCount(inspectionId).stream().map(count -> count.times(-1)).toList());
	}

	void findingRecorded(long findingId) {
		add(counts("select " + FINDING_KEY + ", 1 from finding f join inspection i on i.id = f.inspection_id"
				+ " join special_action a on a.id = i.action_id where f.id = :id", findingId));
	}

	/**
	 * An inspection's findings were issued (called once its {@code issued_at} is set): an
	 * unannounced inspection and every finding of it now count for everyone.
	 */
	void inspectionIssued(long inspectionId) {
		List<Count> now = new java.util.ArrayList<>();
		now.addAll(counts("select " + INSPECTION_KEY
				+ ", 1 from inspection i join special_action a on a.id = i.action_id where i.id = :id and i.mode <> 'PLANNED'",
				inspectionId));
		now.addAll(counts(
				"select " + FINDING_KEY + ", count(*) from finding f join inspection i on i.id = f.inspection_id"
						+ " join special_action a on a.id = i.action_id where i.id = :id group by "
						+ month("i.inspected_on") + ", i.region_path, i.unit_id, a.organiser_unit_id, i.issued_at",
				inspectionId));
		List<Count> moves = new java.util.ArrayList<>(now);
		now.forEach(count -> moves.add(count.hidden().times(-1)));
		add(moves);
	}

	void decisionRecorded(long decisionId) {
		add(counts("select " + DECISION_KEY + ", 1 from accountability r"
				+ " left join finding f on r.cause_type = 'FINDING' and f.id = r.cause_id"
				+ " left join inspection i on i.id = f.inspection_id left join special_action a on a.id = i.action_id"
				+ " where r.id = :id and r.subject = 'PERSON'", decisionId));
	}

	private List<Count> counts(String sql, long id) {
		return this.jdbc.sql(sql)
			.param("id", id)
			.query((rs, i) -> new Count(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getInt(6), rs.getLong(7)))
			.list();
	}

	/**
	 * Adds the counts to their rows, creating those missing, in one order (no deadlock).
	 */
	private void add(List<Count> counts) {
		if (counts.isEmpty()) {
			return;
		}
		List<Count> sorted = counts.stream().sorted(Count.ORDER).toList();
		this.template.batchUpdate(isPostgres() ? UPSERT_PG : MERGE_H2, sorted, sorted.size(), (statement, count) -> {
			statement.setString(1, count.figure());
			statement.setInt(2, count.month());
			statement.setString(3, count.regionPath());
			statement.setLong(4, count.unitId());
			statement.setLong(5, count.organiser());
			statement.setShort(6, (short) count.visible());
			statement.setLong(7, count.n());
		});
	}

	private boolean isPostgres() {
		if (this.postgres == null) {
			this.postgres = "PostgreSQL".equals(this.template
				.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
		}
		return this.postgres;
	}

}
