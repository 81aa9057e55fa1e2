package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The timers of cases. A step only adds timers; the sweep claims those due, each row
 * once, whatever the number of nodes.
 */
@Repository
class CaseTimers {

	/** A timer due, claimed by one sweep, with what its firing needs to know. */
	record Due(long id, long caseId, TimerKind kind, int cycle) {
	}

	private final JdbcClient jdbc;

	CaseTimers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a step's timers in one statement (an assignment sets six). */
	void set(long caseId, List<Timer> timers) {
		if (timers.isEmpty()) {
			return;
		}
		List<Object> values = new ArrayList<>(timers.size() * 4);
		for (Timer timer : timers) {
			values.addAll(List.of(caseId, timer.kind().name(), timer.cycle(), Timestamp.from(timer.fireAt())));
		}
		this.jdbc
			.sql("insert into case_timer (case_id, kind, cycle, fire_at) values "
					+ String.join(", ", Collections.nCopies(timers.size(), "(?, ?, ?, ?)")))
			.params(values)
			.update();
	}

	/**
	 * Claims up to {@code batch} due timers, oldest first, for the current transaction;
	 * rows another node has claimed are skipped, not waited for.
	 */
	List<Due> claimDue(Instant now, int batch) {
		return this.jdbc.sql("""
				select id, case_id, kind, cycle from case_timer
				where fired_at is null and fire_at <= :now
				order by fire_at limit :batch for update skip locked""")
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), TimerKind.valueOf(rs.getString(3)), rs.getInt(4)))
			.list();
	}

	/** Whether a later timer of the same kind has been set on the case since this one. */
	boolean isSuperseded(Due due) {
		return this.jdbc
			.sql("select count(*) from case_timer where case_id = :caseId and kind = :kind and cycle > :cycle")
			.param("caseId", due.caseId())
			.param("kind", due.kind().name())
			.param("cycle", due.cycle())
			.query(Integer.class)
			.single() > 0;
	}

	/** Of the given timers, those a later timer of the same kind has superseded. */
	Set<Long> superseded(Collection<Due> timers) {
		if (timers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select t.id from case_timer t where t.id in (:ids) and exists (select 1 from case_timer l
				    where l.case_id = t.case_id and l.kind = t.kind and l.cycle > t.cycle)""")
			.param("ids", timers.stream().map(Due::id).toList())
			.query(Long.class)
			.list());
	}

	void postpone(long timerId, Instant to) {
		this.jdbc.sql("update case_timer set fire_at = :to where id = :id")
			.param("to", Timestamp.from(to))
			.param("id", timerId)
			.update();
	}

	/** Marks timers fired (or skipped: fired, but their case no longer needed them). */
	void fired(Collection<Long> timerIds, Instant at, boolean skipped) {
		if (timerIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("update case_timer set fired_at = :at, skipped = :skipped where id in (:ids)")
			.param("at", Timestamp.from(at))
			.param("skipped", skipped)
			.param("ids", timerIds)
			.update();
	}

}
