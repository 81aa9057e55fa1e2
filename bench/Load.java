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
 * java bench/Load.java BASE_URL MODE CONCURRENCY SECONDS [COUNTY]
 *   MODE: lifecycle | create | queue | stats (the county dispatcher's counts from the
 *   statistics' rollups: the measures of this month, of the year, by unit, the states now)
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

	final String handler;

	final long categoryId;

	final long unitId;

	final List<Long> enterprises;

	final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

	final AtomicLong errors = new AtomicLong();

	final List<String> errorSamples = new CopyOnWriteArrayList<>();

	volatile boolean measuring;

	Load(String base, String county) throws Exception {
		this.base = base;
		URI uri = URI.create(base);
		this.connections = ThreadLocal.withInitial(() -> new Connection(uri.getHost(), uri.getPort()));
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
		Load load = new Load(base, county);
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
							case "stats" -> stats(i);
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
				headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
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
			if (!entry.getKey().equals("create") && !entry.getKey().equals("queue")
					&& !entry.getKey().startsWith("stats-")) {
				steps += times.size();
			}
			System.out.printf(Locale.ROOT, "%-9s c=%-3d %-12s n=%-7d %8.1f/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
					mode, concurrency, entry.getKey(), times.size(), times.size() / (double) seconds, ms(times, 0.50),
					ms(times, 0.95), ms(times, 0.99));
		}
		if (steps > 0) {
			System.out.printf(Locale.ROOT, "%-9s c=%-3d %-12s n=%-7d %8.1f/s%n", mode, concurrency, "all-steps", steps,
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
