package org.qiqing.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.HeadlessChromium;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The visit page on a 375-px phone in headless Chromium: a visit with two difficulties
 * recorded with the network cut waits on the device and arrives once, with exactly two
 * cases, when the network returns, even when it is sent again; and the page's first load
 * stays under 200 KB and 2 s on a slow 3G line. Skipped where Debian's chromium and
 * chromium-driver are not installed.
 */
@IntegrationTest
class VisitBrowserIntegrationTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Slow 3G: 400 kbit/s each way and 400 ms of latency. */
	private static final Map<String, Object> SLOW_3G = Map.of("offline", false, "latency", 400, "downloadThroughput",
			400 * 1000 / 8, "uploadThroughput", 400 * 1000 / 8);

	private static final Map<String, Object> OFFLINE = Map.of("offline", true, "latency", 0, "downloadThroughput", -1,
			"uploadThroughput", -1);

	private static final Map<String, Object> ONLINE = Map.of("offline", false, "latency", 0, "downloadThroughput", -1,
			"uploadThroughput", -1);

	/** Asks the page to send its queue, and answers what is left in it. */
	private static final String SYNC = """
			await qiqingVisits.sync();
			return qiqingVisits.count();""";

	@LocalServerPort
	int port;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		ChromeOptions options = HeadlessChromium.phone(this.temp.resolve("profile"), logs);
		this.browser = HeadlessChromium.start(options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		this.browser.manage().window().setSize(new Dimension(HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT));
		assertThat(script("return window.innerWidth;")).isEqualTo(375L);
		this.jdbc
			.sql("""
					insert into link (person_id, target_kind, enterprise_id, region_path, frequency, starts_on, created_by, created_at)
					values (:me, 'ENTERPRISE', :firm, '/330400/330421/330421100/', 'MONTHLY', current_date, :me, current_timestamp)""")
			.param("me", this.world.visitorA().actor().personId())
			.param("firm", this.world.firmA().getId())
			.update();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			List<String> violations = HeadlessChromium.contentSecurityPolicyViolations(this.browser);
			this.browser.quit();
			this.jdbc.sql("delete from link where person_id = :me")
				.param("me", this.world.visitorA().actor().personId())
				.update();
			assertThat(violations).as("refused by the Content Security Policy").isEmpty();
		}
	}

	@Test
	void aVisitRecordedOfflineArrivesOnceWithItsTwoCasesWhenTheNetworkReturns() throws IOException {
		String marker = "离线走访 " + System.nanoTime();
		loginAsVisitor();
		this.browser.get(url("/visit"));
		// The page keeps the linked enterprises on the device for offline search.
		this.wait.until(d -> ((Number) async("qiqingVisits.all('enterprises').then(e => e.length)")).intValue() > 0);

		network(OFFLINE);
		this.wait.until(d -> Boolean.FALSE.equals(script("return navigator.onLine;")));
		WebElement search = this.browser.findElement(By.id("enterprise-q"));
		search.sendKeys("测试精密");
		// The choices are drawn again at every key typed, so a button found may be gone
		// (or not yet shown) when it is clicked: click the firm's own until it holds.
		By firm = By.cssSelector("#enterprise-choices button[data-id='" + this.world.firmA().getId() + "']");
		this.wait.ignoring(StaleElementReferenceException.class, ElementNotInteractableException.class).until(d -> {
			d.findElement(firm).click();
			return true;
		});
		assertThat(this.browser.findElement(By.id("enterprise-chosen")).getText())
			.contains(this.world.firmA().getName());
		WebElement form = this.browser.findElement(By.id("visit-form"));
		form.findElement(By.name("met")).sendKeys("王经理（总经理）");
		form.findElement(By.name("companions")).sendKeys("西塘镇 李四");
		form.findElement(By.name("notes")).sendKeys(marker);
		difficulty(0, "新厂房用电增容迟迟未批", "需增容至 1250 kVA");
		difficulty(1, "技术工人招不到", "");
		assertFitsOnThePhone();
		screenshot("visit-offline-form");
		form.findElement(By.cssSelector("button[type=submit]")).click();

		this.wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "1"));
		assertThat(this.browser.findElement(By.id("form-message")).getText()).isEqualTo("已保存在本机，联网后自动发送");
		assertThat(this.browser.findElement(By.cssSelector("#queue-list li")).getText()).contains("2 项困难", "等待发送");
		assertThat(this.browser.findElement(By.id("net")).getText()).startsWith("离线");
		assertFitsOnThePhone();
		screenshot("visit-offline-waiting");
		assertThat(visitsNoted(marker)).as("nothing reached the server while offline").isZero();

		network(ONLINE);
		this.wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));
		assertThat(this.browser.findElement(By.id("form-message")).getText()).startsWith("已送达").contains("QQ-");
		screenshot("visit-sent");
		assertThat(visitsNoted(marker)).isEqualTo(1);
		long visitId = visitNoted(marker);
		assertThat(visitCases(visitId)).containsExactlyInAnyOrder("新厂房用电增容迟迟未批", "技术工人招不到");

		// The device sends the same visit again (an answer lost on the way): the server
		// answers with the first result and keeps nothing more.
		String key = this.jdbc.sql("select client_key from visit where id = :id")
			.param("id", visitId)
			.query(String.class)
			.single();
		async("""
				const item = await qiqingVisits.all('queue');
				await qiqingVisits.enqueue({clientKey: '%s', enterpriseId: %d, visitedOn: '%s', notes: '%s',
				  difficulties: [{categoryId: %d, title: '新厂房用电增容迟迟未批'}, {categoryId: %d, title: '技术工人招不到'}]},
				  [], 'again', '%s');
				await qiqingVisits.sync();
				return qiqingVisits.count();""".formatted(key, this.world.firmA().getId(),
				VisitIntegrationTests.today(), marker, this.world.category().id(), this.world.category().id(),
				this.world.visitorA().username()));
		this.wait.until(d -> ((Number) async("return qiqingVisits.count();")).intValue() == 0);
		assertThat(visitsNoted(marker)).isEqualTo(1);
		assertThat(visitCases(visitId)).hasSize(2);

		this.browser.get(url("/visits"));
		assertThat(this.browser.findElement(By.id("visit-history")).getText()).contains("新厂房用电增容迟迟未批", "待受理");
		assertFitsOnThePhone();
		screenshot("visit-history");
	}

	@Test
	void aRefusedVisitShowsWhyAndAnExpiredLoginKeepsTheQueueUntilTheOfficialLogsInAgain() throws IOException {
		String marker = "过期登录 " + System.nanoTime();
		loginAsVisitor();
		this.browser.get(url("/visit"));
		this.wait.until(d -> ((Number) async("qiqingVisits.all('enterprises').then(e => e.length)")).intValue() > 0);

		// A visit dated tomorrow (a phone whose clock runs ahead) is refused with the
		// reason; the visit sent with it in the same batch arrives all the same.
		String beside = "同批送达 " + System.nanoTime();
		async(queued("'" + VisitIntegrationTests.today().plusDays(1) + "'", "明天")
				+ queued("new Date().toISOString().slice(0, 10)", beside) + SYNC);
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#queue-list li.failed"), "晚于今天"));
		assertThat(this.browser.findElement(By.id("queue-count")).getText()).isEqualTo("1");
		assertThat(visitsNoted("明天")).isZero();
		assertThat(visitsNoted(beside)).isEqualTo(1);
		screenshot("visit-refused");
		this.browser.findElement(By.cssSelector("#queue-list li.failed button.discard")).click();
		this.browser.switchTo().alert().accept();
		this.wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));

		// The login expires: the visit stays on the phone and the page asks to log in.
		this.browser.manage().deleteCookieNamed("JSESSIONID");
		async(enqueue("new Date().toISOString().slice(0, 10)", marker));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("net"), "登录已过期"));
		assertThat(this.browser.findElement(By.id("queue-count")).getText()).isEqualTo("1");
		assertThat(visitsNoted(marker)).isZero();
		screenshot("visit-login-expired");

		loginAsVisitor();
		this.browser.get(url("/visit"));
		// The page shows 0 before it has read its queue: wait for the visit itself.
		this.wait.until(d -> visitsNoted(marker) == 1);
		this.wait.until(ExpectedConditions.textToBe(By.id("queue-count"), "0"));
		assertThat(visitsNoted(marker)).isEqualTo(1);
	}

	/** Queues a visit of firm A as the form does, and asks the page to send its queue. */
	private String enqueue(String day, String notes) {
		return queued(day, notes) + SYNC;
	}

	/** Queues a visit of firm A as the form does. */
	private String queued(String day, String notes) {
		return """
				await qiqingVisits.enqueue({enterpriseId: %d, visitedOn: %s, notes: '%s',
				  difficulties: [{categoryId: %d, title: '%s'}]}, [], '%s', '%s');
				""".formatted(this.world.firmA().getId(), day, notes, this.world.category().id(), notes,
				this.world.firmA().getName(), this.world.visitorA().username());
	}

	@Test
	void theVisitPageWeighsUnder200KbAndOpensUnder2SecondsOnSlow3G() throws Exception {
		loginAsVisitor();
		this.browser.manage().logs().get(LogType.PERFORMANCE);
		this.browser.executeCdpCommand("Network.enable", Map.of());
		this.browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		network(SLOW_3G);
		this.browser.get(url("/visit"));
		long loaded = ((Number) script(
				"const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime);"))
			.longValue();
		network(ONLINE);
		long pageBytes = 0;
		for (LogEntry entry : this.browser.manage().logs().get(LogType.PERFORMANCE)) {
			if (entry.getMessage().contains("\"Network.loadingFinished\"")) {
				pageBytes += ((Number) JsonPath.read(entry.getMessage(), "$.message.params.encodedDataLength"))
					.longValue();
			}
		}
		// What the service worker fetches for itself to keep the pages offline,
		// compressed.
		long workerBytes = compressedSize("/visit-sw.js") + compressedSize("/visits");
		for (String asset : List.of("/visit", "/css/qiqing.css", "/js/outbox.js", "/js/visit.js", "/js/inbox.js",
				"/visit-manifest.json", "/img/visit-192.png", "/img/visit-512.png")) {
			workerBytes += compressedSize(asset);
		}
		System.out.printf("visit page, first load on slow 3G: %d ms; %d bytes by the page, %d by the worker%n", loaded,
				pageBytes, workerBytes);
		assertThat(pageBytes + workerBytes).as("bytes of the first load, compressed").isLessThan(200 * 1024);
		assertThat(loaded).as("ms until the load event on slow 3G").isLessThan(2000);
	}

	private void loginAsVisitor() {
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(this.world.visitorA().username());
		this.browser.findElement(By.name("password")).sendKeys(TestWorld.PASSWORD);
		this.browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlToBe(url("/queue")));
	}

	private void difficulty(int index, String title, String description) {
		this.browser.findElement(By.id("add-difficulty")).click();
		WebElement fieldset = this.browser.findElements(By.cssSelector("#difficulty-list .difficulty")).get(index);
		new Select(fieldset.findElement(By.name("categoryId"))).selectByVisibleText(this.world.category().name());
		fieldset.findElement(By.name("title")).sendKeys(title);
		fieldset.findElement(By.name("description")).sendKeys(description);
	}

	/** Cuts, throttles or restores the page's network, as DevTools does. */
	private void network(Map<String, Object> conditions) {
		this.browser.executeCdpCommand("Network.enable", Map.of());
		this.browser.executeCdpCommand("Network.emulateNetworkConditions", new HashMap<>(conditions));
	}

	/**
	 * The bytes an asset takes on the wire with gzip, as the visitor's session gets it.
	 */
	private long compressedSize(String path) throws Exception {
		String cookie = this.browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Accept-Encoding", "gzip")
				.header("Cookie", "JSESSIONID=" + cookie)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body().length;
	}

	private int visitsNoted(String marker) {
		return this.jdbc.sql("select count(*) from visit where notes = :marker")
			.param("marker", marker)
			.query(Integer.class)
			.single();
	}

	private long visitNoted(String marker) {
		return this.jdbc.sql("select id from visit where notes = :marker")
			.param("marker", marker)
			.query(Long.class)
			.single();
	}

	private List<String> visitCases(long visitId) {
		return this.jdbc.sql("""
				select c.title from visit_case vc join cases c on c.id = vc.case_id
				where vc.visit_id = :id and c.channel = 'VISIT'""").param("id", visitId).query(String.class).list();
	}

	private void assertFitsOnThePhone() {
		assertThat(script("""
				const width = document.documentElement.clientWidth;
				return [...document.querySelectorAll('body *')]
					.filter(e => e.getBoundingClientRect().right > width + 0.5)
					.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' reaches '
						+ Math.round(e.getBoundingClientRect().right) + 'px');
				""")).asList().isEmpty();
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.browser).executeScript(script, args);
	}

	/** Runs an async function body in the page and returns what it resolves to. */
	private Object async(String body) {
		String function = body.contains("return") ? body : "return " + body + ";";
		return ((JavascriptExecutor) this.browser)
			.executeAsyncScript("const done = arguments[arguments.length - 1]; (async () => { " + function
					+ " })().then(done, e => done('failed: ' + e));");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
