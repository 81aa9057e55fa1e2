package org.qiqing.notification;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.CaseNotice;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What is still to be sent outside the application: an e-mail to a person or a message to
 * a unit's robot, one row per notice and recipient (unique in the database), written in
 * the transaction of the step that caused it. The worker claims due rows, each by one
 * node, and marks them sent, to be tried again later, or dead.
 */
@Repository
class Outbox {

	enum Channel {

		EMAIL, ROBOT

	}

	enum Status {

		PENDING, SENT, DEAD, SKIPPED,
		/** Held for the day's digest. */
		DIGEST,
		/** Sent in a digest, not on its own. */
		DIGESTED

	}

	/**
	 * A message claimed for sending: its words in Chinese, and the texts of a notice to a
	 * person, to be put into his language as it is sent.
	 */
	record Letter(long id, Channel channel, Long personId, Long robotId, String address, String subject, String body,
			String subjectText, String bodyText, String link, int attempts) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final MessageSource messages;

	Outbox(JdbcClient jdbc, JdbcTemplate batches, MessageSource messages) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.messages = messages;
	}

	/**
	 * Who is to get a notice outside the application: a person by e-mail, at once or in
	 * the day's digest, or a robot.
	 */
	record Addressee(CaseNotice notice, Channel channel, Long personId, String address, Long robotId, Status status) {

		static Addressee email(CaseNotice notice, long personId, String address, boolean digest) {
			return new Addressee(notice, Channel.EMAIL, personId, address, null,
					digest ? Status.DIGEST : Status.PENDING);
		}

		static Addressee robot(CaseNotice notice, long robotId, boolean digest) {
			return new Addressee(notice, Channel.ROBOT, null, null, robotId, digest ? Status.DIGEST : Status.PENDING);
		}

	}

	private static final String INSERT = """
			insert into notification_outbox (notice_key, channel, person_id, robot_id, address, topic, subject, body,
			                                 subject_text, body_text, link, status, next_attempt_at, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final int[] INSERT_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.TIMESTAMP, Types.TIMESTAMP };

	/**
	 * Queues a message to each addressee who has none yet for its notice: one query for
	 * the rows already there, then one batch of inserts, however many notices.
	 */
	void add(List<Addressee> addressees, Instant now) {
		if (addressees.isEmpty()) {
			return;
		}
		Set<String> there = new HashSet<>();
		for (List<String> keys : Inbox.chunks(addressees.stream().map(a -> a.notice().key()).distinct().toList())) {
			there.addAll(this.jdbc.sql(
					"select notice_key, channel, person_id, robot_id from notification_outbox where notice_key in (:keys)")
				.param("keys", keys)
				.query((rs, n) -> recipient(rs.getString(1), Channel.valueOf(rs.getString(2)),
						rs.getObject(3, Long.class), rs.getObject(4, Long.class)))
				.list());
		}
		List<Object[]> rows = new ArrayList<>();
		Map<CaseNotice, String[]> words = new IdentityHashMap<>();
		for (Addressee to : addressees) {
			CaseNotice notice = to.notice();
			if (there.add(recipient(notice.key(), to.channel(), to.personId(), to.robotId()))) {
				String[] texts = words.computeIfAbsent(notice, told -> new String[] { chinese(told.subject()),
						chinese(told.body()), Inbox.json(told.subject(), 2000), Inbox.json(told.body(), 4000) });
				rows.add(new Object[] { notice.key(), to.channel().name(), to.personId(), to.robotId(), to.address(),
						notice.topic().name(), Inbox.clip(texts[0], 500), Inbox.clip(texts[1], 4000), texts[2],
						texts[3], Inbox.clip(notice.link() == null ? "" : notice.link(), 300), to.status().name(),
						Timestamp.from(now), Timestamp.from(now) });
			}
		}
		this.batches.batchUpdate(INSERT, rows, INSERT_TYPES);
	}

	private String chinese(Text text) {
		return text == null ? "" : text.resolve(this.messages, Locale.SIMPLIFIED_CHINESE);
	}

	/** What the unique keys of the table tell apart: a person's e-mail, or a robot. */
	private static String recipient(String key, Channel channel, Long personId, Long robotId) {
		return key + " " + channel + " " + (channel == Channel.EMAIL ? personId : robotId);
	}

	/**
	 * An e-mail to an address that is no person's (yet): a registrant's. Its key keeps it
	 * to one message per address.
	 */
	void addEmailTo(String key, String address, String subject, String body, String link, Instant now) {
		this.jdbc.sql("""
				insert into notification_outbox (notice_key, channel, address, topic, subject, body, link, status,
				                                 next_attempt_at, created_at)
				select :key, 'EMAIL', :address, 'REGISTRATION', :subject, :body, :link, 'PENDING', :now, :now
				from (select 1 as one) x
				where not exists (select 1 from notification_outbox o
				    where o.notice_key = :key and o.address = :address and o.channel = 'EMAIL')""")
			.param("key", key)
			.param("address", address)
			.param("subject", Inbox.clip(subject, 500))
			.param("body", Inbox.clip(body == null ? "" : body, 4000))
			.param("link", Inbox.clip(link == null ? "" : link, 300))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** An e-mail held for a person's digest. */
	record Held(long id, long personId, String address, String subject, String subjectText, String link) {
	}

	/**
	 * Claims every e-mail held for a digest, by person, oldest first; rows another node
	 * holds are skipped, not waited for, so no e-mail is in two digests.
	 */
	List<Held> claimHeld() {
		return this.jdbc.sql("""
				select id, person_id, address, subject, subject_text, link from notification_outbox
				where status = 'DIGEST' and channel = 'EMAIL'
				order by person_id, id for update skip locked""").query(Rows.of(Held.class)).list();
	}

	/**
	 * Queues a person's digest of the held e-mails and marks them sent in it. Its key
	 * names the first of them, so a digest is queued once whatever retries.
	 */
	void addDigest(Held first, List<Long> held, String subject, String body, Instant now) {
		this.jdbc.sql("""
				insert into notification_outbox (notice_key, channel, person_id, address, topic, subject, body, link,
				                                 status, next_attempt_at, created_at)
				values (:key, 'EMAIL', :person, :address, 'DIGEST', :subject, :body, '', 'PENDING', :now, :now)""")
			.param("key", "digest:" + first.id())
			.param("person", first.personId())
			.param("address", first.address())
			.param("subject", Inbox.clip(subject, 500))
			.param("body", Inbox.clip(body, 4000))
			.param("now", Timestamp.from(now))
			.update();
		for (List<Long> ids : Inbox.chunks(held)) {
			this.jdbc.sql("update notification_outbox set status = 'DIGESTED', sent_at = :now where id in (:ids)")
				.param("now", Timestamp.from(now))
				.param("ids", ids)
				.update();
		}
	}

	/**
	 * Claims up to {@code batch} due messages, oldest first, for the current transaction;
	 * rows another node holds are skipped, not waited for.
	 */
	List<Letter> claimDue(Instant now, int batch) {
		return this.jdbc.sql("""
				select id, channel, person_id, robot_id, address, subject, body, subject_text, body_text, link, attempts
				from notification_outbox
				where status = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at, id limit :batch for update skip locked""")
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query(Rows.of(Letter.class))
			.list();
	}

	void sent(long id, Instant now) {
		this.jdbc.sql(
				"update notification_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1 where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void skipped(long id, String why) {
		this.jdbc.sql("update notification_outbox set status = 'SKIPPED', last_error = :why where id = :id")
			.param("why", Inbox.clip(why, 1000))
			.param("id", id)
			.update();
	}

	/** Notes a failed attempt, to be tried again at {@code next}. */
	void retry(long id, String error, Instant next) {
		this.jdbc.sql("""
				update notification_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
				where id = :id""")
			.param("error", Inbox.clip(error, 1000))
			.param("next", Timestamp.from(next))
			.param("id", id)
			.update();
	}

	/** Notes the last failed attempt: the message is given up, a dead letter. */
	void giveUp(long id, String error) {
		this.jdbc.sql("""
				update notification_outbox set attempts = attempts + 1, last_error = :error, status = 'DEAD'
				where id = :id""").param("error", Inbox.clip(error, 1000)).param("id", id).update();
	}

}
