package org.qiqing.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Posts a JSON message to a robot's webhook and reads its answer: both DingTalk and WeCom
 * answer 200 with {@code {"errcode":0,…}} when they took the message, and another errcode
 * (a bad signature, a flood limit, a wrong key) when they did not.
 */
@Component
class RobotWebhook {

	private final HttpClient http;

	private final JsonMapper json;

	private final NotificationSettings settings;

	RobotWebhook(JsonMapper json, NotificationSettings settings) {
		this.json = json;
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).build();
	}

	/**
	 * @throws DeliveryFailed when the robot did not take the message
	 */
	void post(String url, Object message) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.settings.httpTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(message), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new DeliveryFailed("webhook unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("interrupted", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryFailed("webhook answered HTTP " + response.statusCode());
		}
		JsonNode answer;
		try {
			answer = this.json.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new DeliveryFailed("webhook answered no JSON: " + Inbox.clip(response.body(), 200), ex);
		}
		JsonNode errcode = answer.get("errcode");
		if (errcode == null || errcode.asInt() != 0) {
			throw new DeliveryFailed("webhook refused: " + Inbox.clip(response.body(), 500));
		}
	}

}
