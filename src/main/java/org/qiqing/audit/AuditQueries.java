package org.qiqing.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Jurisdiction;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as administrators and inspectors read it: the entries of people of their
 * jurisdiction ({@link Jurisdiction}, on the region of the person's jurisdiction, unit or
 * enterprise when the entry was written), newest first. Entries of no region (a failed
 * login under a name nobody has, a bad API token) are read by those who oversee a
 * top-level region.
 */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'INSPECTOR')")
public class AuditQueries {

	/**
	 * What to list: a username, an action, the days from and to (both included, days in
	 * China); each may be null.
	 */
	public record Filter(String username, AuditAction action, LocalDate from, LocalDate to) {
	}

	public record Page(List<AuditEntry> items, int page, int size, boolean hasNext) {
	}

	/** A page of the entries one may read, newest first. */
	private static final String ENTRIES = """
			select id, at, person_id as personId, username, address, action, target_kind as targetKind,
			       target_id as targetId, detail
			from audit_entry
			where (%s or (region_path is null and :top = true))
			  and (:username = '' or username = :username)
			  and (:action = '' or action = :action)
			  and at >= :from and at < :to
			order by at desc, id desc limit :limit offset :offset""".formatted(Jurisdiction.covers("region_path"));

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page entries(Actor viewer, Filter filter, int page, int size) {
		String username = filter.username() == null ? "" : filter.username().strip();
		LocalDate from = filter.from() == null ? LocalDate.of(2000, 1, 1) : filter.from();
		LocalDate to = filter.to() == null ? LocalDate.of(9999, 1, 1) : filter.to().plusDays(1);
		List<AuditEntry> lines = Jurisdiction.bind(this.jdbc.sql(ENTRIES), viewer)
			.param("top", viewer.overseesTopRegion())
			.param("username", username)
			.param("action", filter.action() == null ? "" : filter.action().name())
			.param("from", Timestamp.from(from.atStartOfDay(PlatformClock.CHINA).toInstant()))
			.param("to", Timestamp.from(to.atStartOfDay(PlatformClock.CHINA).toInstant()))
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(AuditEntry.class))
			.list();
		boolean hasNext = lines.size() > size;
		return new Page(hasNext ? lines.subList(0, size) : lines, page, size, hasNext);
	}

}
