package org.qiqing.audit;

import java.sql.Timestamp;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.qiqing.organisation.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log. Modules that organisation does not depend on call it once where
 * something worth auditing happens; organisation's own changes arrive as events
 * ({@code OrganisationEvents}). An entry is written in the caller's transaction, so a
 * change rolled back leaves no entry. There is no way to change or delete an entry.
 */
@Service
@Transactional
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records what the actor did, on a target (a kind and its id, or nulls). */
	public void record(Actor actor, AuditAction action, String targetKind, Object targetId, String detail) {
		write(actor.personId(), actor.username(), action, targetKind, targetId, detail);
	}

	/**
	 * Records what a person did, or what was tried under a username nobody has
	 * ({@code personId} null).
	 */
	void write(Long personId, String username, AuditAction action, String targetKind, Object targetId, String detail) {
		// The region is looked up as the entry is written: who may read it stays what it
		// was when it happened.
		this.jdbc.sql("""
				insert into audit_entry (at, person_id, username, region_path, address, action, target_kind,
				    target_id, detail)
				values (:at, :person, coalesce((select username from person where id = :person), :username),
				    (select r.path from person p
				     left join unit u on u.id = p.unit_id
				     left join enterprise e on e.id = p.enterprise_id
				     join region r on r.code = coalesce(p.jurisdiction_code, u.region_code, e.region_code)
				     where p.id = :person),
				    :address, :action, :kind, :target, :detail)""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("person", personId)
			.param("username", cut(username, 64))
			.param("address", cut(address(), 64))
			.param("action", action.name())
			.param("kind", targetKind)
			.param("target", targetId == null ? null : cut(targetId.toString(), 64))
			.param("detail", cut(detail, 300))
			.update();
	}

	/** The person with a username, if there is one. */
	Long personNamed(String username) {
		return this.jdbc.sql("select id from person where username = :username")
			.param("username", username)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}
