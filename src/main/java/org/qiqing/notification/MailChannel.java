package org.qiqing.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, as set up under {@code spring.mail.*}. Without
 * {@code spring.mail.host} Spring Boot makes no mail sender, and e-mail is off: no e-mail
 * is queued, and any still queued is skipped.
 */
@Component
class MailChannel {

	private final ObjectProvider<JavaMailSender> sender;

	private final NotificationSettings settings;

	MailChannel(ObjectProvider<JavaMailSender> sender, NotificationSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	boolean isOn() {
		return this.sender.getIfAvailable() != null;
	}

	void send(String address, String subject, String body, String link) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.settings.mail().from());
		mail.setTo(address);
		mail.setSubject(subject);
		mail.setText((body == null ? "" : body) + (link == null || link.isBlank() ? "" : "\n\n" + link) + "\n");
		try {
			this.sender.getObject().send(mail);
		}
		catch (MailException ex) {
			throw new DeliveryFailed("SMTP: " + ex.getMessage(), ex);
		}
	}

}
