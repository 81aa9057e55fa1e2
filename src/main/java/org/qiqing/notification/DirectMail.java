package org.qiqing.notification;

import java.time.Clock;
import java.util.Locale;

import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to someone who is not a person of the platform yet, such as an enterprise
 * contact whose registration was decided. It goes through the outbox like every e-mail
 * (sent after commit, retried, a dead letter at the end); without
 * {@code spring.mail.host} nothing is queued. It is put into words at once, in the
 * language the caller names (the registrant's): the address is no person's whose language
 * could be read when it is sent.
 */
@Component
public class DirectMail {

	private final Outbox outbox;

	private final MailChannel mail;

	private final Clock clock;

	private final MessageSource messages;

	DirectMail(Outbox outbox, MailChannel mail, Clock clock, MessageSource messages) {
		this.messages = messages;
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
	public void send(String key, String address, Locale language, Text subject, Text body, String link) {
		if (address != null && !address.isBlank() && this.mail.isOn()) {
			this.outbox.addEmailTo(key, address, subject.resolve(this.messages, language),
					body.resolve(this.messages, language), link, this.clock.instant());
		}
	}

}
