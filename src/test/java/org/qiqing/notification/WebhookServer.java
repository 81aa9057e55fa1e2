package org.qiqing.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A group robot's webhook on this machine, as DingTalk or WeCom answer: errcode 0 when it
 * takes a message, another errcode when it refuses it. It checks DingTalk's signature
 * when it has a secret, and refuses the first {@code failures} calls.
 */
final class WebhookServer implements AutoCloseable {

	/** A call the robot received. */
	record Call(String path, Map<String, String> query, String body, boolean accepted) {
	}

	private final HttpServer server;

	private final String secret;

	private final AtomicInteger failures;

	final List<Call> calls = new CopyOnWriteArrayList<>();

	WebhookServer(String secret, int failures) throws IOException {
		this.secret = secret;
		this.failures = new AtomicInteger(failures);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void failNext(int count) {
		this.failures.set(count);
	}

	List<Call> accepted() {
		return this.calls.stream().filter(Call::accepted).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> query = query(exchange.getRequestURI());
		String answer;
		if (this.secret != null && !signedRight(query)) {
			answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
		}
		else if (this.failures.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
			answer = "{\"errcode\":93000,\"errmsg\":\"busy\"}";
		}
		else {
			answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
		}
		this.calls.add(new Call(exchange.getRequestURI().getPath(), query, body, answer.contains("\"errcode\":0")));
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** The check DingTalk makes, written from its documentation rather than our code. */
	private boolean signedRight(Map<String, String> query) {
		String timestamp = query.get("timestamp");
		String sign = query.get("sign");
		if (timestamp == null || sign == null) {
			return false;
		}
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = java.util.Base64.getEncoder()
				.encodeToString(mac.doFinal((timestamp + "\n" + this.secret).getBytes(StandardCharsets.UTF_8)));
			return expected.equals(sign)
					&& Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) < 3_600_000;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static Map<String, String> query(URI uri) {
		String raw = uri.getRawQuery();
		if (raw == null) {
			return Map.of();
		}
		return java.util.Arrays.stream(raw.split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> pair[0],
					pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
