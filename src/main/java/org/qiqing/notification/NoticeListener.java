package org.qiqing.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.qiqing.casework.CaseNotice;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes a notice in the transaction of the step or timer that published it: if that rolls
 * back, nothing is in the inbox and nothing will be sent. Each person gets it in his
 * inbox and, if he chose so and has an address, by e-mail; each robot of their units that
 * is told the topic gets it once. Every row is unique per notice and recipient, so
 * publishing a notice again adds nothing.
 */
@Component
class NoticeListener {

	private final Inbox inbox;

	private final Outbox outbox;

	private final NotificationPreferences preferences;

	private final Robots robots;

	private final MailChannel mail;

	private final Clock clock;

	NoticeListener(Inbox inbox, Outbox outbox, NotificationPreferences preferences, Robots robots, MailChannel mail,
			Clock clock) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.preferences = preferences;
		this.robots = robots;
		this.mail = mail;
		this.clock = clock;
	}

	@EventListener
	void on(CaseNotice notice) {
		if (notice.personIds().isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		this.inbox.add(notice, now);
		if (this.mail.isOn()) {
			for (Map.Entry<Long, String> address : this.preferences.emailAddresses(notice.personIds(), notice.topic())
				.entrySet()) {
				this.outbox.addEmail(notice, address.getKey(), address.getValue(), now);
			}
		}
		for (long robot : this.robots.listening(notice.personIds(), notice.topic())) {
			this.outbox.addRobot(notice, robot, now);
		}
	}

}
