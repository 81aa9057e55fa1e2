package org.qiqing.notification;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's notifications in the application, one entry per case and topic: a thread
 * that counts the notices it had, shows the newest, and is unread again when another
 * arrives. Which notices a person has received is kept apart, so a notice published again
 * adds nothing, even after the thread was read. A person reads and marks only his own;
 * another's is not found. A thread keeps the key and arguments of its newest subject and
 * body ({@link Text} as JSON) beside their Chinese words: a page is put into words in the
 * reader's language as it is read, 50 rows in microseconds (the bundles' formats are
 * cached); a row stored before texts were, and a supervisor's own words, show as written.
 */
@Repository
@Transactional
public class Inbox {

	/**
	 * A thread as its person sees it.
	 *
	 * @param repeats how many notices of the case and topic it had
	 * @param createdAt when the first came
	 * @param updatedAt when the newest came
	 */
	public record Notification(long id, NoticeTopic topic, String subject, String body, String link, int repeats,
			Instant createdAt, Instant updatedAt, Instant readAt) {

		public boolean unread() {
			return this.readAt == null;
		}

	}

	/** A thread as stored: its Chinese words, and its texts if it has them. */
	record Stored(long id, NoticeTopic topic, String subject, String body, String subjectText, String bodyText,
			String link, int repeats, Instant createdAt, Instant updatedAt, Instant readAt) {

		Notification in(MessageSource messages, Locale locale) {
			return new Notification(this.id, this.topic, words(this.subjectText, this.subject, messages, locale),
					words(this.bodyText, this.body, messages, locale), this.link, this.repeats, this.createdAt,
					this.updatedAt, this.readAt);
		}

		private static String words(String json, String stored, MessageSource messages, Locale locale) {
			Text text = Text.fromJson(json);
			return text == null ? stored : text.resolve(messages, locale);
		}

	}

	/** One page of notifications, newest first. */
	public record Page(List<Notification> items, int page, int size, boolean hasNext, long unread) {
	}

	private static final String RECEIVED = "insert into notification_received (notice_key, person_id) values (?, ?)";

	private static final int[] RECEIVED_TYPES = { Types.VARCHAR, Types.BIGINT };

	/**
	 * A person's thread of a case and topic: created, or told the newest notice and how
	 * many more came, and unread again. Standard MERGE, the same on H2 and PostgreSQL.
	 */
	private static final String THREAD = """
			merge into notification n
			using (select cast(? as bigint) as person_id, cast(? as bigint) as case_id, cast(? as varchar(30)) as topic,
			              cast(? as varchar(200)) as notice_key, cast(? as varchar(500)) as subject,
			              cast(? as varchar(4000)) as body, cast(? as varchar(2000)) as subject_text,
			              cast(? as varchar(4000)) as body_text, cast(? as varchar(300)) as link,
			              cast(? as integer) as repeats, cast(? as timestamp with time zone) as at) s
			on n.person_id = s.person_id and n.case_id = s.case_id and n.topic = s.topic
			when matched then update set notice_key = s.notice_key, subject = s.subject, body = s.body,
			    subject_text = s.subject_text, body_text = s.body_text, link = s.link,
			    repeats = n.repeats + s.repeats, updated_at = s.at, read_at = null
			when not matched then insert (notice_key, person_id, case_id, topic, subject, body, subject_text, body_text,
			                              link, repeats, created_at, updated_at)
			    values (s.notice_key, s.person_id, s.case_id, s.topic, s.subject, s.body, s.subject_text, s.body_text,
			            s.link, s.repeats, s.at, s.at)""";

	private static final int[] THREAD_TYPES = { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP };

	/**
	 * The newest notice of a case stands for it: the person's other unread entries of the
	 * case are marked read, so a case shows one unread entry, the one on top. They stay
	 * listed, with their texts and counts, and the case page shows what is open.
	 */
	private static final String SUPERSEDE = """
			update notification set read_at = ?
			where person_id = ? and case_id = ? and topic <> ? and read_at is null""";

	private static final int[] SUPERSEDE_TYPES = { Types.TIMESTAMP, Types.BIGINT, Types.BIGINT, Types.VARCHAR };

	/** Named as the components, so no column is looked for under two names (Rows). */
	private static final String COLUMNS = """
			id, topic, subject, body, subject_text as subjectText, body_text as bodyText, link, repeats,
			created_at as createdAt, updated_at as updatedAt, read_at as readAt""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final MessageSource messages;

	Inbox(JdbcClient jdbc, JdbcTemplate batches, MessageSource messages) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.messages = messages;
	}

	/** A person's thread: one case, one topic. */
	private record Thread(long personId, long caseId, NoticeTopic topic) {
	}

	/**
	 * Puts each notice in the inbox of each of its people who has not received it yet:
	 * one query, one batch of inserts and one of merges, however many notices. The
	 * threads are merged in a fixed order, so two nodes adding to the same threads wait
	 * for each other rather than deadlock; two that create the same thread at once make
	 * one of them fail on the unique index and roll back, and its timers fire again.
	 */
	void add(List<CaseNotice> notices, Instant now) {
		Set<String> received = new HashSet<>();
		for (List<String> keys : chunks(notices.stream().map(CaseNotice::key).distinct().toList())) {
			received.addAll(
					this.jdbc.sql("select notice_key, person_id from notification_received where notice_key in (:keys)")
						.param("keys", keys)
						.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
						.list());
		}
		List<Object[]> receipts = new ArrayList<>();
		Map<Thread, CaseNotice> newest = new TreeMap<>(Comparator.comparingLong(Thread::personId)
			.thenComparingLong(Thread::caseId)
			.thenComparing(Thread::topic));
		Map<Thread, Integer> repeats = new HashMap<>();
		Map<List<Long>, Object[]> latest = new TreeMap<>(
				Comparator.comparing((List<Long> personAndCase) -> personAndCase.get(0))
					.thenComparing(personAndCase -> personAndCase.get(1)));
		for (CaseNotice notice : notices) {
			for (long person : notice.personIds()) {
				if (received.add(notice.key() + " " + person)) {
					receipts.add(new Object[] { notice.key(), person });
					Thread thread = new Thread(person, notice.caseId(), notice.topic());
					newest.put(thread, notice);
					repeats.merge(thread, 1, Integer::sum);
					latest.put(List.of(person, notice.caseId()),
							new Object[] { Timestamp.from(now), person, notice.caseId(), notice.topic().name() });
				}
			}
		}
		if (receipts.isEmpty()) {
			return;
		}
		this.batches.batchUpdate(RECEIVED, receipts, RECEIVED_TYPES);
		List<Object[]> threads = new ArrayList<>();
		newest.forEach((thread,
				notice) -> threads.add(new Object[] { thread.personId(), thread.caseId(), thread.topic().name(),
						notice.key(), clip(chinese(notice.subject()), 500), clip(chinese(notice.body()), 4000),
						json(notice.subject(), 2000), json(notice.body(), 4000), clip(notice.link(), 300),
						repeats.get(thread), Timestamp.from(now) }));
		this.batches.batchUpdate(THREAD, threads, THREAD_TYPES);
		this.batches.batchUpdate(SUPERSEDE, new ArrayList<>(latest.values()), SUPERSEDE_TYPES);
	}

	/**
	 * Unread entries are counted up to this many: the badge says "999+" beyond. A count
	 * stops there, so it costs what a thousand index entries cost, however many a person
	 * left unread (20,000 unread took 8–60 ms to count, at every page).
	 */
	public static final int UNREAD_COUNTED = 1000;

	/**
	 * A page of the person's entries, newest first: all of them, or the unread ones, each
	 * read in order from its own index (V31, V33), not one statement filtering the other.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Page page(long personId, boolean unreadOnly, int page, int size, Locale locale) {
		List<Stored> items = this.jdbc
			.sql("""
					select %s from notification
					where person_id = :person%s
					order by updated_at desc, id desc limit :limit offset :offset""".formatted(COLUMNS,
					unreadOnly ? " and read_at is null" : ""))
			.param("person", personId)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(Stored.class))
			.list();
		boolean hasNext = items.size() > size;
		List<Notification> shown = (hasNext ? items.subList(0, size) : items).stream()
			.map(stored -> stored.in(this.messages, locale))
			.toList();
		return new Page(shown, page, size, hasNext, unreadCount(personId));
	}

	/**
	 * How many of the person's entries are unread, up to {@link #UNREAD_COUNTED}. Asked
	 * by the top bar of every page: one statement, in the caller's transaction if he has
	 * one, else in none (a transaction of its own added a commit, a round trip to the
	 * database, to every page). So is {@link #page}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public long unreadCount(long personId) {
		return this.jdbc
			.sql("""
					select count(*) from (select 1 as one from notification
					where person_id = :person and read_at is null fetch first %d rows only) unread"""
				.formatted(UNREAD_COUNTED))
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

	/**
	 * Marks one of the person's notifications read, and answers it in a language;
	 * another's is not found.
	 */
	public Notification markRead(long personId, long id, Instant now, Locale locale) {
		this.jdbc
			.sql("update notification set read_at = :now where id = :id and person_id = :person and read_at is null")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("person", personId)
			.update();
		return this.jdbc.sql("""
				select %s from notification
				where id = :id and person_id = :person""".formatted(COLUMNS))
			.param("id", id)
			.param("person", personId)
			.query(Rows.of(Stored.class))
			.optional()
			.map(stored -> stored.in(this.messages, locale))
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.notification"), id)));
	}

	/**
	 * Marks read all the person's unread threads, or those of one topic.
	 * @param topic the topic, or null for all
	 * @return how many were unread
	 */
	public int markAllRead(long personId, NoticeTopic topic, Instant now) {
		return this.jdbc.sql("""
				update notification set read_at = :now
				where person_id = :person and read_at is null and (:all or topic = :topic)""")
			.param("now", Timestamp.from(now))
			.param("person", personId)
			.param("all", topic == null)
			.param("topic", topic == null ? "" : topic.name())
			.update();
	}

	/**
	 * Marks read, for everyone, the unread threads of a case that nobody needs any more.
	 * @param topics the topics settled, or null for all
	 */
	void settle(long caseId, Set<NoticeTopic> topics, Instant now) {
		this.jdbc.sql("""
				update notification set read_at = :now
				where case_id = :case and read_at is null and (:all or topic in (:topics))""")
			.param("now", Timestamp.from(now))
			.param("case", caseId)
			.param("all", topics == null)
			.param("topics", topics == null ? List.of("") : topics.stream().map(Enum::name).toList())
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

	/** A notice's text in Chinese, the words stored beside its key. */
	private String chinese(Text text) {
		return text == null ? "" : text.resolve(this.messages, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * A text as JSON, or null when it does not fit its column: then the row shows its
	 * Chinese words, rather than a text cut in the middle of its JSON.
	 */
	static String json(Text text, int length) {
		if (text == null) {
			return null;
		}
		String json = text.toJson();
		return json.length() <= length ? json : null;
	}

	static String clip(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
