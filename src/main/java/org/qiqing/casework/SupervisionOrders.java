package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.qiqing.platform.Text;
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
			       o.reply_due_at, o.demand, o.reply, rp.display_name as replied_by_name, o.replied_at,
			       o.demand_text
			from supervision_order o
			join unit u on u.id = o.unit_id
			join person ip on ip.id = o.issued_by
			left join person rp on rp.id = o.replied_by
			""";

	private final JdbcClient jdbc;

	SupervisionOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param demand what is demanded, as written (the platform's own words in Chinese)
	 * @param said the platform's own words as a text, shown in each reader's language;
	 * null for a supervisor's own words
	 */
	void issue(long caseId, long unitId, long issuedBy, Instant at, Instant replyDue, String demand, Text said) {
		this.jdbc.sql("""
				insert into supervision_order (case_id, unit_id, issued_by, issued_at, reply_due_at, demand,
				                               demand_text)
				values (:caseId, :unit, :by, :at, :due, :demand, :said)""")
			.param("caseId", caseId)
			.param("unit", unitId)
			.param("by", issuedBy)
			.param("at", Timestamp.from(at))
			.param("due", Timestamp.from(replyDue))
			.param("demand", demand)
			.param("said", said == null ? null : said.toJson())
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

	/**
	 * The orders of a case the reader may see; newest first. The platform's own demand is
	 * in the reader's language; a supervisor's as he wrote it.
	 */
	public List<Order> of(long caseId) {
		return this.jdbc.sql(SELECT + " where o.case_id = :caseId order by o.issued_at desc, o.id desc")
			.param("caseId", caseId)
			.query((rs, n) -> new Order(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
					CaseHistory.words(rs.getString(11), rs.getString(7)), rs.getString(8), rs.getString(9),
					instant(rs.getTimestamp(10))))
			.list();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
