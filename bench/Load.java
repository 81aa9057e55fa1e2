import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load of the case engine's benchmark: at a concurrency, for a duration, it files
 * cases and walks them (accept, assign, contact, stage reply, resolve), or files only, or
 * reads a queue, and prints the throughput and latency percentiles of each operation.
 *
 * java bench/Load.java BASE_URL MODE CONCURRENCY SECONDS [COUNTY [PERSON]]
 *   MODE: lifecycle | create | queue | queue-filters | list-filters | stats (the county
 *     dispatcher's counts from the statistics' rollups: the measures of this month, of the year,
 *     by unit, the states now) | measures (PERSON's measures of this month, the dashboard's API,
 *     /api/v1/statistics/measures, his token) | dashboard (PERSON's /dashboard page, logged in;
 *     PERSON: bench.dispatcher.COUNTY unless given, e.g. bench.leader.330000 of a province)
 *     or a page of the desk (below)
 *
 * queue-filters reads the first page of every tab, kind and order of the queue of the
 * county's dispatcher and of a department's handler; list-filters reads the first page of
 * the list of all cases under each filter and a combination of them, with the unfiltered
 * list as the baseline; each worker takes them in turn, so all are measured under the same
 * load and each is reported on its own line.
 *
 * The pages of the desk, each worker logged in with a session of its own (password bench):
 *     queue-page (/queue, the dispatcher: the baseline of the pages), board (/board, the dispatcher),
 *     board-column (/board/columns/SUBMITTED?page=3), desk (/supervision, the county's supervisor),
 *     desk-filtered (/supervision?unit=..&time=RED&page=2), desk-city (/supervision, the city's
 *     supervisor bench.supervisor.city of bench/desk-setup.sql), inbox (/inbox, the dispatcher with
 *     the 100,000 notices of bench/desk-setup.sql), unread (/api/v1/notifications/unread-count, his token)
 */
public class Load {

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	final String base;

	/**
	 * One kept-alive connection per worker thread. A plain blocking HTTP/1.1 client: the
	 * JDK's HttpClient spent about as much processor time as the node it measured, on the
	 * same two cores.
	 */
	final ThreadLocal<Connection> connections;

	final String dispatcher;

	final String county;

	final String person;

	final String handler;

	final long categoryId;

	final long unitId;

	final List<Long> enterprises;

	final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

	final AtomicLong errors = new AtomicLong();

	final List<String> errorSamples = new CopyOnWriteArrayList<>();

	volatile boolean measuring;

	Load(String base, String county, String person) throws Exception {
		this.person = person;
		this.base = base;
		URI uri = URI.create(base);
		this.connections = ThreadLocal.withInitial(() -> new Connection(uri.getHost(), uri.getPort()));
		this.county = county;
		this.dispatcher = "Bearer qq_bench_bench.dispatcher." + county;
		this.handler = "Bearer qq_bench_bench.handler.B-" + county + "-0";
		this.categoryId = firstId(get("/api/v1/categories", this.dispatcher));
		this.unitId = firstId(get("/api/v1/units?q=B-" + county + "-0", this.dispatcher));
		this.enterprises = ids(get("/api/v1/enterprises?size=100", this.dispatcher));
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String mode = args[1];
		int concurrency = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		String county = args.length > 4 ? args[4] : "330421";
		Load load = new Load(base, county, args.length > 5 ? args[5] : "bench.dispatcher." + county);
		load.run(mode, concurrency, Math.min(10, seconds), false);
		load.latencies.clear();
		load.errors.set(0);
		load.run(mode, concurrency, seconds, true);
		load.report(mode, concurrency, seconds);
	}

	void run(String mode, int concurrency, int seconds, boolean measure) throws Exception {
		this.measuring = measure;
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		for (int worker = 0; worker < concurrency; worker++) {
			int w = worker;
			pool.submit(() -> {
				long i = w;
				while (System.nanoTime() < end) {
					try {
						switch (mode) {
							case "lifecycle" -> lifecycle(i);
							case "create" -> create(i);
							case "queue" -> timed("queue", () -> get("/api/v1/queue?size=20", this.dispatcher));
							case "queue-filters" -> queueFilter(i);
							case "list-filters" -> listFilter(i);
							case "unread" -> timed("unread",
									() -> get("/api/v1/notifications/unread-count", this.dispatcher));
							case "queue-page", "board", "board-column", "desk", "desk-filtered", "desk-city", "inbox" ->
								timed(mode, () -> page(mode));
							case "stats" -> stats(i);
							case "measures" -> timed("measures " + this.person,
									() -> get("/api/v1/statistics/measures", "Bearer qq_bench_" + this.person));
							case "dashboard" -> timed("dashboard " + this.person, () -> page(mode));
							default -> throw new IllegalArgumentException(mode);
						}
					}
					catch (Exception ex) {
						this.errors.incrementAndGet();
						if (this.errorSamples.size() < 5) {
							this.errorSamples.add(ex.getMessage());
						}
					}
					i += concurrency;
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
	}

	static final String[][] QUEUE_FILTERS = { { "d:all", "" }, { "d:new", "tab=new" }, { "d:due_soon", "tab=due_soon" },
			{ "d:overdue", "tab=overdue" }, { "d:newest", "sort=newest" }, { "d:kind", "kind=LEADER_ASSIGNMENT" },
			{ "h:all", "" }, { "h:new", "tab=new" }, { "h:due_soon", "tab=due_soon" }, { "h:overdue", "tab=overdue" },
			{ "h:waiting", "tab=waiting" }, { "h:newest", "sort=newest" },
			{ "h:kind+new", "tab=new&kind=ENTERPRISE_REQUEST&sort=newest" } };

	/** The first page of one tab of a queue, by turns (d: the dispatcher's, h: a handler's). */
	void queueFilter(long i) throws Exception {
		String[] filter = QUEUE_FILTERS[(int) (i % QUEUE_FILTERS.length)];
		String token = filter[0].startsWith("d:") ? this.dispatcher : this.handler;
		timed("q " + filter[0], () -> get("/api/v1/queue?size=20&" + filter[1], token));
	}

	/** The first page of the list under one filter, by turns; its text parts vary per call. */
	void listFilter(long i) throws Exception {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long g = random.nextLong(1, 1_000_000);
		String[][] filters = { { "none (baseline)", "" }, { "state", "state=IN_PROGRESS" },
				{ "unit", "unit=" + this.unitId }, { "category", "category=" + this.categoryId },
				{ "kind", "kind=ENTERPRISE_REQUEST" }, { "channel", "channel=HOTLINE" }, { "time=RED", "time=RED" },
				{ "time=YELLOW", "time=YELLOW" }, { "from-to", "from=2026-11-01&to=2026-11-07" },
				{ "region", "region=" + this.county + (100 + random.nextInt(10)) },
				{ "q number", "q=" + String.format("%06d", g % 1_000_000) },
				{ "q title", "q=" + encode("诉求 " + g / 10) }, { "q enterprise", "q=" + encode("测试企业" + g % 100_000) },
				{ "q common", "q=" + encode("诉求") },
				{ "all filters", "state=IN_PROGRESS&unit=" + this.unitId + "&category=" + this.categoryId
						+ "&kind=ENTERPRISE_REQUEST&channel=HOTLINE&time=RED&from=2026-10-01&to=2026-11-30&region="
						+ this.county + "100&sort=URGENCY" },
				{ "q + filters", "q=" + String.format("%05d", g % 100_000) + "&state=CLOSED&region=" + this.county
						+ "&sort=FILED" } };
		String[] filter = filters[(int) (i % filters.length)];
		timed("l " + filter[0], () -> get("/api/v1/cases?size=20&" + filter[1], this.dispatcher));
	}

	static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Each worker's session, for the pages: logged in once, as the page's person. */
	final ThreadLocal<String> sessions = new ThreadLocal<>();

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	Response page(String mode) throws Exception {
		String user = switch (mode) {
			case "desk", "desk-filtered" -> "bench.supervisor." + this.county;
			case "desk-city" -> "bench.supervisor.city";
			case "dashboard" -> this.person;
			default -> "bench.dispatcher." + this.county;
		};
		String path = switch (mode) {
			case "queue-page" -> "/queue";
			case "board" -> "/board";
			case "board-column" -> "/board/columns/SUBMITTED?page=3";
			case "desk", "desk-city" -> "/supervision";
			case "desk-filtered" -> "/supervision?unit=" + this.unitId + "&time=RED&page=2";
			case "inbox" -> "/inbox";
			case "dashboard" -> "/dashboard";
			default -> throw new IllegalArgumentException(mode);
		};
		if (this.sessions.get() == null) {
			this.sessions.set(login(user));
		}
		Response response = this.connections.get()
			.exchange(new StringBuilder("GET ").append(path)
				.append(" HTTP/1.1\r\nAccept-Language: zh-CN\r\nCookie: ")
				.append(this.sessions.get()), null);
		if (response.status() != 200) {
			throw new IllegalStateException(path + " → " + response.status());
		}
		return response;
	}

	/** Logs in with the form, as a browser does: the CSRF token of the form, then its post. */
	String login(String user) throws IOException {
		Response form = this.connections.get().exchange(new StringBuilder("GET /login HTTP/1.1"), null);
		Matcher csrf = CSRF.matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login form");
		}
		byte[] body = ("username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=bench&_csrf="
				+ java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
		Response done = this.connections.get()
			.exchange(new StringBuilder("POST /login HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: ")
				.append(cookies(form)), body);
		String location = done.headers().getOrDefault("location", "");
		if (done.status() != 302 || location.contains("error")) {
			throw new IllegalStateException("login of " + user + " failed: " + done.status() + " " + location);
		}
		return cookies(done);
	}

	/** The name=value of each cookie the response sets. */
	static String cookies(Response response) {
		return java.util.Arrays.stream(response.headers().getOrDefault("set-cookie", "").split("\n"))
			.filter(cookie -> !cookie.isBlank())
			.map(cookie -> cookie.split(";")[0].trim())
			.collect(java.util.stream.Collectors.joining("; "));
	}

	long create(long i) throws Exception {
		long enterprise = this.enterprises.get((int) (i % this.enterprises.size()));
		String body = """
				{"categoryId": %d, "enterpriseId": %d, "title": "基准测试诉求 %d", "description": "用电增容申请三周无进展，请协调。"}"""
			.formatted(this.categoryId, enterprise, i);
		Response created = timed("create", () -> send("/api/v1/cases", this.dispatcher, null, body));
		return Long.parseLong(matcher(ID, created.body()));
	}

	void lifecycle(long i) throws Exception {
		long id = create(i);
		int version = 0;
		version = step("accept", id, version, this.dispatcher, "{}");
		version = step("assign", id, version, this.dispatcher, "{\"leadUnitId\": %d}".formatted(this.unitId));
		version = step("contact", id, version, this.handler, "{\"note\": \"已电话联系企业\"}");
		version = step("stage-reply", id, version, this.handler, "{\"note\": \"已会同供电公司现场踏勘\"}");
		step("resolve", id, version, this.handler, "{\"outcome\": \"SOLVED\", \"answer\": \"已完成增容\"}");
	}

	int step(String action, long id, int version, String token, String body) throws Exception {
		Response response = timed(action,
				() -> send("/api/v1/cases/" + id + "/" + action, token, "\"" + version + "\"", body));
		String etag = response.headers().get("etag");
		return Integer.parseInt(etag.replaceAll("\\D", ""));
	}

	interface Call {

		Response call() throws Exception;

	}

	Response timed(String operation, Call call) throws Exception {
		long started = System.nanoTime();
		Response response = call.call();
		long took = System.nanoTime() - started;
		if (response.status() >= 300) {
			throw new IllegalStateException(operation + " → " + response.status() + " " + response.body());
		}
		if (this.measuring) {
			this.latencies.computeIfAbsent(operation, key -> new CopyOnWriteArrayList<>()).add(took);
		}
		return response;
	}

	Response send(String path, String token, String ifMatch, String body) throws IOException {
		StringBuilder head = new StringBuilder("POST ").append(path)
			.append(" HTTP/1.1\r\nAuthorization: ")
			.append(token)
			.append("\r\nContent-Type: application/json\r\nIdempotency-Key: ")
			.append(UUID.randomUUID());
		if (ifMatch != null) {
			head.append("\r\nIf-Match: ").append(ifMatch);
		}
		return this.connections.get().exchange(head, body.getBytes(StandardCharsets.UTF_8));
	}

	Response get(String path, String token) throws IOException {
		Response response = this.connections.get()
			.exchange(new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nAuthorization: ").append(token), null);
		if (response.status() != 200) {
			throw new IllegalStateException(path + " → " + response.status() + " " + response.body());
		}
		return response;
	}

	record Response(int status, Map<String, String> headers, String body) {
	}

	/**
	 * A kept-alive HTTP/1.1 connection: a request out, its response in (by its length or
	 * in chunks), opened again when the server closes it.
	 */
	static final class Connection {

		private final String host;

		private final int port;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Connection(String host, int port) {
			this.host = host;
			this.port = port;
		}

		Response exchange(StringBuilder head, byte[] body) throws IOException {
			if (this.socket == null) {
				open();
			}
			try {
				return roundTrip(head, body);
			}
			catch (IOException ex) {
				close();
				throw ex;
			}
		}

		private void open() throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(30_000);
			this.socket.connect(new InetSocketAddress(this.host, this.port), 5_000);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16_384);
			this.out = new BufferedOutputStream(this.socket.getOutputStream(), 16_384);
		}

		private void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// already gone
			}
			this.socket = null;
		}

		private Response roundTrip(StringBuilder head, byte[] body) throws IOException {
			head.append("\r\nHost: ").append(this.host).append(':').append(this.port);
			if (body != null) {
				head.append("\r\nContent-Length: ").append(body.length);
			}
			this.out.write(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				this.out.write(body);
			}
			this.out.flush();
			String status = line();
			Map<String, String> headers = new HashMap<>();
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				// Set-Cookie may come more than once: all are kept, a line each.
				headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim(),
						(first, more) -> first + "\n" + more);
			}
			byte[] content;
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				ByteArrayOutputStream chunks = new ByteArrayOutputStream();
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
						size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
					chunks.write(this.in.readNBytes(size));
					line();
				}
				line();
				content = chunks.toByteArray();
			}
			else {
				content = this.in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
			}
			if ("close".equalsIgnoreCase(headers.get("connection"))) {
				close();
			}
			return new Response(Integer.parseInt(status.substring(9, 12)), headers,
					new String(content, StandardCharsets.UTF_8));
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("the server closed the connection");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

	/** One of the counts a dashboard or a client asks for, in turn. */
	void stats(long i) throws Exception {
		switch ((int) (i % 4)) {
			case 0 -> timed("stats-month", () -> get("/api/v1/statistics/measures", this.dispatcher));
			case 1 -> timed("stats-year", () -> get("/api/v1/statistics/measures?from="
					+ java.time.LocalDate.now().minusYears(1) + "&to=" + java.time.LocalDate.now(), this.dispatcher));
			case 2 -> timed("stats-by-unit", () -> get("/api/v1/statistics/measures/by/unit", this.dispatcher));
			default -> timed("stats-states", () -> get("/api/v1/statistics/states", this.dispatcher));
		}
	}

	void report(String mode, int concurrency, int seconds) {
		Map<String, List<Long>> sorted = new TreeMap<>(this.latencies);
		long steps = 0;
		for (Map.Entry<String, List<Long>> entry : sorted.entrySet()) {
			List<Long> times = new ArrayList<>(entry.getValue());
			times.sort(null);
			if (List.of("lifecycle", "create").contains(mode) && !entry.getKey().equals("create")
					&& !entry.getKey().equals("queue")) {
				steps += times.size();
			}
			System.out.printf(Locale.ROOT, "%-9s c=%-3d %-16s n=%-7d %8.1f/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
					mode, concurrency, entry.getKey(), times.size(), times.size() / (double) seconds, ms(times, 0.50),
					ms(times, 0.95), ms(times, 0.99));
		}
		if (steps > 0) {
			System.out.printf(Locale.ROOT, "%-9s c=%-3d %-16s n=%-7d %8.1f/s%n", mode, concurrency, "all-steps", steps,
					steps / (double) seconds);
		}
		System.out.printf(Locale.ROOT, "%-9s c=%-3d errors %d %s%n", mode, concurrency, this.errors.get(),
				this.errorSamples.isEmpty() ? "" : this.errorSamples.get(0));
	}

	static double ms(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
	}

	static long firstId(Response response) {
		return Long.parseLong(matcher(ID, response.body()));
	}

	static List<Long> ids(Response response) {
		List<Long> ids = new ArrayList<>();
		Matcher m = ID.matcher(response.body());
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	static String matcher(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no id in " + text);
		}
		return m.group(1);
	}

}
