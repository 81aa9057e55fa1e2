package org.qiqing.notification;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A DingTalk group's custom robot: a markdown message to its webhook, signed when the
 * robot has a secret ("加签").
 */
@Component
class DingTalkRobot {

	private final RobotWebhook webhook;

	DingTalkRobot(RobotWebhook webhook) {
		this.webhook = webhook;
	}

	void send(String webhookUrl, String secret, RobotMessage message) {
		// Signed with the real time: DingTalk refuses a timestamp more than an hour off.
		String url = secret == null || secret.isBlank() ? webhookUrl
				: RobotSignature.signedUrl(webhookUrl, secret, Clock.systemUTC().millis());
		this.webhook.post(url, Map.of("msgtype", "markdown", "markdown",
				Map.of("title", message.title(), "text", message.markdown())));
	}

}
