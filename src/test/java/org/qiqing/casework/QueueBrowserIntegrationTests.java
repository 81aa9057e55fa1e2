package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.Api;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	/** The person at the browser; {@code browser} is his Chromium. */
	@RegisterExtension
	final Browser person = Browser.atPhoneSize();

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		this.browser = this.person.driver();
		this.wait = this.person.waiting();
		// htmx replaces the queue under a wait that is reading it.
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@Test
	void theTabsOfTheQueueCountAndFilterOnAPhone() throws Exception {
		long arrived = new Api(this.mvc).assignedCase(this.world);
		this.person.loginAs(this.world.handlerA());
		assertThat(this.person.script("return window.innerWidth;")).isEqualTo(390L);
		WebElement all = this.browser.findElement(By.id("tab-ALL"));
		assertThat(all.getDomAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.findElement(By.cssSelector("h1 .count")).getText())
			.isEqualTo("共 " + count("ALL") + " 件");
		// Never looked before: everything is new.
		assertThat(this.browser.findElements(By.cssSelector("table.cases tbody tr.fresh"))).isNotEmpty();
		this.person.assertFitsOnScreen();
		this.person.screenshot("queue-tabs-phone");

		for (String tab : List.of("NEW", "OVERDUE", "DUE_SOON", "WAITING", "ALL")) {
			int expected = count(tab);
			this.browser.findElement(By.id("tab-" + tab)).click();
			this.wait.until(ExpectedConditions.attributeToBe(By.id("tab-" + tab), "aria-current", "page"));
			assertThat(this.browser.getCurrentUrl()).contains("tab=" + tab.toLowerCase());
			int rows = this.browser.findElements(By.cssSelector("table.cases tbody tr")).size();
			if (this.browser.findElements(By.cssSelector(".pager a")).isEmpty()) {
				assertThat(rows).as(tab).isEqualTo(expected);
			}
			this.person.assertFitsOnScreen();
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
		this.person.assertFitsOnScreen();

		this.browser.get(this.person.url("/cases"));
		WebElement more = this.browser.findElement(By.cssSelector("details.more"));
		assertThat(more.getDomProperty("open")).isEqualTo("false");
		this.person.assertFitsOnScreen();
		this.browser.get(this.person.url("/cases?kind=ENTERPRISE_REQUEST&time=GREEN"));
		assertThat(this.browser.findElement(By.cssSelector("details.more")).getDomProperty("open")).isEqualTo("true");
		this.person.assertFitsOnScreen();
		this.person.screenshot("cases-filters-phone");

		// The same pages in English, and on a desktop, to look at.
		this.browser.get(this.person.url("/queue?lang=en"));
		assertThat(this.browser.findElement(By.id("tab-WAITING")).getText()).startsWith("Waiting for others");
		this.person.assertFitsOnScreen();
		this.person.screenshot("queue-tabs-phone-en");
		this.browser.get(this.person.url("/cases?kind=ENTERPRISE_REQUEST&time=GREEN"));
		this.person.assertFitsOnScreen();
		this.person.screenshot("cases-filters-phone-en");
		this.person.resize(Browser.DESKTOP);
		this.browser.get(this.person.url("/queue"));
		this.person.screenshot("queue-tabs-desktop-en");
		this.browser.get(this.person.url("/cases?kind=ENTERPRISE_REQUEST&time=GREEN&lang=zh-CN"));
		this.person.screenshot("cases-filters-desktop");
		this.browser.get(this.person.url("/queue"));
		this.person.screenshot("queue-tabs-desktop");
	}

	private int count(String tab) {
		return Integer.parseInt(this.browser.findElement(By.cssSelector("#tab-" + tab + " .n")).getText());
	}

}
