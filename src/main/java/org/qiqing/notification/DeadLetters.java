package org.qiqing.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages the worker gave up on, for an administrator to look into and replay once
 * the cause is mended (a wrong webhook, a mail server down for a day). He sees those of
 * his jurisdiction: a robot's by its unit, an e-mail's by its person's unit or
 * enterprise. A replayed message starts its attempts afresh.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetters {

	public record DeadLetter(long id, String channel, String recipient, String subject, int attempts, String lastError,
			Instant createdAt) {
	}

	private static final String SCOPED = """
			from notification_outbox o
			left join notification_robot b on b.id = o.robot_id
			left join person p on p.id = o.person_id
			left join enterprise e on e.id = p.enterprise_id
			left join unit u on u.id = coalesce(b.unit_id, p.unit_id)
			join region r on r.code = coalesce(u.region_code, e.region_code)
			where o.status = 'DEAD' and r.path like :scope""";

	private final JdbcClient jdbc;

	private final Clock clock;

	DeadLetters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<DeadLetter> list(Actor actor, int limit) {
		return this.jdbc.sql("""
				select o.id, o.channel, coalesce(b.name, o.address) as recipient, o.subject, o.attempts,
				       o.last_error, o.created_at
				""" + SCOPED + " order by o.id desc limit :limit")
			.param("scope", scope(actor))
			.param("limit", limit)
			.query(Rows.of(DeadLetter.class))
			.list();
	}

	/** Sends a dead letter again, from its first attempt. */
	public void replay(long id, Actor actor) {
		int replayed = this.jdbc.sql("""
				update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now
				where id = :id and id in (select o.id""" + " " + SCOPED + ")")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("scope", scope(actor))
			.update();
		if (replayed == 0) {
			throw new NotFound(Text.of("error.record.notFound", Text.of("record.deadLetter"), id));
		}
	}

	/**
	 * @return how many dead letters of the jurisdiction were sent again
	 */
	public int replayAll(Actor actor) {
		return this.jdbc.sql("""
				update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now
				where id in (select o.id""" + " " + SCOPED + ")")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("scope", scope(actor))
			.update();
	}

	private static String scope(Actor actor) {
		return actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern();
	}

}
