package org.qiqing.casework;

import java.time.Instant;
import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the supervision desk lists, always within {@link CaseScope}: the cases turning
 * yellow and red, those resolved and not yet verified, the bulletin of cases listed for
 * written criticism, and the units' supervision orders.
 */
@Component
public class SupervisionQueries {

	/** A case on the watch list, most overdue first. */
	public record Watched(long id, String number, CaseState state, String title, String enterpriseName,
			String leadUnitName, String escalatedUnitName, TimeState timeState, Instant limitAt, String regionCode,
			int version) {
	}

	/** A case listed for written criticism (书面通报), when it was listed. */
	public record Listed(long id, String number, String title, String leadUnitName, Instant limitAt, Instant listedAt,
			CaseState state) {
	}

	/**
	 * A unit's supervision orders: how many, how many still open, how many answered late
	 * or not at all.
	 */
	public record UnitOrders(String unitName, int issued, int open, int overdue) {
	}

	private final JdbcClient jdbc;

	SupervisionQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The yellow and red cases (or those of one colour), most urgent first. */
	public List<Watched> watchList(Actor actor, TimeState only, int limit) {
		return CaseScope
			.bind(this.jdbc.sql("""
					select c.id, c.number, c.state, c.title, e.name as enterprise_name, u.name as lead_unit_name,
					       x.name as escalated_unit_name, c.time_state, c.limit_at, c.region_code, c.version
					from cases c
					left join enterprise e on e.id = c.enterprise_id
					left join unit u on u.id = c.lead_unit_id
					left join unit x on x.id = c.escalated_unit_id
					where c.time_state in ('YELLOW', 'RED') and (:only = '' or c.time_state = :only) and """
					+ CaseScope.CONDITION + " order by c.limit_at, c.id limit :limit"), actor)
			.param("only", only == null ? "" : only.name())
			.param("limit", limit)
			.query(Rows.of(Watched.class))
			.list();
	}

	/** Resolved or closed cases no supervisor has verified, most recent first. */
	public List<Watched> awaitingVerification(Actor actor, int limit) {
		return CaseScope
			.bind(this.jdbc.sql("""
					select c.id, c.number, c.state, c.title, e.name as enterprise_name, u.name as lead_unit_name,
					       x.name as escalated_unit_name, c.time_state, c.limit_at, c.region_code, c.version
					from cases c
					left join enterprise e on e.id = c.enterprise_id
					left join unit u on u.id = c.lead_unit_id
					left join unit x on x.id = c.escalated_unit_id
					where c.state in ('RESOLVED', 'CLOSED') and c.verified_at is null and c.outcome is not null and """
					+ CaseScope.CONDITION + " order by c.updated_at desc, c.id desc limit :limit"), actor)
			.param("limit", limit)
			.query(Rows.of(Watched.class))
			.list();
	}

	/** The bulletin: cases listed for written criticism, newest listing first. */
	public List<Listed> bulletin(Actor actor, int limit) {
		return CaseScope
			.bind(this.jdbc
				.sql("""
						select c.id, c.number, c.title, u.name as lead_unit_name, c.limit_at, t.fired_at as listed_at, c.state
						from case_timer t
						join cases c on c.id = t.case_id
						left join unit u on u.id = c.lead_unit_id
						where t.kind = 'CRITICISM' and t.fired_at is not null and not t.skipped and """
						+ CaseScope.CONDITION + " order by t.fired_at desc, c.id desc limit :limit"),
					actor)
			.param("limit", limit)
			.query(Rows.of(Listed.class))
			.list();
	}

	/**
	 * Supervision orders per unit; an order answered late, or not answered in time,
	 * counts against it.
	 */
	public List<UnitOrders> ordersByUnit(Actor actor, Instant now) {
		return CaseScope.bind(this.jdbc.sql("""
				select u.name as unit_name, count(*) as issued,
				       sum(case when o.replied_at is null then 1 else 0 end) as open,
				       sum(case when coalesce(o.replied_at, :now) > o.reply_due_at then 1 else 0 end) as overdue
				from supervision_order o
				join cases c on c.id = o.case_id
				join unit u on u.id = o.unit_id
				where """ + CaseScope.CONDITION + " group by u.name order by overdue desc, issued desc, u.name"), actor)
			.param("now", java.sql.Timestamp.from(now))
			.query(Rows.of(UnitOrders.class))
			.list();
	}

}
