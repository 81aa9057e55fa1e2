import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * An inspection synced from a phone (issue 15: p95 < 1 s): N inspections, each with one
 * finding and 5 photos of about 230 KB (1600 x 1200 JPEG, as the page shrinks them), sent
 * one after the other to POST /discipline/device/sync as the page's queue sends them (the
 * login session, the CSRF token of /discipline/device/session, a part "inspections" and
 * parts "photos.0.0"), after N / 5 unmeasured ones to warm the node; then each is sent again
 * (a lost answer), which must store nothing. Prints p50/p95/p99 of both. Run by
 * bench/run.sh discipline.
 *
 * java bench/InspectionSync.java BASE_URL ACTION_ID GROUP_ID UNIT_ID [N] [USER]
 */
public class InspectionSync {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	static final Pattern JSON_VALUE = Pattern.compile("\"(csrfHeader|csrfToken)\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		long action = Long.parseLong(args[1]);
		long group = Long.parseLong(args[2]);
		long unit = Long.parseLong(args[3]);
		int n = args.length > 4 ? Integer.parseInt(args[4]) : 200;
		String user = args.length > 5 ? args[5] : "bench.member.330421";
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		login(http, base, user);
		String session = http
			.send(HttpRequest.newBuilder(URI.create(base + "/discipline/device/session")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		String header = null;
		String token = null;
		Matcher m = JSON_VALUE.matcher(session);
		while (m.find()) {
			if (m.group(1).equals("csrfHeader")) {
				header = m.group(2);
			}
			else {
				token = m.group(2);
			}
		}
		List<byte[]> photos = new ArrayList<>();
		Random random = new Random(15);
		for (int p = 0; p < 5; p++) {
			photos.add(photo(random));
		}
		System.out.printf(Locale.ROOT, "inspection-sync: 5 photos of %d KB each%n",
				photos.stream().mapToInt(b -> b.length).sum() / 5 / 1024);
		String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		for (int i = 0; i < n / 5; i++) {
			send(http, base, header, token, body(UUID.randomUUID().toString(), action, group, unit, day), photos, 201);
		}
		List<String> keys = new ArrayList<>();
		List<Long> first = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String key = UUID.randomUUID().toString();
			keys.add(key);
			first.add(send(http, base, header, token, body(key, action, group, unit, day), photos, 201));
		}
		List<Long> again = new ArrayList<>();
		for (String key : keys) {
			again.add(send(http, base, header, token, body(key, action, group, unit, day), photos, 200));
		}
		print("first send", first);
		print("sent again", again);
	}

	static String body(String key, long action, long group, long unit, String day) {
		return """
				[{"clientKey": "%s", "actionId": %d, "groupId": %d, "unitId": %d, "mode": "UNANNOUNCED",
				  "inspectedOn": "%s", "summary": "压测暗访",
				  "checks": [{"position": 1, "passed": false, "note": "告知单不清楚"}, {"position": 2, "passed": true}],
				  "findings": [{"kindId": 4, "what": "一次性告知单不清楚，群众反复跑", "place": "3 号窗口", "people": "张某"}]}]"""
			.formatted(key, action, group, unit, day);
	}

	/** Sends one inspection with its photos; answers its latency in ns. */
	static long send(HttpClient http, String base, String header, String token, String json, List<byte[]> photos,
			int expected) throws Exception {
		String boundary = "----qiqing" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		part(out, boundary, "inspections", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
		for (int p = 0; p < photos.size(); p++) {
			part(out, boundary, "photos.0.0", "photo" + p + ".jpg", "image/jpeg", photos.get(p));
		}
		out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/discipline/device/sync"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.header(header, token)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long took = System.nanoTime() - started;
		if (response.statusCode() != 200 || !response.body().contains("\"status\":" + expected)) {
			throw new IllegalStateException("sync answered " + response.statusCode() + ": " + response.body());
		}
		return took;
	}

	static void part(ByteArrayOutputStream out, String boundary, String name, String filename, String type,
			byte[] content) throws Exception {
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type
				+ "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.UTF_8));
		out.write(content);
		out.write("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	/** A 1600 x 1200 JPEG with enough detail to weigh what a phone's photo weighs shrunk. */
	static byte[] photo(Random random) throws Exception {
		BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 1200; y += 8) {
			for (int x = 0; x < 1600; x += 8) {
				int rgb = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)).getRGB();
				for (int dy = 0; dy < 8; dy++) {
					for (int dx = 0; dx < 8; dx++) {
						image.setRGB(x + dx, y + dy, rgb);
					}
				}
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	static void login(HttpClient http, String base, String user) throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login form");
		}
		String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=bench&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String to = done.headers().firstValue("Location").orElse("");
		if (done.statusCode() != 302 || to.contains("error")) {
			throw new IllegalStateException("login of " + user + " failed: " + done.statusCode() + " " + to);
		}
	}

	static void print(String name, List<Long> latencies) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "inspection-sync %-10s c=1  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d inspections)%n",
				name, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size());
	}

	static double pct(List<Long> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
	}

}
