package org.qiqing.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every case's history, replayed step by step into what each step published
 * ({@link CaseTransitioned}): the source another module rebuilds what it derives from the
 * steps (the statistics' rollups) without reading casework's tables. Streamed, case by
 * case in order of id and step, a range of cases at a time, in constant memory.
 * <p>
 * A step sealed with hash version 2 carries the facts it changed, which are replayed. An
 * older event (version 1, and the benchmark's generated histories) carries none: its
 * case's facts are taken from the case's row (kind, channel, category and region never
 * change; its lead unit, due date, outcome and rating are the row's latest), and its
 * state from the event.
 */
@Component
public class CaseHistories {

	private static final String EVENTS = """
			select e.case_id, e.seq, e.action, e.actor_id, e.at, e.from_state, e.to_state, e.facts,
			       c.number, c.region_path, c.kind, c.channel, c.category_id, c.region_code, c.created_at, c.state,
			       c.lead_unit_id, c.due_date, c.outcome, c.rating, c.assigned_at
			from case_event e join cases c on c.id = e.case_id
			where e.case_id between ? and ? and c.id between ? and ?
			order by e.case_id, e.seq""";

	/**
	 * The cases whose steps are read by one statement: a range that the indexes find in
	 * order, where one statement over all the events had them sorted first (48 million of
	 * a province's decade, spilled to disk).
	 */
	private static final int CASES_A_READ = 10_000;

	private final JdbcTemplate jdbc;

	private final StepTimes times;

	private final SupervisionDesk desk;

	CaseHistories(JdbcTemplate jdbc, StepTimes times, SupervisionDesk desk) {
		this.jdbc = jdbc;
		this.times = times;
		this.desk = desk;
	}

	/**
	 * Hands every step of every case, in order, to {@code step}, inside one read-only
	 * transaction (one snapshot on PostgreSQL's repeatable read is not needed: the caller
	 * holds off new steps while it rebuilds).
	 */
	@Transactional(readOnly = true)
	public void forEach(Consumer<CaseTransitioned> step) {
		long system = this.desk.system().personId();
		Replay replay = new Replay(system, step);
		long[] ids = this.jdbc.queryForObject("select coalesce(min(id), 1), coalesce(max(id), 0) from cases",
				(row, n) -> new long[] { row.getLong(1), row.getLong(2) });
		for (long first = ids[0]; first <= ids[1]; first += CASES_A_READ) {
			long from = first;
			long to = first + CASES_A_READ - 1;
			this.jdbc.query(connection -> {
				var statement = connection.prepareStatement(EVENTS, ResultSet.TYPE_FORWARD_ONLY,
						ResultSet.CONCUR_READ_ONLY);
				statement.setFetchSize(2000);
				statement.setLong(1, from);
				statement.setLong(2, to);
				statement.setLong(3, from);
				statement.setLong(4, to);
				return statement;
			}, replay);
		}
	}

	/** Replays the rows of one case after another. */
	private final class Replay implements RowCallbackHandler {

		private final long system;

		private final Consumer<CaseTransitioned> step;

		private long caseId = -1;

		private Map<String, String> facts = new HashMap<>();

		Replay(long system, Consumer<CaseTransitioned> step) {
			this.system = system;
			this.step = step;
		}

		@Override
		public void processRow(ResultSet row) throws SQLException {
			long id = row.getLong("case_id");
			String changes = row.getString("facts");
			if (id != this.caseId) {
				this.caseId = id;
				this.facts = changes == null ? rowFacts(row) : new LinkedHashMap<>();
			}
			Long leadBefore = StepFacts.longOf(this.facts.get("lead_unit_id"));
			Set<Long> coBefore = StepFacts.units(this.facts.get("co_unit_ids"));
			CaseFacts.replay(changes, this.facts);
			this.facts.put("state", row.getString("to_state"));
			String from = row.getString("from_state");
			this.step.accept(StepFacts.transitioned(id, row.getString("number"), row.getString("region_path"),
					this.facts, CaseAction.valueOf(row.getString("action")), row.getTimestamp("at").toInstant(),
					from == null ? null : CaseState.valueOf(from), leadBefore, coBefore,
					row.getLong("actor_id") == this.system, CaseHistories.this.times));
		}

	}

	/** The facts of a case whose history carries none, from its row. */
	private static Map<String, String> rowFacts(ResultSet row) throws SQLException {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("kind", row.getString("kind"));
		facts.put("channel", row.getString("channel"));
		facts.put("category_id", text(row.getString("category_id")));
		facts.put("region_code", row.getString("region_code"));
		facts.put("created_at", Long.toString(row.getTimestamp("created_at").toInstant().toEpochMilli()));
		facts.put("state", row.getString("state"));
		facts.put("lead_unit_id", text(row.getString("lead_unit_id")));
		facts.put("co_unit_ids", "");
		facts.put("due_date", text(row.getString("due_date")));
		facts.put("outcome", text(row.getString("outcome")));
		facts.put("rating", text(row.getString("rating")));
		java.sql.Timestamp assigned = row.getTimestamp("assigned_at");
		facts.put("assigned_at", assigned == null ? "" : Long.toString(assigned.toInstant().toEpochMilli()));
		return facts;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
