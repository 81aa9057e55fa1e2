import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The offline sync of one phone: N visits (one difficulty and one photo each) are queued in
 * headless Chromium with the network cut, the network is restored, and the time until the
 * queue is empty is printed; then the same N requests are sent from the JVM, one after the
 * other, four at a time, and ten per request four at a time, as the baseline (after 200
 * requests to warm the server up). Run by bench/visit-sync.sh.
 *
 * java -cp TEST_CLASSPATH bench/VisitSync.java URL [N] [USER] [PASSWORD]
 */
public class VisitSync {

	/** Visits per request of the page's queue (visit.js, BATCH_VISITS). */
	static final int BATCH = 10;

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
		String user = args.length > 2 ? args[2] : "visitor";
		String password = args.length > 3 ? args[3] : "demo";
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--user-data-dir=" + Files.createTempDirectory("visit-sync"), "--window-size=375,812");
		ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build(), options);
		browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
		try {
			browser.get(base + "/login");
			browser.findElement(By.name("username")).sendKeys(user);
			browser.findElement(By.name("password")).sendKeys(password);
			browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
			new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(base + "/queue"));
			browser.get(base + "/visit");
			Map<?, ?> setup = (Map<?, ?>) async(browser, """
					const firms = await (await fetch('/visits/device/enterprises?q=有限公司')).json();
					const category = Number(document.querySelector('#difficulty-template').content
					  .querySelector('select option[value]:not([value=""])').value);
					const canvas = document.createElement('canvas');
					canvas.width = 1600; canvas.height = 1200;
					const g = canvas.getContext('2d');
					for (let i = 0; i < 400; i++) {
					  g.fillStyle = `hsl(${i * 37 % 360}, 50%, 50%)`;
					  g.fillRect((i * 97) % 1600, (i * 53) % 1200, 120, 90);
					}
					window.benchPhoto = await new Promise(r => canvas.toBlob(r, 'image/jpeg', 0.8));
					const bytes = new Uint8Array(await benchPhoto.arrayBuffer());
					let binary = '';
					bytes.forEach(b => binary += String.fromCharCode(b));
					return {firm: firms[0].id, name: firms[0].name, category, photo: btoa(binary)};""");
			if (setup.containsKey("error")) {
				throw new IllegalStateException("the visit page could not be set up: " + setup);
			}
			long firm = ((Number) setup.get("firm")).longValue();
			long category = ((Number) setup.get("category")).longValue();
			byte[] photo = Base64.getDecoder().decode((String) setup.get("photo"));
			System.out.printf("%d visits of %s, one difficulty and one %d-byte photo each%n", n, setup.get("name"),
					photo.length);

			String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
			Map<?, ?> session = (Map<?, ?>) async(browser,
					"return (await fetch('/visits/device/session', {cache: 'no-store'})).json();");
			Sender sender = new Sender(base, cookie, (String) session.get("csrfHeader"),
					(String) session.get("csrfToken"), firm, category, photo);
			// Warm the server's code paths first, so that neither side pays for its JIT.
			for (int i = 0; i < 200; i++) {
				sender.send(UUID.randomUUID().toString(), i, 201);
			}

			browser.executeCdpCommand("Network.enable", Map.of());
			browser.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			long queued = System.nanoTime();
			async(browser, """
					for (let i = 0; i < %d; i++) {
					  await qiqingVisits.enqueue({enterpriseId: %d, visitedOn: new Date().toISOString().slice(0, 10),
					    met: '王经理', notes: '离线同步基准 ' + i,
					    difficulties: [{categoryId: %d, title: '基准诉求 ' + i, description: '离线记录，联网后发送'}]},
					    [{name: 'photo.jpg', blob: benchPhoto}], '基准', '%s');
					}
					return qiqingVisits.count();""".formatted(n, firm, category, user));
			double saveMs = (System.nanoTime() - queued) / 1e6 / n;
			System.out.printf("queued offline: %d items, %.1f ms per save on the device%n",
					((Number) async(browser, "return qiqingVisits.count();")).intValue(), saveMs);

			browser.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			long restored = System.nanoTime();
			int left;
			do {
				left = ((Number) async(browser, "await qiqingVisits.sync(); return qiqingVisits.count();")).intValue();
			}
			while (left > 0 && System.nanoTime() - restored < 120_000_000_000L);
			double deviceSeconds = (System.nanoTime() - restored) / 1e9;
			List<?> failed = (List<?>) async(browser,
					"return (await qiqingVisits.all('queue')).filter(i => i.status === 'failed').map(i => i.error);");
			System.out.printf("device: queue of %d empty %.2f s after the network returned (%.0f visits/s), %d left, %d refused%n",
					n, deviceSeconds, n / deviceSeconds, left, failed.size());

			long sequential = System.nanoTime();
			for (int i = 0; i < n; i++) {
				sender.send(UUID.randomUUID().toString(), i, 201);
			}
			double sequentialSeconds = (System.nanoTime() - sequential) / 1e9;
			ExecutorService pool = Executors.newFixedThreadPool(4);
			List<Future<?>> sends = new ArrayList<>();
			long parallel = System.nanoTime();
			for (int i = 0; i < n; i++) {
				int index = i;
				sends.add(pool.submit(() -> sender.send(UUID.randomUUID().toString(), index, 201)));
			}
			for (Future<?> send : sends) {
				send.get();
			}
			double parallelSeconds = (System.nanoTime() - parallel) / 1e9;
			// The same visits as the page sends them: 10 per request, 4 requests at a time
			// (a build without /visits/device/sync-batch answers 404: no figure, NaN).
			double batchSeconds = Double.NaN;
			if (sender.sendBatch(List.of(UUID.randomUUID().toString()), 0) == 200) {
				List<Future<?>> batches = new ArrayList<>();
				long batched = System.nanoTime();
				for (int i = 0; i < n; i += BATCH) {
					List<String> keys = new ArrayList<>();
					for (int j = i; j < Math.min(n, i + BATCH); j++) {
						keys.add(UUID.randomUUID().toString());
					}
					int first = i;
					batches.add(pool.submit(() -> sender.sendBatch(keys, first)));
				}
				for (Future<?> batch : batches) {
					batch.get();
				}
				batchSeconds = (System.nanoTime() - batched) / 1e9;
			}
			pool.shutdown();
			// A repeat of a key already stored answers 200 and creates nothing.
			String key = UUID.randomUUID().toString();
			sender.send(key, -1, 201);
			sender.send(key, -1, 200);
			System.out.printf("baseline, the same requests from the JVM: sequential %.2f s (%.0f/s), 4 at a time %.2f s (%.0f/s), %d per request 4 at a time %.2f s (%.0f/s)%n",
					sequentialSeconds, n / sequentialSeconds, parallelSeconds, n / parallelSeconds, BATCH, batchSeconds,
					n / batchSeconds);
			System.out.printf("device / JVM sequential = %.2f; device / JVM 4 at a time = %.2f; device / JVM %d per request = %.2f; budget 10 s: %s%n",
					deviceSeconds / sequentialSeconds, deviceSeconds / parallelSeconds, BATCH, deviceSeconds / batchSeconds,
					deviceSeconds < 10 && left == 0 && failed.isEmpty() ? "PASS" : "FAIL");
		}
		finally {
			browser.quit();
		}
	}

	private static Object async(ChromeDriver browser, String body) {
		return browser.executeAsyncScript("const done = arguments[arguments.length - 1]; (async () => { " + body
				+ " })().then(done, e => done({error: String(e)}));");
	}

	/** Sends one visit as the page's queue does: multipart, session cookie, CSRF header. */
	record Sender(String base, String cookie, String csrfHeader, String csrfToken, long firm, long category,
			byte[] photo) {

		static final HttpClient HTTP = HttpClient.newHttpClient();

		void send(String key, int i, int expected) {
			String boundary = "----bench" + UUID.randomUUID();
			String visit = visit(key, i);
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visit\"; filename=\"blob\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + visit + "\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"photo.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.base + "/visits/device/sync"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("Cookie", "JSESSIONID=" + this.cookie)
					.header(this.csrfHeader, this.csrfToken)
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, this.photo, tail)))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != expected) {
					throw new IllegalStateException(response.statusCode() + " " + response.body());
				}
			}
			catch (java.io.IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Sends these visits in one request as the page's queue does; answers the status,
		 * and fails unless every visit was stored now.
		 */
		int sendBatch(List<String> keys, int first) {
			String boundary = "----bench" + UUID.randomUUID();
			List<String> visits = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				visits.add(visit(keys.get(i), first + i));
			}
			List<byte[]> body = new ArrayList<>();
			body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visits\"; filename=\"blob\"\r\n"
					+ "Content-Type: application/json\r\n\r\n[" + String.join(",", visits) + "]\r\n")
				.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < keys.size(); i++) {
				body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos." + i
						+ "\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.add(this.photo);
				body.add("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.base + "/visits/device/sync-batch"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("Cookie", "JSESSIONID=" + this.cookie)
					.header(this.csrfHeader, this.csrfToken)
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArrays(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200
						&& response.body().split("\"status\":201", -1).length - 1 != keys.size()) {
					throw new IllegalStateException("not every visit was stored: " + response.body());
				}
				return response.statusCode();
			}
			catch (java.io.IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String visit(String key, int i) {
			return """
					{"clientKey": "%s", "enterpriseId": %d, "visitedOn": "%s", "met": "王经理", "notes": "基线 %d",
					 "difficulties": [{"categoryId": %d, "title": "基线诉求 %d", "description": "从 JVM 发送"}]}"""
				.formatted(key, this.firm, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), i,
						this.category, i);
		}

	}

}
