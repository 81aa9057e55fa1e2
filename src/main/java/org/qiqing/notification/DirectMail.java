package org.qiqing.notification;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to someone who is not a person of the platform yet, such as an enterprise
 * contact whose registration was decided. It goes through the outbox like every e-mail
 * (sent after commit, retried, a dead letter at the end); without
 * {@code spring.mail.host} nothing is queued.
 */
@Component
public class DirectMail {

	private final Outbox outbox;

	private final MailChannel mail;

	private final Clock clock;

	DirectMail(Outbox outbox, MailChannel mail, Clock clock) {
		this.outbox = outbox;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Queues an e-mail in the current transaction, once per key and address.
	 * @param link a path of the application, made absolute with
	 * {@code qiqing.notifications.base-url}
	 */
	@Transactional
	public void send(String key, String address, String subject, String body, String link) {
		if (address != null && !address.isBlank() && this.mail.isOn()) {
			this.outbox.addEmailTo(key, address, subject, body, link, this.clock.instant());
		}
	}

}
