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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load of the coverage benchmark: for each target in turn, CONCURRENCY clients
 * request it for SECONDS (after a warm-up of a third of that), each with its own
 * connection and, for the page, its own login; it prints the rate and the p50/p95/p99
 * latency.
 *
 * java bench/CoverageLoad.java BASE_URL CONCURRENCY SECONDS NAME=AUTH:USER:PATH...
 *   AUTH: token (API, Bearer qq_bench_USER) or login (the page, a session of USER/bench)
 */
public class CoverageLoad {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int concurrency = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		for (int i = 3; i < args.length; i++) {
			String[] target = args[i].split("=", 2);
			String[] spec = target[1].split(":", 3);
			measure(base, target[0], spec[0], spec[1], spec[2], concurrency, seconds);
		}
	}

	static void measure(String base, String name, String auth, String user, String path, int concurrency,
			int seconds) throws Exception {
		// Each client its own HTTP connection and, for the page, its own login session, as
		// each person's browser has.
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.cookieHandler(new CookieManager())
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			if (auth.equals("login")) {
				login(http, base, user);
			}
			clients.add(http);
		}
		String bearer = auth.equals("token") ? "Bearer qq_bench_" + user : null;
		run(clients, base + path, bearer, Math.max(3, seconds / 3), null, new AtomicLong());
		List<Long> latencies = new CopyOnWriteArrayList<>();
		AtomicLong errors = new AtomicLong();
		long bytes = run(clients, base + path, bearer, seconds, latencies, errors);
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT,
				"coverage %-14s c=%-2d %6.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d requests, %d errors, %d KB each)%n",
				name, concurrency, sorted.size() / (double) seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
				sorted.size(), errors.get(), sorted.isEmpty() ? 0 : bytes / sorted.size() / 1024);
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

	static long run(List<HttpClient> clients, String url, String bearer, int seconds, List<Long> latencies,
			AtomicLong errors) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong bytes = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		for (HttpClient http : clients) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					try {
						HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
							.timeout(Duration.ofSeconds(60));
						if (bearer != null) {
							request.header("Authorization", bearer);
						}
						long started = System.nanoTime();
						HttpResponse<byte[]> response = http.send(request.build(),
								HttpResponse.BodyHandlers.ofByteArray());
						long took = System.nanoTime() - started;
						if (response.statusCode() != 200) {
							throw new IllegalStateException(url + " → " + response.statusCode());
						}
						if (latencies != null) {
							latencies.add(took);
							bytes.addAndGet(response.body().length);
						}
					}
					catch (Exception ex) {
						if (errors.incrementAndGet() == 1) {
							System.err.println(ex.getMessage());
						}
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
		return bytes.get();
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
