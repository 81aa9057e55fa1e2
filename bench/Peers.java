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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qiqing beside Redmine (issue 16, bench/peers.sh): the same client, concurrency and duration
 * against both, one system loaded at a time, on the same database server.
 *
 * java bench/Peers.java QIQING_URL REDMINE_URL REDMINE_API_KEY REDMINE_PROJECT CONCURRENCY SECONDS WARMUP [COUNTY]
 *
 * Four operations, each alone and then all four in turn (the mix, one of each by every worker):
 *   create  Qiqing: POST /api/v1/cases as the county's dispatcher.
 *           Redmine: POST /issues.json, assigned to the key's user.
 *   step    one step of a case or issue filed in the create phase, taken from a shared pool and put
 *           back until it is done. Qiqing: the next of accept, assign, contact, stage reply, resolve
 *           (with If-Match and an Idempotency-Key, as Load.java lifecycle). Redmine: PUT
 *           /issues/ID.json with the next status of New, In Progress, Resolved, Closed.
 *   queue   Qiqing: GET /api/v1/queue?size=20 (the dispatcher's). Redmine: GET
 *           /issues.json?assigned_to_id=me&limit=20 (the first page of "issues assigned to me").
 *   count   the number of open items in one state. Qiqing: GET /api/v1/statistics/states (the
 *           rollups). Redmine: GET /issues.json?status_id=2&limit=1, reading total_count.
 * For Qiqing also the count as a client had to ask before the rollups (the issue's "before"):
 *   list    GET /api/v1/cases?state=IN_PROGRESS&size=1, alone and in the mix instead of count.
 *
 * Each system is first warmed up with the mix for WARMUP seconds, unmeasured. A run counts the
 * operations that ended within its SECONDS. It prints the rate and p50/p95/p99 of each operation
 * of each run, then the ratio Qiqing / Redmine of each.
 */
public class Peers {

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	static final Pattern TOTAL = Pattern.compile("\"total_count\"\\s*:\\s*(\\d+)");

	public static void main(String[] args) throws Exception {
		String qiqingUrl = args[0];
		String redmineUrl = args[1];
		String redmineKey = args[2];
		String redmineProject = args[3];
		int concurrency = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		int warmup = Integer.parseInt(args[6]);
		String county = args.length > 7 ? args[7] : "330421";
		Map<String, Double> rates = new LinkedHashMap<>();
		for (Peer peer : List.of(new Redmine(redmineUrl, redmineKey, redmineProject), new Qiqing(qiqingUrl, county))) {
			List<String> runs = new ArrayList<>(List.of("create", "step", "queue", "count"));
			if (peer instanceof Qiqing) {
				runs.add("list");
			}
			runs.add("mix");
			if (peer instanceof Qiqing) {
				runs.add("mix-list");
			}
			System.out.printf("== %s: warm-up, the mix for %d s, unmeasured%n", peer.name(), warmup);
			new Run(peer, "mix", concurrency, warmup).go();
			for (String run : runs) {
				Run measured = new Run(peer, run, concurrency, seconds);
				measured.go();
				measured.report(rates);
			}
		}
		System.out.println("== Qiqing / Redmine, operations per second, c=" + concurrency + ", " + seconds + " s each");
		for (String[] pair : new String[][] { { "create", "create" }, { "step", "step" }, { "queue", "queue" },
				{ "count", "count" }, { "list", "count" }, { "mix", "mix" }, { "mix-list", "mix" },
				{ "mix:create", "mix:create" }, { "mix:step", "mix:step" }, { "mix:queue", "mix:queue" },
				{ "mix:count", "mix:count" }, { "mix-list:list", "mix:count" } }) {
			Double qiqing = rates.get("Qiqing " + pair[0]);
			Double redmine = rates.get("Redmine " + pair[1]);
			if (qiqing != null && redmine != null && redmine > 0) {
				System.out.printf(Locale.ROOT, "ratio %-14s Qiqing %8.1f/s  Redmine %-14s %7.1f/s  = %6.2f%n", pair[0],
						qiqing, pair[1], redmine, qiqing / redmine);
			}
		}
	}

	/** One system: its four operations (and Qiqing's count by list). */
	abstract static class Peer {

		final String base;

		final ThreadLocal<Connection> connections;

		/** Items filed and not yet at their last step, shared by the workers. */
		final ConcurrentLinkedQueue<long[]> open = new ConcurrentLinkedQueue<>();

		Peer(String base) {
			this.base = base;
			URI uri = URI.create(base);
			this.connections = ThreadLocal.withInitial(() -> new Connection(uri.getHost(), uri.getPort()));
		}

		abstract String name();

		/** Files one item; returns {id, version, steps taken}. */
		abstract long[] create(Run run, long i) throws Exception;

		/** Takes the item's next step; returns false when it was its last. */
		abstract boolean step(Run run, long[] item) throws Exception;

		abstract void queue(Run run) throws Exception;

		abstract void count(Run run) throws Exception;

		void list(Run run) throws Exception {
			throw new UnsupportedOperationException();
		}

		void operation(Run run, String operation, long i) throws Exception {
			switch (operation) {
				case "create" -> this.open.add(create(run, i));
				case "step" -> {
					long[] item = this.open.poll();
					if (item == null) {
						// none left from the creates: file one, unmeasured but on the clock
						boolean measuring = run.measuring;
						run.measuring = false;
						item = create(run, i);
						run.measuring = measuring;
					}
					if (step(run, item)) {
						this.open.add(item);
					}
				}
				case "queue" -> queue(run);
				case "count" -> count(run);
				case "list" -> list(run);
				default -> throw new IllegalArgumentException(operation);
			}
		}

		Response exchange(String method, String path, Map<String, String> headers, String body) throws IOException {
			StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1");
			headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
			if (body != null) {
				head.append("\r\nContent-Type: application/json");
			}
			return this.connections.get().exchange(head, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
		}

	}

	static final class Qiqing extends Peer {

		static final String[][] STEPS = { { "accept", "d", "{}" }, { "assign", "d", "{\"leadUnitId\": %d}" },
				{ "contact", "h", "{\"note\": \"已电话联系企业\"}" }, { "stage-reply", "h", "{\"note\": \"已会同供电公司现场踏勘\"}" },
				{ "resolve", "h", "{\"outcome\": \"SOLVED\", \"answer\": \"已完成增容\"}" } };

		final String dispatcher;

		final String handler;

		final long categoryId;

		final long unitId;

		final List<Long> enterprises = new ArrayList<>();

		Qiqing(String base, String county) throws IOException {
			super(base);
			this.dispatcher = "Bearer qq_bench_bench.dispatcher." + county;
			this.handler = "Bearer qq_bench_bench.handler.B-" + county + "-0";
			this.categoryId = Long.parseLong(first(ID, get("/api/v1/categories", this.dispatcher).body()));
			this.unitId = Long.parseLong(first(ID, get("/api/v1/units?q=B-" + county + "-0", this.dispatcher).body()));
			Matcher ids = ID.matcher(get("/api/v1/enterprises?size=100", this.dispatcher).body());
			while (ids.find()) {
				this.enterprises.add(Long.parseLong(ids.group(1)));
			}
		}

		@Override
		String name() {
			return "Qiqing";
		}

		Response get(String path, String token) throws IOException {
			return exchange("GET", path, Map.of("Authorization", token), null);
		}

		@Override
		long[] create(Run run, long i) throws Exception {
			long enterprise = this.enterprises.get((int) (i % this.enterprises.size()));
			String body = """
					{"categoryId": %d, "enterpriseId": %d, "title": "基准测试诉求 %d", "description": "用电增容申请三周无进展，请协调。"}"""
				.formatted(this.categoryId, enterprise, i);
			Response created = run.timed("create", () -> exchange("POST", "/api/v1/cases",
					Map.of("Authorization", this.dispatcher, "Idempotency-Key", UUID.randomUUID().toString()), body));
			return new long[] { Long.parseLong(first(ID, created.body())), 0, 0 };
		}

		static long version(Response response) {
			return Long.parseLong(response.headers().get("etag").replaceAll("\\D", ""));
		}

		@Override
		boolean step(Run run, long[] item) throws Exception {
			String[] step = STEPS[(int) item[2]];
			String token = step[1].equals("d") ? this.dispatcher : this.handler;
			String body = step[2].contains("%d") ? step[2].formatted(this.unitId) : step[2];
			Response response = run.timed("step",
					() -> exchange("POST", "/api/v1/cases/" + item[0] + "/" + step[0], Map.of("Authorization", token,
							"Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"" + item[1] + "\""), body));
			item[1] = version(response);
			item[2]++;
			return item[2] < STEPS.length;
		}

		@Override
		void queue(Run run) throws Exception {
			run.timed("queue", () -> get("/api/v1/queue?size=20", this.dispatcher));
		}

		@Override
		void count(Run run) throws Exception {
			Response states = run.timed("count", () -> get("/api/v1/statistics/states", this.dispatcher));
			if (!states.body().contains("\"IN_PROGRESS\"")) {
				throw new IllegalStateException("no IN_PROGRESS in " + states.body());
			}
		}

		@Override
		void list(Run run) throws Exception {
			run.timed("list", () -> get("/api/v1/cases?state=IN_PROGRESS&size=1", this.dispatcher));
		}

	}

	static final class Redmine extends Peer {

		/** New (1) → In Progress (2) → Resolved (3) → Closed (5), Redmine's default statuses. */
		static final int[] STATUSES = { 2, 3, 5 };

		final String key;

		final String project;

		final long userId;

		Redmine(String base, String key, String project) throws IOException {
			super(base);
			this.key = key;
			this.project = project;
			Response me = get("/users/current.json");
			if (me.status() != 200) {
				throw new IllegalStateException("Redmine /users/current.json → " + me.status() + " " + me.body());
			}
			this.userId = Long.parseLong(first(ID, me.body()));
		}

		@Override
		String name() {
			return "Redmine";
		}

		Response get(String path) throws IOException {
			return exchange("GET", path, Map.of("X-Redmine-API-Key", this.key), null);
		}

		@Override
		long[] create(Run run, long i) throws Exception {
			String body = """
					{"issue": {"project_id": "%s", "subject": "基准测试诉求 %d", "description": "用电增容申请三周无进展，请协调。", "assigned_to_id": %d}}"""
				.formatted(this.project, i, this.userId);
			Response created = run.timed("create",
					() -> exchange("POST", "/issues.json", Map.of("X-Redmine-API-Key", this.key), body));
			return new long[] { Long.parseLong(first(ID, created.body())), 0, 0 };
		}

		@Override
		boolean step(Run run, long[] item) throws Exception {
			String body = "{\"issue\": {\"status_id\": %d}}".formatted(STATUSES[(int) item[2]]);
			run.timed("step",
					() -> exchange("PUT", "/issues/" + item[0] + ".json", Map.of("X-Redmine-API-Key", this.key), body));
			item[2]++;
			return item[2] < STATUSES.length;
		}

		@Override
		void queue(Run run) throws Exception {
			run.timed("queue", () -> get("/issues.json?assigned_to_id=me&limit=20"));
		}

		@Override
		void count(Run run) throws Exception {
			Response issues = run.timed("count", () -> get("/issues.json?status_id=2&limit=1"));
			first(TOTAL, issues.body());
		}

	}

	/** One measured (or warm-up) run of one system: an operation alone, or the mix. */
	static final class Run {

		final Peer peer;

		final String name;

		final int concurrency;

		final int seconds;

		final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

		final AtomicLong errors = new AtomicLong();

		final List<String> errorSamples = new CopyOnWriteArrayList<>();

		volatile boolean measuring = true;

		long end;

		Run(Peer peer, String name, int concurrency, int seconds) {
			this.peer = peer;
			this.name = name;
			this.concurrency = concurrency;
			this.seconds = seconds;
		}

		void go() throws InterruptedException {
			List<String> operations = switch (this.name) {
				case "mix" -> List.of("create", "step", "queue", "count");
				case "mix-list" -> List.of("create", "step", "queue", "list");
				default -> List.of(this.name);
			};
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.seconds);
			this.end = end;
			ExecutorService pool = Executors.newFixedThreadPool(this.concurrency);
			for (int worker = 0; worker < this.concurrency; worker++) {
				long w = worker;
				pool.submit(() -> {
					for (long i = w; System.nanoTime() < end; i += this.concurrency) {
						try {
							this.peer.operation(this, operations.get((int) ((i / this.concurrency) % operations.size())),
									i);
						}
						catch (Exception ex) {
							this.errors.incrementAndGet();
							if (this.errorSamples.size() < 3) {
								this.errorSamples.add(String.valueOf(ex.getMessage()));
							}
						}
					}
				});
			}
			pool.shutdown();
			pool.awaitTermination(this.seconds + 60, TimeUnit.SECONDS);
		}

		Response timed(String operation, Call call) throws Exception {
			long started = System.nanoTime();
			Response response = call.call();
			long ended = System.nanoTime();
			long took = ended - started;
			if (response.status() >= 300) {
				throw new IllegalStateException(
						this.peer.name() + " " + operation + " → " + response.status() + " " + response.body());
			}
			// an operation still running when the time is up is let finish, not counted
			if (this.measuring && ended - this.end <= 0) {
				this.latencies.computeIfAbsent(operation, key -> new CopyOnWriteArrayList<>()).add(took);
			}
			return response;
		}

		void report(Map<String, Double> rates) {
			long all = 0;
			for (String operation : List.of("create", "step", "queue", "count", "list")) {
				List<Long> times = this.latencies.get(operation);
				if (times == null) {
					continue;
				}
				List<Long> sorted = new ArrayList<>(times);
				sorted.sort(null);
				all += sorted.size();
				double rate = sorted.size() / (double) this.seconds;
				String key = this.name.startsWith("mix") ? this.name + ":" + operation : this.name;
				rates.put(this.peer.name() + " " + key, rate);
				System.out.printf(Locale.ROOT,
						"%-7s %-8s c=%-2d %-6s n=%-6d %8.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n",
						this.peer.name(), this.name, this.concurrency, operation, sorted.size(), rate, ms(sorted, 0.50),
						ms(sorted, 0.95), ms(sorted, 0.99));
			}
			if (this.name.startsWith("mix")) {
				rates.put(this.peer.name() + " " + this.name, all / (double) this.seconds);
				System.out.printf(Locale.ROOT, "%-7s %-8s c=%-2d %-6s n=%-6d %8.1f/s%n", this.peer.name(), this.name,
						this.concurrency, "all", all, all / (double) this.seconds);
			}
			System.out.printf("%-7s %-8s errors %d %s%n", this.peer.name(), this.name, this.errors.get(),
					this.errorSamples.isEmpty() ? "" : this.errorSamples.get(0));
		}

	}

	interface Call {

		Response call() throws Exception;

	}

	static double ms(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
	}

	static String first(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + pattern + " in " + text);
		}
		return m.group(1);
	}

	record Response(int status, Map<String, String> headers, String body) {
	}

	/**
	 * A kept-alive HTTP/1.1 connection, as in Load.java: a request out, its response in (by its
	 * length or in chunks), opened again when the server closes it.
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
			head.append("\r\nHost: ").append(this.host).append(':').append(this.port);
			if (body != null) {
				head.append("\r\nContent-Length: ").append(body.length);
			}
			byte[] request = head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
			boolean reused = this.socket != null;
			if (!reused) {
				open();
			}
			try {
				return roundTrip(request, body);
			}
			catch (IOException ex) {
				close();
				if (!reused) {
					throw ex;
				}
				// a kept-alive connection the server closed while idle: once more on a new one
				open();
				try {
					return roundTrip(request, body);
				}
				catch (IOException again) {
					close();
					throw again;
				}
			}
		}

		private void open() throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(60_000);
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

		private Response roundTrip(byte[] request, byte[] body) throws IOException {
			this.out.write(request);
			if (body != null) {
				this.out.write(body);
			}
			this.out.flush();
			String status = line();
			Map<String, String> headers = new HashMap<>();
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
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

}
