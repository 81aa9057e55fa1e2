package org.qiqing.notification;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A WeCom group's robot: a markdown message to its webhook. WeCom robots have no
 * signature; the {@code key} in the webhook URL is their only authentication, so the URL
 * is kept like a password (never shown back in full).
 */
@Component
class WeComRobot {

	private final RobotWebhook webhook;

	WeComRobot(RobotWebhook webhook) {
		this.webhook = webhook;
	}

	void send(String webhookUrl, RobotMessage message) {
		this.webhook.post(webhookUrl, Map.of("msgtype", "markdown", "markdown", Map.of("content", message.markdown())));
	}

}
