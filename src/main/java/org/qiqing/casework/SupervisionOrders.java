package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.qiqing.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision orders (督办单): a supervisor's, or the system's, demand that a handling unit
 * report what it did on a case by a date. An order not answered by then counts against
 * the unit.
 */
@Repository
public class SupervisionOrders {

	/** An order as the case page and the supervision desk show it. */
	public record Order(long id, long caseId, String unitName, String issuedByName, Instant issuedAt,
			Instant replyDueAt, String demand, String reply, String repliedByName, Instant repliedAt) {

		public boolean isOverdue(Instant now) {
			return this.repliedAt == null ? now.isAfter(this.replyDueAt) : this.repliedAt.isAfter(this.replyDueAt);
		}

	}

	private static final String SELECT = """
			select o.id, o.case_id, u.name as unit_name, ip.display_name as issued_by_name, o.issued_at,
			       o.reply_due_at, o.demand, o.reply, rp.display_name as replied_by_name, o.replied_at
			from supervision_order o
			join unit u on u.id = o.unit_id
			join person ip on ip.id = o.issued_by
			left join person rp on rp.id = o.replied_by
			""";

	private final JdbcClient jdbc;

	SupervisionOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void issue(long caseId, long unitId, long issuedBy, Instant at, Instant replyDue, String demand) {
		this.jdbc.sql("""
				insert into supervision_order (case_id, unit_id, issued_by, issued_at, reply_due_at, demand)
				values (:caseId, :unit, :by, :at, :due, :demand)""")
			.param("caseId", caseId)
			.param("unit", unitId)
			.param("by", issuedBy)
			.param("at", Timestamp.from(at))
			.param("due", Timestamp.from(replyDue))
			.param("demand", demand)
			.update();
	}

	boolean hasOpen(long caseId) {
		return this.jdbc.sql("select count(*) from supervision_order where case_id = :caseId and replied_at is null")
			.param("caseId", caseId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Answers every open order of the case: the reply tells what the unit did. */
	void reply(long caseId, long by, Instant at, String reply) {
		this.jdbc.sql("""
				update supervision_order set reply = :reply, replied_by = :by, replied_at = :at
				where case_id = :caseId and replied_at is null""")
			.param("reply", reply)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("caseId", caseId)
			.update();
	}

	/** The orders of a case the reader may see; newest first. */
	public List<Order> of(long caseId) {
		return this.jdbc.sql(SELECT + " where o.case_id = :caseId order by o.issued_at desc, o.id desc")
			.param("caseId", caseId)
			.query(Rows.of(Order.class))
			.list();
	}

}
