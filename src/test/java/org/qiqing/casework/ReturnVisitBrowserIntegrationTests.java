package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.Api;
import org.qiqing.Browser;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A return visit (回访) closes a case through the real page, on a phone (390×844): the
 * service centre's dispatcher finds the resolved case, records who answered for the
 * enterprise, when, how and the level they gave, choosing each from nothing preset; the
 * case closes, and the enterprise reads on its page that it was rated on a return visit.
 * Runs Debian's headless Chromium, and is skipped where it is not installed.
 */
@IntegrationTest
class ReturnVisitBrowserIntegrationTests {

	private static final Dimension PHONE = new Dimension(390, 844);

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformClock clock;

	/** The person at the browser; {@code browser} is his Chromium. */
	@RegisterExtension
	final Browser person = Browser.atPhoneSize();

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		this.browser = this.person.driver();
		this.wait = this.person.waiting();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aDispatcherRecordsAReturnVisitOnAPhoneAndTheCaseCloses() throws Exception {
		long id = resolvedTwoHoursAgo();
		String heard = LocalDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), CHINA)
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();

		this.person.loginAs(this.world.dispatcherA());
		this.browser.get(this.person.url("/cases/" + id));
		WebElement step = this.browser.findElement(By.id("step-return-visit"));
		if (!Boolean.parseBoolean(step.getDomProperty("open"))) {
			step.findElement(By.tagName("summary")).click();
		}
		WebElement form = this.wait.until(ExpectedConditions.visibilityOf(step.findElement(By.tagName("form"))));
		assertNothingChosen(form, "rating");
		assertNothingChosen(form, "answerMethod");
		form.findElement(By.name("respondentName")).sendKeys("王经理");
		form.findElement(By.name("respondentRole")).sendKeys("总经理");
		WebElement when = form.findElement(By.name("answeredAt"));
		this.person.script("arguments[0].value = arguments[1];", when, heard);
		assertThat(when.getDomProperty("value")).isEqualTo(heard);
		new Select(form.findElement(By.name("answerMethod"))).selectByValue("PHONE");
		new Select(form.findElement(By.name("rating"))).selectByValue("SATISFIED");
		form.findElement(By.name("note")).sendKeys("企业表示已送电，生产恢复正常");
		this.person.assertFitsOnScreen();
		this.person.screenshot("return-visit-form-phone");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.stalenessOf(form));
		assertThat(flash()).startsWith("已完成操作");

		assertThat(this.browser.findElement(By.id("case-state")).getText()).isEqualTo("已关闭");
		assertThat(fact("企业评价")).isEqualTo("满意");
		assertThat(fact("评价来源")).startsWith("回访代评").contains("王经理 · 总经理 · 电话回访");
		List<String> steps = this.browser.findElements(By.cssSelector("#timeline > li .what > strong"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(steps).last().isEqualTo("回访");
		assertThat(this.browser.findElements(By.id("step-return-visit"))).isEmpty();
		this.person.assertFitsOnScreen();
		this.person.screenshot("return-visit-closed-phone");
		this.person.logout();

		this.person.loginAs(this.world.enterpriseA());
		this.browser.get(this.person.url("/cases/" + id));
		assertThat(fact("评价来源")).startsWith("回访代评");
		assertThat(this.browser.findElements(By.cssSelector("#step-rate, #step-return-visit"))).isEmpty();
		this.person.assertFitsOnScreen();
	}

	/**
	 * A case of firm A resolved by department A two hours ago, through the API: the
	 * answer an hour ago then falls between its filing and now.
	 */
	private long resolvedTwoHoursAgo() throws Exception {
		this.clock.set(Instant.now().minus(Duration.ofHours(2)));
		Api api = new Api(this.mvc);
		long id = api.assignedCase(this.world);
		int v = Api.version(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id));
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}"));
		MvcResult resolved = api.step(this.world.handlerA(), id, v, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"已协调供电公司送电\"}");
		assertThat(Api.read(resolved, "$.state")).isEqualTo("RESOLVED");
		this.clock.reset();
		return id;
	}

	/**
	 * The form presets no answer: the person must choose one (the select is required).
	 */
	private static void assertNothingChosen(WebElement form, String field) {
		WebElement select = form.findElement(By.name(field));
		assertThat(new Select(select).getFirstSelectedOption().getDomProperty("value")).as(field).isEmpty();
		assertThat(select.getDomAttribute("required")).as(field).isNotNull();
	}

	private String flash() {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText();
	}

	private String fact(String label) {
		// On a phone the facts are folded under their summary: unfold them to read one.
		WebElement facts = this.browser.findElement(By.cssSelector("details.case-facts"));
		if (!"true".equals(facts.getDomProperty("open"))) {
			facts.findElement(By.tagName("summary")).click();
		}
		return this.browser
			.findElement(
					By.xpath("//dl[@class='facts']/dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
			.getText();
	}

}
