package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.Api;
import org.qiqing.HeadlessChromium;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue's tabs on a 390 × 844 phone in Chromium: each tab says how many it holds and
 * lists that many, a tap swaps the queue in place (htmx) and keeps the choice in the
 * address, the new case carries its mark, and nothing reaches past the screen; the list
 * of all cases keeps its filters folded until one is set.
 */
@IntegrationTest
class QueueBrowserIntegrationTests {

	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path temp;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = HeadlessChromium.start(HeadlessChromium.phone(this.temp.resolve("profile")));
		this.browser.manage().window().setSize(PHONE);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		// htmx replaces the queue under a wait that is reading it.
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			List<String> violations = HeadlessChromium.contentSecurityPolicyViolations(this.browser);
			this.browser.quit();
			assertThat(violations).as("refused by the Content Security Policy").isEmpty();
		}
	}

	@Test
	void theTabsOfTheQueueCountAndFilterOnAPhone() throws Exception {
		long arrived = new Api(this.mvc).assignedCase(this.world);
		loginAs(this.world.handlerA());
		assertThat(script("return window.innerWidth;")).isEqualTo(390L);
		WebElement all = this.browser.findElement(By.id("tab-ALL"));
		assertThat(all.getDomAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.findElement(By.cssSelector("h1 .count")).getText())
			.isEqualTo("共 " + count("ALL") + " 件");
		// Never looked before: everything is new.
		assertThat(this.browser.findElements(By.cssSelector("table.cases tbody tr.fresh"))).isNotEmpty();
		assertFitsOnThePhone();
		saveScreenshot("queue-tabs-phone");

		for (String tab : List.of("NEW", "OVERDUE", "DUE_SOON", "WAITING", "ALL")) {
			int expected = count(tab);
			this.browser.findElement(By.id("tab-" + tab)).click();
			this.wait.until(ExpectedConditions.attributeToBe(By.id("tab-" + tab), "aria-current", "page"));
			assertThat(this.browser.getCurrentUrl()).contains("tab=" + tab.toLowerCase());
			int rows = this.browser.findElements(By.cssSelector("table.cases tbody tr")).size();
			if (this.browser.findElements(By.cssSelector(".pager a")).isEmpty()) {
				assertThat(rows).as(tab).isEqualTo(expected);
			}
			assertFitsOnThePhone();
		}
		this.browser.findElement(By.id("sort-NEWEST")).click();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("sort-NEWEST"), "aria-current", "page"));
		String number = this.browser.findElement(By.cssSelector("table.cases tbody tr td.number a")).getText();
		assertThat(number).isEqualTo(new Api(this.mvc).get(this.world.handlerA(), "/api/v1/cases/" + arrived)
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*\"number\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
		assertThat(this.browser.findElement(By.cssSelector("table.cases tbody tr")).getDomAttribute("class"))
			.contains("fresh");
		this.browser.findElement(By.id("kind-ENTERPRISE_REQUEST")).click();
		this.wait.until(ExpectedConditions.urlContains("kind=ENTERPRISE_REQUEST"));
		assertFitsOnThePhone();

		this.browser.get(url("/cases"));
		WebElement more = this.browser.findElement(By.cssSelector("details.more"));
		assertThat(more.getDomProperty("open")).isEqualTo("false");
		assertFitsOnThePhone();
		this.browser.get(url("/cases?kind=ENTERPRISE_REQUEST&time=GREEN"));
		assertThat(this.browser.findElement(By.cssSelector("details.more")).getDomProperty("open")).isEqualTo("true");
		assertFitsOnThePhone();
		saveScreenshot("cases-filters-phone");

		// The same pages in English, and on a desktop, to look at.
		this.browser.get(url("/queue?lang=en"));
		assertThat(this.browser.findElement(By.id("tab-WAITING")).getText()).startsWith("Waiting for others");
		assertFitsOnThePhone();
		saveScreenshot("queue-tabs-phone-en");
		this.browser.get(url("/cases?kind=ENTERPRISE_REQUEST&time=GREEN"));
		assertFitsOnThePhone();
		saveScreenshot("cases-filters-phone-en");
		this.browser.manage().window().setSize(new Dimension(1366, 900));
		this.browser.get(url("/queue"));
		saveScreenshot("queue-tabs-desktop-en");
		this.browser.get(url("/cases?kind=ENTERPRISE_REQUEST&time=GREEN&lang=zh-CN"));
		saveScreenshot("cases-filters-desktop");
		this.browser.get(url("/queue"));
		saveScreenshot("queue-tabs-desktop");
	}

	private int count(String tab) {
		return Integer.parseInt(this.browser.findElement(By.cssSelector("#tab-" + tab + " .n")).getText());
	}

	private void loginAs(Member member) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(member.username());
		this.browser.findElement(By.name("password")).sendKeys(TestWorld.PASSWORD);
		this.browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlToBe(url("/queue")));
	}

	/** Nothing on the page reaches past the phone's screen: no sideways scrolling. */
	private void assertFitsOnThePhone() {
		assertThat(script("""
				const width = document.documentElement.clientWidth;
				return [...document.querySelectorAll('body *')]
					.filter(e => e.getBoundingClientRect().right > width + 0.5)
					.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						+ ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
				""")).as("elements wider than a 390 px phone").asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
		assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
			.as("no sideways scrolling")
			.isEqualTo(true);
	}

	private void saveScreenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
