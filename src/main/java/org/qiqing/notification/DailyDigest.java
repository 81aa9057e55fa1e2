package org.qiqing.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qiqing.organisation.Languages;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Once a day ({@code qiqing.notifications.digest-cron}), turns the e-mails held for the
 * people on {@link NotificationPreferences.Delivery#DAILY_DIGEST} into one message per
 * person, in his language, that lists the cases, and queues it for the delivery worker.
 * The held rows are claimed with {@code SKIP LOCKED}, so nodes running it at the same
 * time never put an e-mail in two digests.
 */
@Component
public class DailyDigest {

	private final Outbox outbox;

	private final Digests digests;

	private final NotificationSettings settings;

	private final MessageSource messages;

	private final Languages languages;

	DailyDigest(Outbox outbox, Digests digests, NotificationSettings settings, MessageSource messages,
			Languages languages) {
		this.outbox = outbox;
		this.digests = digests;
		this.settings = settings;
		this.messages = messages;
		this.languages = languages;
	}

	/**
	 * @return how many digests were queued
	 */
	public int queue() {
		return this.digests.queue(this.outbox::claimHeld, Outbox.Held::personId, (byPerson, now) -> {
			Map<Long, Locale> languages = this.languages.of(byPerson.keySet());
			byPerson
				.forEach((person, held) -> queue(held, languages.getOrDefault(person, Locale.SIMPLIFIED_CHINESE), now));
		});
	}

	/**
	 * One message in the person's language: a line per case, its newest notice and how
	 * many there were.
	 */
	private void queue(List<Outbox.Held> held, Locale locale, Instant now) {
		Map<String, List<Outbox.Held>> byCase = Digests.byCase(held, Outbox.Held::link);
		StringBuilder body = new StringBuilder(text("notification.digest.intro", locale, byCase.size()));
		byCase.forEach((link, notices) -> {
			Outbox.Held newest = notices.get(notices.size() - 1);
			Text subject = Text.fromJson(newest.subjectText());
			body.append("\n\n")
				.append(text("notification.digest.line", locale,
						subject == null ? newest.subject() : subject.resolve(this.messages, locale), notices.size()));
			String absolute = this.settings.absolute(link);
			if (absolute != null) {
				body.append("\n").append(absolute);
			}
		});
		this.outbox.addDigest(held.get(0), held.stream().map(Outbox.Held::id).toList(),
				text("notification.digest.subject", locale, byCase.size()), body.toString(), now);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.digests.text(key, locale, arguments);
	}

}
