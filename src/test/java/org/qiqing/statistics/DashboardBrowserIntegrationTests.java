package org.qiqing.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qiqing.Api;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@RegisterExtension
	final Browser browser = Browser.atPhoneSize();

	@Test
	void aLeaderReadsHisCountyOnAPhoneAndClicksDownToTheCases() throws Exception {
		long id = new Api(this.mvc).assignedCase(this.world);
		String number = (String) Api.read(new Api(this.mvc).get(this.world.dispatcherA(), "/api/v1/cases/" + id),
				"$.number");

		this.browser.loginAs(this.world.leaderA());
		this.browser.get("/dashboard");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("驾驶舱");
		this.browser.waiting()
			.until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("trend-chart"), By.tagName("canvas")));
		long received = Long
			.parseLong(this.browser.find(By.cssSelector("#measures [data-measure=RECEIVED] strong")).getText());
		assertThat(received).isPositive();
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("dashboard-phone-zh");

		WebElement unit = this.browser
			.find(By.xpath("//table[@id='unit-ranking']//a[normalize-space()='" + this.world.deptA().getName() + "']"));
		assertThat(unit.findElement(By.xpath("ancestor::tr/td[2]")).getText()).isNotEqualTo("0");
		this.browser.tap(unit);
		this.browser.waiting().until(ExpectedConditions.urlContains("unit=" + this.world.deptA().getId()));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/dashboard?");

		this.browser.tap(this.browser.find(By.cssSelector("#measures [data-measure=ASSIGNED]")));
		this.browser.waiting().until(ExpectedConditions.urlContains("/cases?"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("unit=" + this.world.deptA().getId());
		assertThat(this.browser.driver().findElements(By.xpath("//a[normalize-space()='" + number + "']")))
			.isNotEmpty();

		this.browser.get("/dashboard?lang=en");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		this.browser.waiting()
			.until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("trend-chart"), By.tagName("canvas")));
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("dashboard-phone-en");
	}

}
