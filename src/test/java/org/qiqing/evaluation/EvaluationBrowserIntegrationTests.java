package org.qiqing.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service centre's dispatcher runs a campaign (评议) on a phone (390×844): he sets one up
 * to open in a few days, changes its title before it opens, closes it early with a reason
 * and sees it closed with that reason, and the conduct pages (campaigns, flags,
 * spot-checks) fit the screen. Runs Debian's headless Chromium; skipped where it is not
 * installed.
 */
@IntegrationTest
class EvaluationBrowserIntegrationTests {

	@Autowired
	World world;

	@RegisterExtension
	final Browser browser = Browser.atPhoneSize();

	@Test
	void aDispatcherSetsUpEditsAndClosesACampaignOnAPhone() {
		LocalDate today = LocalDate.now(PlatformClock.CHINA);
		this.browser.loginAs(this.world.dispatcherA());
		this.browser.get("/evaluation/campaigns");
		this.browser.assertFitsOnScreen();
		this.browser.tap(this.browser.find(By.cssSelector("details.card summary")));
		this.browser.find(By.name("title")).sendKeys("手机上发起的评议");
		date("from", today.minusMonths(2));
		date("to", today.minusDays(1));
		date("opensOn", today.plusDays(5));
		date("closesOn", today.plusDays(40));
		this.browser.tap(this.browser.find(By.cssSelector("form[action='/evaluation/campaigns'] button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.urlMatches("/evaluation/campaigns/\\d+$"));
		assertThat(this.browser.find(By.id("campaign-status")).getText()).contains("未开始");
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("campaign-scheduled-phone");

		this.browser.tap(this.browser.find(By.cssSelector("#campaign-edit summary")));
		WebElement title = this.browser.find(By.cssSelector("#campaign-edit input[name=title]"));
		title.clear();
		title.sendKeys("手机上修改的评议");
		this.browser.tap(this.browser.find(By.cssSelector("#campaign-edit button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "手机上修改的评议"));

		this.browser.tap(this.browser.find(By.cssSelector("#campaign-close summary")));
		this.browser.find(By.cssSelector("#campaign-close input[name=reason]")).sendKeys("问卷需要重新设计");
		this.browser.tap(this.browser.find(By.cssSelector("#campaign-close button[type=submit]")));
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("close-reason")));
		assertThat(this.browser.find(By.id("campaign-status")).getText()).contains("已结束", "问卷需要重新设计");
		assertThat(this.browser.driver().findElements(By.id("campaign-close"))).isEmpty();
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("campaign-closed-phone");

		for (String page : new String[] { "/evaluation/campaigns", "/evaluation/flags", "/evaluation/spot-checks" }) {
			this.browser.get(page);
			this.browser.assertFitsOnScreen();
		}
	}

	private void date(String name, LocalDate day) {
		this.browser.script("arguments[0].value = arguments[1];", this.browser.find(By.name(name)), day.toString());
	}

}
