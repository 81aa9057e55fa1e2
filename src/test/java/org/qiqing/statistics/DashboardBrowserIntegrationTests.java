package org.qiqing.statistics;

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
import org.openqa.selenium.OutputType;
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
 * The leaders' dashboard on a phone (390×844), in Chinese and in English: a county leader
 * sees this period's figures beside the last, the trend drawn by ECharts (served by the
 * application, under its Content Security Policy), nothing wider than the screen; he
 * clicks a unit of the ranking and reads that unit's dashboard, then a figure and reads
 * the list of its cases. Runs Debian's headless Chromium; skipped where it is not
 * installed.
 */
@IntegrationTest
class DashboardBrowserIntegrationTests {

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
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.browser.manage().window().setSize(PHONE);
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
	void aLeaderReadsHisCountyOnAPhoneAndClicksDownToTheCases() throws Exception {
		long id = new Api(this.mvc).assignedCase(this.world);
		String number = (String) Api.read(new Api(this.mvc).get(this.world.dispatcherA(), "/api/v1/cases/" + id),
				"$.number");

		loginAs(this.world.leaderA());
		this.browser.get(url("/dashboard"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("驾驶舱");
		this.wait
			.until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("trend-chart"), By.tagName("canvas")));
		long received = Long
			.parseLong(this.browser.findElement(By.cssSelector("#measures [data-measure=RECEIVED] strong")).getText());
		assertThat(received).isPositive();
		assertFitsOnThePhone();
		saveScreenshot("dashboard-phone-zh");

		WebElement unit = this.browser.findElement(
				By.xpath("//table[@id='unit-ranking']//a[normalize-space()='" + this.world.deptA().getName() + "']"));
		assertThat(unit.findElement(By.xpath("ancestor::tr/td[2]")).getText()).isNotEqualTo("0");
		click(unit);
		this.wait.until(ExpectedConditions.urlContains("unit=" + this.world.deptA().getId()));
		assertThat(this.browser.getCurrentUrl()).contains("/dashboard?");

		click(this.browser.findElement(By.cssSelector("#measures [data-measure=ASSIGNED]")));
		this.wait.until(ExpectedConditions.urlContains("/cases?"));
		assertThat(this.browser.getCurrentUrl()).contains("unit=" + this.world.deptA().getId());
		assertThat(this.browser.findElements(By.xpath("//a[normalize-space()='" + number + "']"))).isNotEmpty();

		this.browser.get(url("/dashboard?lang=en"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		this.wait
			.until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("trend-chart"), By.tagName("canvas")));
		assertFitsOnThePhone();
		saveScreenshot("dashboard-phone-en");
	}

	private void loginAs(Member member) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(member.username());
		this.browser.findElement(By.name("password")).sendKeys(TestWorld.PASSWORD);
		this.browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** A click where a person taps: scrolled into view first, as a finger would. */
	private void click(WebElement element) {
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/** Nothing on the page reaches past the phone's screen: no sideways scrolling. */
	private void assertFitsOnThePhone() {
		assertThat(this.browser.executeScript("""
				const width = document.documentElement.clientWidth;
				return [...document.querySelectorAll('body *')]
					.filter(e => !e.closest('.scroll'))
					.filter(e => e.getBoundingClientRect().right > width + 0.5)
					.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						+ ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
				""")).as("elements wider than a %d px phone", PHONE.width)
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
	}

	private void saveScreenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), this.browser.getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
