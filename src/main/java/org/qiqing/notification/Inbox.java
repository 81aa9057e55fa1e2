package org.qiqing.notification;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's notifications in the application: one row per notice and person, so a
 * notice published again adds nothing. A person reads and marks only his own; another's
 * is not found.
 */
@Repository
@Transactional
public class Inbox {

	/** A notification as its person sees it. */
	public record Notification(long id, NoticeTopic topic, String subject, String body, String link, Instant createdAt,
			Instant readAt) {

		public boolean unread() {
			return this.readAt == null;
		}

	}

	/** One page of notifications, newest first. */
	public record Page(List<Notification> items, int page, int size, boolean hasNext, long unread) {
	}

	/** A notice for a person, unless he has it already (a timer fired again, a retry). */
	private static final String INSERT = """
			insert into notification (notice_key, person_id, topic, subject, body, link, created_at)
			select ?, ?, ?, ?, ?, ?, ?
			where not exists (select 1 from notification where notice_key = ? and person_id = ?)""";

	private static final int[] INSERT_TYPES = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.BIGINT };

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	Inbox(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Puts each notice in the inbox of each of its people who does not have it yet: one
	 * batch of inserts, however many notices.
	 */
	void add(List<CaseNotice> notices, Instant now) {
		Set<String> seen = new HashSet<>();
		List<Object[]> rows = new ArrayList<>();
		for (CaseNotice notice : notices) {
			for (long person : notice.personIds()) {
				if (seen.add(notice.key() + " " + person)) {
					rows.add(new Object[] { notice.key(), person, notice.topic().name(), clip(notice.subject(), 500),
							clip(notice.body() == null ? "" : notice.body(), 4000), clip(notice.link(), 300),
							Timestamp.from(now), notice.key(), person });
				}
			}
		}
		this.batches.batchUpdate(INSERT, rows, INSERT_TYPES);
	}

	@Transactional(readOnly = true)
	public Page page(long personId, boolean unreadOnly, int page, int size) {
		List<Notification> items = this.jdbc.sql("""
				select id, topic, subject, body, link, created_at, read_at from notification
				where person_id = :person and (:all or read_at is null)
				order by id desc limit :limit offset :offset""")
			.param("person", personId)
			.param("all", !unreadOnly)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(Notification.class))
			.list();
		boolean hasNext = items.size() > size;
		return new Page(hasNext ? items.subList(0, size) : items, page, size, hasNext, unreadCount(personId));
	}

	@Transactional(readOnly = true)
	public long unreadCount(long personId) {
		return this.jdbc.sql("select count(*) from notification where person_id = :person and read_at is null")
			.param("person", personId)
			.query(Long.class)
			.single();
	}

	/** The unread counts of some people, for the nodes' live streams; zero included. */
	@Transactional(readOnly = true)
	Map<Long, Long> unreadCounts(Collection<Long> people) {
		Map<Long, Long> counts = new HashMap<>();
		people.forEach(id -> counts.put(id, 0L));
		if (people.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				select person_id, count(*) from notification
				where person_id in (:people) and read_at is null group by person_id""")
			.param("people", people)
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Marks one of the person's notifications read; another's is not found. */
	public Notification markRead(long personId, long id, Instant now) {
		this.jdbc
			.sql("update notification set read_at = :now where id = :id and person_id = :person and read_at is null")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("person", personId)
			.update();
		return this.jdbc.sql("""
				select id, topic, subject, body, link, created_at, read_at from notification
				where id = :id and person_id = :person""")
			.param("id", id)
			.param("person", personId)
			.query(Rows.of(Notification.class))
			.optional()
			.orElseThrow(() -> new NotFound("notification", id));
	}

	/**
	 * @return how many were unread
	 */
	public int markAllRead(long personId, Instant now) {
		return this.jdbc.sql("update notification set read_at = :now where person_id = :person and read_at is null")
			.param("now", Timestamp.from(now))
			.param("person", personId)
			.update();
	}

	/**
	 * A long list of values in pieces of at most a thousand, for {@code in (...)}: each
	 * database has its limit of parameters per statement.
	 */
	static <T> List<List<T>> chunks(List<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < values.size(); from += 1000) {
			chunks.add(values.subList(from, Math.min(values.size(), from + 1000)));
		}
		return chunks;
	}

	static String clip(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
