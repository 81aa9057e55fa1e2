package org.qiqing.notification;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications go out ({@code qiqing.notifications.*}); e-mail itself is set up
 * under {@code spring.mail.*}.
 *
 * @param enabled whether this node runs the delivery worker on a schedule (tests call it)
 * @param interval how often the worker looks for due messages
 * @param batch how many messages one transaction of the worker claims
 * @param maxAttempts a message that failed this many times is given up (dead letter)
 * @param firstRetry the wait after the first failure, doubled after each further one
 * @param httpTimeout how long a robot's webhook may take to connect and to answer
 * @param streamInterval how often each node reads the unread counts of the people whose
 * browsers listen to it
 * @param streamTimeout a browser's stream is closed after this long, and reconnects
 * @param baseUrl the address people reach the application at, to make links absolute in
 * e-mails and robot messages (empty: links stay paths)
 * @param mail the sender of e-mails
 */
@Validated
@ConfigurationProperties("qiqing.notifications")
public record NotificationSettings(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration interval,
		@DefaultValue("20") @Min(1) int batch, @DefaultValue("8") @Min(1) int maxAttempts,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("10s") Duration httpTimeout,
		@DefaultValue("3s") Duration streamInterval, @DefaultValue("30m") Duration streamTimeout,
		@DefaultValue("") String baseUrl, @DefaultValue Mail mail) {

	/**
	 * @param from the sender's address of every e-mail
	 */
	public record Mail(@DefaultValue("noreply@qiqing.local") String from) {
	}

	/** A path of the application as people reach it from outside. */
	String absolute(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		return this.baseUrl.isBlank() ? link : this.baseUrl.replaceAll("/+$", "") + link;
	}

	/** The wait before the next attempt after {@code attempts} failures. */
	Duration backoff(int attempts) {
		return this.firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
	}

}
