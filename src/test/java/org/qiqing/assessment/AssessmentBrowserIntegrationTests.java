package org.qiqing.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qiqing.Api;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A county leader reads a month's assessment on a phone (390×844): the league table, a
 * unit's result with its figures, the conduct evaluation's card and what followed, the
 * formula; nothing wider than the screen. Runs Debian's headless Chromium; skipped where
 * it is not installed.
 */
@IntegrationTest
class AssessmentBrowserIntegrationTests {

	static final YearMonth MONTH = YearMonth.of(2018, 8);

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformClock clock;

	@Autowired
	AssessmentFreeze freeze;

	@RegisterExtension
	final Browser browser = Browser.atPhoneSize();

	@Test
	void aLeaderReadsTheLeagueTableAndAUnitsResultOnAPhone() throws Exception {
		if (this.freeze.frozen(MONTH).isEmpty()) {
			AssessmentCases cases = new AssessmentCases(new Api(this.mvc), this.world, this.clock);
			cases.resolved("2018-08-06T10:00", this.world.deptA(), "SOLVED");
			cases.criticised("2018-08-07T10:00", this.world.otherDeptA());
			this.freeze.freeze(MONTH, null);
		}
		this.browser.loginAs(this.world.leaderA());
		this.browser.get("/assessment?month=" + MONTH);
		assertThat(this.browser.find(By.id("formula-in-force")).getText()).isNotBlank();
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("assessment-tables-phone");

		this.browser.tap(this.browser.find(By.linkText(this.world.otherDeptA().getName())));
		this.browser.waiting().until(ExpectedConditions.urlContains("/assessment/results/"));
		assertThat(this.browser.find(By.id("figures")).getText()).contains("书面通报 1");
		assertThat(this.browser.find(By.id("conduct")).getText()).contains("回访抽查");
		this.browser.assertFitsOnScreen();
		this.browser.screenshot("assessment-result-phone");

		this.browser.get("/assessment/formula");
		this.browser.assertFitsOnScreen();
	}

}
