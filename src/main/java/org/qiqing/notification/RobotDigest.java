package org.qiqing.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Once a day, at the e-mail digest's hour ({@code qiqing.notifications.digest-cron}),
 * turns the messages held for each group robot on
 * {@link NotificationPreferences.Delivery#DAILY_DIGEST} into one message for its group: a
 * line per case with its newest notice and how many there were, linked to the case, and
 * queues it for the delivery worker. The held rows are claimed with {@code SKIP LOCKED},
 * so nodes running it at the same time never put a notice in two digests. Kept apart from
 * {@link DailyDigest} (the people's e-mails), whose rows and texts it does not share; the
 * round they make alike is {@link Digests}'.
 */
@Component
public class RobotDigest {

	/**
	 * Cases listed in one group message; the rest are counted. A robot's message is read
	 * on a phone, and the services cut long ones.
	 */
	static final int MOST_LINES = 20;

	/**
	 * A robot's message held for its digest.
	 *
	 * @param subjectText its subject as a text (JSON), null for one stored before V40
	 */
	record Held(long id, long robotId, String subject, String subjectText, String link) {

		/** Its subject in a language: from its text, else as it was stored. */
		String subject(MessageSource messages, Locale locale) {
			Text text = Text.fromJson(this.subjectText);
			return text == null ? this.subject : text.resolve(messages, locale);
		}

	}

	private final JdbcClient jdbc;

	private final Digests digests;

	private final NotificationSettings settings;

	private final MessageSource messages;

	private final Robots robots;

	RobotDigest(JdbcClient jdbc, Digests digests, NotificationSettings settings, MessageSource messages,
			Robots robots) {
		this.jdbc = jdbc;
		this.digests = digests;
		this.settings = settings;
		this.messages = messages;
		this.robots = robots;
	}

	/**
	 * @return how many group messages were queued
	 */
	public int queue() {
		return this.digests.queue(this::claimHeld, Held::robotId,
				(byRobot, now) -> byRobot.values().forEach(held -> queue(held, now)));
	}

	private List<Held> claimHeld() {
		return this.jdbc.sql("""
				select id, robot_id, subject, subject_text, link from notification_outbox
				where status = 'DIGEST' and channel = 'ROBOT'
				order by robot_id, id for update skip locked""").query(Rows.of(Held.class)).list();
	}

	/**
	 * One group message, in the robot's language: a markdown line per case, its newest
	 * notice and the count.
	 */
	private void queue(List<Held> held, Instant now) {
		Map<String, List<Held>> byCase = Digests.byCase(held, Held::link);
		Locale locale = this.robots.languageOf(held.get(0).robotId());
		StringBuilder body = new StringBuilder(text("notification.digest.intro", locale, byCase.size())).append("\n");
		byCase.entrySet().stream().limit(MOST_LINES).forEach(entry -> {
			List<Held> notices = entry.getValue();
			String line = text("notification.robotDigest.line", locale,
					notices.get(notices.size() - 1).subject(this.messages, locale), notices.size());
			String link = this.settings.absolute(entry.getKey());
			body.append("\n- ").append(link == null ? line : "[" + line + "](" + link + ")");
		});
		if (byCase.size() > MOST_LINES) {
			body.append("\n\n").append(text("notification.robotDigest.more", locale, byCase.size() - MOST_LINES));
		}
		String subject = text("notification.digest.subject", locale, byCase.size());
		Timestamp at = Timestamp.from(now);
		this.jdbc.sql("""
				insert into notification_outbox (notice_key, channel, robot_id, topic, subject, body, link, status,
				                                 next_attempt_at, created_at)
				values (:key, 'ROBOT', :robot, 'DIGEST', :subject, :body, '', 'PENDING', :now, :now)""")
			.param("key", "robot-digest:" + held.get(0).id())
			.param("robot", held.get(0).robotId())
			.param("subject", Inbox.clip(subject, 500))
			.param("body", Inbox.clip(body.toString(), 4000))
			.param("now", at)
			.update();
		for (List<Long> ids : Inbox.chunks(held.stream().map(Held::id).toList())) {
			this.jdbc.sql("update notification_outbox set status = 'DIGESTED', sent_at = :now where id in (:ids)")
				.param("now", at)
				.param("ids", ids)
				.update();
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.digests.text(key, locale, arguments);
	}

}
