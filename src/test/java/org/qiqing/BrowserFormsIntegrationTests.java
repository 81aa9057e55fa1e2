package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Forms that do not mislead, on a 390 × 844 phone, by touch: the dispatcher finds the
 * lead unit by typing, taps it, ticks co-units in a searchable checklist (one of them a
 * city bureau serving the county) and assigns; the top bar is one line, the steps come
 * before the facts, and no main page of any role scrolls sideways, in Chinese or English.
 */
@IntegrationTest
class BrowserFormsIntegrationTests {

	private static final Dimension PHONE = new Dimension(390, 844);

	private static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "forms");

	@LocalServerPort
	int port;

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	org.qiqing.campaign.CampaignManagement campaigns;

	@Autowired
	org.qiqing.campaign.MeetingManagement meetings;

	@Autowired
	org.qiqing.discipline.DisciplineManagement discipline;

	@Autowired
	org.qiqing.discipline.Disclosures disclosures;

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

	@Test
	void theDispatcherAssignsByTouchFromSearchableListsOfHisUnitsAndThoseServingHim() throws Exception {
		Unit serving = servingJiashan("嘉兴市测试服务局嘉善分局");
		long id = acceptedCase();
		use(PHONE);
		this.person.loginAs(this.world.dispatcherA());
		this.browser.get(url("/cases/" + id));

		// One line of top bar with the messages in sight, and the step before the facts.
		assertThat(height(".top")).as("the top bar's height").isLessThanOrEqualTo(64);
		assertThat(this.browser.findElement(By.cssSelector(".inbox-link")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.cssSelector("header .nav")).isDisplayed()).isFalse();
		WebElement step = this.browser.findElement(By.id("step-assign"));
		assertThat(top(step)).as("where the assign form starts").isLessThan(PHONE.height / 2);
		saveScreenshot("assign-phone");

		WebElement form = step.findElement(By.tagName("form"));
		WebElement lead = form.findElement(By.id("lead-units"));
		type(lead.findElement(By.cssSelector("input[type=search]")), "经信");
		assertThat(shown(lead)).containsExactly(this.world.deptA().getName());
		tap(label(lead, this.world.deptA().getName()));
		assertThat(radio(lead, this.world.deptA()).isSelected()).isTrue();

		WebElement co = form.findElement(By.id("co-units"));
		assertThat(checkbox(co, this.world.deptA()).isEnabled()).as("the lead unit as its own co-unit").isFalse();
		WebElement search = co.findElement(By.cssSelector("input[type=search]"));
		// Without a finger: the keyboard's Enter picks the one unit left.
		type(search, "自规");
		search.sendKeys(Keys.ENTER);
		assertThat(checkbox(co, this.world.otherDeptA()).isSelected()).isTrue();
		type(search, "测试服务");
		assertThat(shown(co)).containsExactly(this.world.otherDeptA().getName(), serving.getName());
		tap(label(co, serving.getName()));
		assertThat(co.findElement(By.cssSelector("[data-checklist-summary]")).getText()).startsWith("已选 2 个");
		saveScreenshot("assign-picked-phone");

		tap(form.findElement(By.cssSelector("button[type=submit]")));
		this.wait.until(ExpectedConditions.stalenessOf(form));
		assertThat(this.browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("已完成操作");
		assertThat(this.browser.findElement(By.id("case-state")).getText()).isEqualTo("已交办");
		tap(this.browser.findElement(By.cssSelector("details.case-facts > summary")));
		assertThat(fact("主办单位")).isEqualTo(this.world.deptA().getName());
		assertThat(fact("协办单位")).contains(this.world.otherDeptA().getName(), serving.getName());
		saveScreenshot("assigned-phone");
	}

	@Test
	void theHandlerTapsToCallTheEnterpriseAndTheEnterpriseDoesNotSeeTheLink() throws Exception {
		long id = new Api(this.mvc).assignedCase(this.world);
		use(PHONE);
		this.person.loginAs(this.world.handlerA());
		this.browser.get(url("/cases/" + id));
		WebElement call = this.browser.findElement(By.cssSelector("#case-contact a[href^='tel:']"));
		assertThat(call.getDomAttribute("href")).isEqualTo("tel:" + this.world.firmA().getContactPhone());
		assertThat(top(call)).isLessThan(PHONE.height / 3);
		saveScreenshot("handler-case-phone");
		this.person.logout();

		// A supervisor oversees and does not call: a masked number, no link.
		this.person.loginAs(this.world.supervisorA());
		this.browser.get(url("/cases/" + id));
		assertThat(this.browser.findElements(By.cssSelector("a[href^='tel:']"))).isEmpty();
		assertThat(this.browser.getPageSource()).doesNotContain(this.world.firmA().getContactPhone());
		this.person.logout();

		this.person.loginAs(this.world.enterpriseA());
		this.browser.get(url("/cases/" + id));
		assertThat(this.browser.findElements(By.id("case-contact"))).isEmpty();
		saveScreenshot("enterprise-case-phone");
	}

	@Test
	void noMainPageOfAnyRoleScrollsSidewaysOnAPhoneInChineseOrEnglish() throws Exception {
		long id = new Api(this.mvc).assignedCase(this.world);
		String firm = "/enterprises/" + this.world.firmA().getId();
		// A campaign and a meeting of county A, set up as its inspector would (the
		// leader's
		// person with the inspector's role), for their pages.
		org.qiqing.organisation.Actor leader = this.world.leaderA().actor();
		org.qiqing.organisation.Actor inspector = new org.qiqing.organisation.Actor(leader.personId(),
				leader.username(), leader.displayName(), leader.unitId(), null, leader.jurisdictionPath(),
				java.util.Set.of(org.qiqing.organisation.Role.INSPECTOR));
		java.time.LocalDate today = java.time.LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		long campaign = this.campaigns.createCampaign(new org.qiqing.campaign.NewCampaign("手机宽度专题教育",
				this.world.centreA().getId(), today.minusDays(3), today.plusDays(30),
				List.of(this.world.deptA().getId(), this.world.otherDeptA().getId()), List.of()), inspector);
		long meeting = this.meetings
			.callMeeting(new org.qiqing.campaign.NewMeeting(org.qiqing.campaign.MeetingKind.BIMONTHLY, campaign,
					this.world.centreA().getId(), today, "县纪委、县委组织部"), inspector);
		this.meetings.addDecision(meeting,
				new org.qiqing.campaign.NewDecision("补齐专题党课", this.world.deptA().getId(), today.plusDays(7)),
				inspector);
		// The public 公示 of a unit's own problems and their rectification.
		this.discipline.selfExamination("一次性告知单表述不清，办事群众需要多次往返才能办结（手机宽度公示）", "窗口一次性告知单", today.plusDays(20),
				this.world.handlerA().actor());
		this.disclosures.publish(this.world.deptA().getId(), inspector);
		String disclosed = "/disclosure/units/" + this.world.deptA().getId();
		Map<Member, List<String>> pages = new LinkedHashMap<>();
		pages.put(this.world.dispatcherA(),
				List.of("/queue", "/cases", "/board", "/cases/" + id, "/cases/new", "/inbox", "/inbox/preferences",
						"/enterprises", firm, "/coverage", "/links", "/admin/enterprises", "/registrations", "/tokens",
						"/evaluation/campaigns", "/evaluation/spot-checks", "/evaluation/flags"));
		pages.put(this.world.handlerA(), List.of("/queue", "/cases", "/cases/" + id, firm, "/campaigns",
				"/campaigns/" + campaign, "/disclosure", disclosed));
		pages.put(this.world.enterpriseA(), List.of("/queue", "/cases/" + id, "/cases/new", "/help-visits/new",
				"/contacts", "/inbox", "/evaluation/invitations"));
		pages.put(this.world.leaderA(),
				List.of("/assignments/new", "/supervision", "/evaluation/flags", "/dashboard",
						"/statistics/definitions", "/assessment", "/assessment/formula", "/account/password",
						"/campaigns", "/campaigns/" + campaign, "/meetings/" + meeting));
		pages.put(this.world.supervisorA(), List.of("/supervision", "/dashboard"));
		pages.put(this.world.admin(), List.of("/admin/units", "/admin/people", "/admin/calendar", "/admin/categories",
				"/admin/audit", "/admin/notifications", "/admin/units/" + this.world.deptA().getId() + "/serves"));
		pages.put(this.world.visitorA(), List.of("/visit", "/visits"));
		List<String> sideways = new ArrayList<>();
		use(PHONE);
		for (Map.Entry<Member, List<String>> role : pages.entrySet()) {
			this.person.loginAs(role.getKey());
			for (String language : List.of("zh_CN", "en")) {
				this.browser.get(url("/queue?lang=" + language));
				for (String page : role.getValue()) {
					this.browser.get(url(page));
					this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.page")));
					Object wide = script(
							"""
									const width = window.innerWidth;
									if (document.documentElement.scrollWidth <= width) { return null; }
									return document.documentElement.scrollWidth + ' px: ' + [...document.querySelectorAll('body *')]
										.filter(e => e.getBoundingClientRect().right > width + 0.5)
										.slice(0, 4)
										.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
											+ (e.classList.length ? '.' + [...e.classList].join('.') : ''))
										.join(', ');
									""");
					if (wide != null) {
						sideways.add(role.getKey().username() + " " + language + " " + page + " " + wide);
					}
				}
			}
			this.browser.get(url("/queue?lang=zh_CN"));
			this.person.logout();
		}
		assertThat(sideways).as("pages wider than a %d px phone", PHONE.width).isEmpty();
	}

	@Test
	void screenshotsAtPhoneAndDesktopWidthsInBothLanguages() throws Exception {
		long id = new Api(this.mvc).assignedCase(this.world);
		for (Member member : List.of(this.world.dispatcherA(), this.world.handlerA(), this.world.enterpriseA())) {
			use(PHONE);
			this.person.loginAs(member);
			for (String language : List.of("zh_CN", "en")) {
				this.browser.get(url("/queue?lang=" + language));
				for (Dimension size : List.of(PHONE, DESKTOP)) {
					use(size);
					String suffix = member.username() + "-" + language + "-" + size.width;
					this.browser.get(url("/queue"));
					saveScreenshot("queue-" + suffix);
					this.browser.get(url("/cases/" + id));
					saveScreenshot("case-" + suffix);
					if (member != this.world.enterpriseA()) {
						this.browser.get(url("/enterprises/" + this.world.firmA().getId()));
						saveScreenshot("profile-" + suffix);
					}
				}
			}
			use(PHONE);
			this.browser.get(url("/queue?lang=zh_CN"));
			this.person.logout();
		}
	}

	/** A city bureau that serves county A, marked so by the city's administrator. */
	private Unit servingJiashan(String name) throws Exception {
		Unit bureau = this.units
			.save(new Unit(AdminFixtures.unique("SRV-"), name, UnitKind.DEPARTMENT, "330400", null));
		int status = this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/units/" + bureau.getId() + "/served-regions")
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"regionCodes\": [\"330421\"]}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(200);
		return bureau;
	}

	private long acceptedCase() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		api.step(this.world.dispatcherA(), id, 0, "accept", "{}");
		return id;
	}

	/** A finger's tap on the middle of the element. */
	private void tap(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center'});", element);
		PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
		Sequence tap = new Sequence(finger, 0)
			.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(element), 0, 0))
			.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
			.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
		this.browser.perform(List.of(tap));
	}

	/** Replaces what the search box holds, key by key as a phone's keyboard types. */
	private void type(WebElement search, String text) {
		tap(search);
		while (!search.getDomProperty("value").isEmpty()) {
			search.sendKeys(Keys.BACK_SPACE);
		}
		search.sendKeys(text);
	}

	private static List<String> shown(WebElement list) {
		return list.findElements(By.cssSelector("label[data-name]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(label -> label.getDomAttribute("data-name"))
			.toList();
	}

	private static WebElement label(WebElement list, String name) {
		return list.findElement(By.cssSelector("label[data-name='" + name + "']"));
	}

	private static WebElement radio(WebElement list, Unit unit) {
		return list.findElement(By.cssSelector("input[value='" + unit.getId() + "']"));
	}

	private static WebElement checkbox(WebElement list, Unit unit) {
		return radio(list, unit);
	}

	private String fact(String label) {
		return this.browser
			.findElement(
					By.xpath("//dl[@class='facts']/dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
			.getText();
	}

	private long height(String selector) {
		return ((Number) script("return document.querySelector(arguments[0]).getBoundingClientRect().height;",
				selector))
			.longValue();
	}

	private long top(WebElement element) {
		return ((Number) script("return arguments[0].getBoundingClientRect().top + window.scrollY;", element))
			.longValue();
	}

	private void use(Dimension size) {
		this.browser.manage().window().setSize(size);
		assertThat(script("return window.innerWidth;")).isEqualTo((long) size.width);
	}

	/** The whole page, as tall as it is, at the window's width. */
	private void saveScreenshot(String name) throws IOException {
		Dimension window = this.browser.manage().window().getSize();
		long frame = (Long) script("return window.outerHeight - window.innerHeight;");
		long page = (Long) script("return document.documentElement.scrollHeight;");
		this.browser.manage()
			.window()
			.setSize(new Dimension(window.width, (int) Math.min(Math.max(page + frame, window.height), 6000)));
		byte[] png = this.browser.getScreenshotAs(OutputType.BYTES);
		this.browser.manage().window().setSize(window);
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.browser).executeScript(script, args);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
