package org.qiqing.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.qiqing.organisation.Languages;
import org.qiqing.platform.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. It claims due messages in small batches with
 * {@code FOR UPDATE SKIP LOCKED}, sends each while it holds the row, and marks it in the
 * same transaction: sent; failed, to be tried again after a doubling wait; or, after the
 * last attempt, dead. Two nodes never hold the same row, so nothing is sent twice while
 * they run. A node that dies after a send and before its commit leaves the row pending,
 * and it is sent once more: delivery outside is at least once, the rows exactly once. An
 * e-mail to a person is put into his language as it is sent (the languages of a batch's
 * people read at once); a robot's message, read by a group, in Chinese.
 */
@Component
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	/** What one run did. */
	public record Result(int sent, int retried, int dead, int skipped) {

		Result plus(Result other) {
			return new Result(this.sent + other.sent, this.retried + other.retried, this.dead + other.dead,
					this.skipped + other.skipped);
		}

		int total() {
			return this.sent + this.retried + this.dead + this.skipped;
		}

	}

	private final Outbox outbox;

	private final Robots robots;

	private final MailChannel mail;

	private final DingTalkRobot dingTalk;

	private final WeComRobot weCom;

	private final NotificationSettings settings;

	private final TransactionTemplate batch;

	private final Clock clock;

	private final Languages languages;

	private final MessageSource messages;

	DeliveryWorker(Outbox outbox, Robots robots, MailChannel mail, DingTalkRobot dingTalk, WeComRobot weCom,
			NotificationSettings settings, PlatformTransactionManager transactions, Clock clock, Languages languages,
			MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
		this.outbox = outbox;
		this.robots = robots;
		this.mail = mail;
		this.dingTalk = dingTalk;
		this.weCom = weCom;
		this.settings = settings;
		this.batch = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Sends every message due now. */
	public Result deliver() {
		Instant now = this.clock.instant();
		Result result = new Result(0, 0, 0, 0);
		while (true) {
			Result done = this.batch.execute(status -> deliverBatch(now));
			result = result.plus(done);
			if (done.total() < this.settings.batch()) {
				return result;
			}
		}
	}

	private Result deliverBatch(Instant now) {
		List<Outbox.Letter> due = this.outbox.claimDue(now, this.settings.batch());
		Map<Long, Locale> languages = this.languages.of(due.stream()
			.filter(letter -> letter.channel() == Outbox.Channel.EMAIL)
			.map(Outbox.Letter::personId)
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		int sent = 0;
		int retried = 0;
		int dead = 0;
		int skipped = 0;
		for (Outbox.Letter letter : due) {
			try {
				String skip = send(letter, languages);
				if (skip == null) {
					this.outbox.sent(letter.id(), now);
					sent++;
				}
				else {
					this.outbox.skipped(letter.id(), skip);
					skipped++;
				}
			}
			catch (RuntimeException ex) {
				int attempts = letter.attempts() + 1;
				String error = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
				if (attempts >= this.settings.maxAttempts()) {
					log.warn("Notification {} failed {} times; given up as a dead letter: {}", letter.id(), attempts,
							error);
					this.outbox.giveUp(letter.id(), error);
					dead++;
				}
				else {
					log.info("Notification {} failed (attempt {}): {}", letter.id(), attempts, error);
					this.outbox.retry(letter.id(), error, now.plus(this.settings.backoff(attempts)));
					retried++;
				}
			}
		}
		return new Result(sent, retried, dead, skipped);
	}

	/**
	 * @return why the message is skipped, or null when it was sent
	 */
	private String send(Outbox.Letter letter, Map<Long, Locale> languages) {
		String link = this.settings.absolute(letter.link());
		switch (letter.channel()) {
			case EMAIL -> {
				if (!this.mail.isOn()) {
					return "e-mail is off: no spring.mail.host";
				}
				Locale language = letter.personId() == null ? Locale.SIMPLIFIED_CHINESE
						: languages.getOrDefault(letter.personId(), Locale.SIMPLIFIED_CHINESE);
				this.mail.send(letter.address(), words(letter.subjectText(), letter.subject(), language),
						words(letter.bodyText(), letter.body(), language), link);
			}
			case ROBOT -> {
				Robots.Target target = this.robots.target(letter.robotId());
				if (target == null || !target.enabled()) {
					return "the robot is switched off";
				}
				// In the robot's language, its link's words too.
				Locale language = target.language();
				RobotMessage message = RobotMessage.of(words(letter.subjectText(), letter.subject(), language),
						words(letter.bodyText(), letter.body(), language), link,
						this.messages.getMessage("notification.robot.view", null, language));
				switch (target.kind()) {
					case DINGTALK -> this.dingTalk.send(target.webhookUrl(), target.secret(), message);
					case WECOM -> this.weCom.send(target.webhookUrl(), message);
				}
			}
		}
		return null;
	}

	/** A stored text in a language; the stored words when there is none. */
	private String words(String json, String stored, Locale language) {
		Text text = Text.fromJson(json);
		return text == null ? stored : text.resolve(this.messages, language);
	}

}
