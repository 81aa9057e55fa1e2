package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One enterprise request walks through the real pages in a real browser: filed by the
 * enterprise on a phone, accepted and assigned by the dispatcher, handled by the lead
 * unit, and rated by the enterprise, again on a phone; and a new contact registers on a
 * phone, is verified by the dispatcher, reads the category's guide, files and asks for a
 * service visit. Runs Debian's headless Chromium with its own ChromeDriver, and is
 * skipped where they are not installed.
 */
@IntegrationTest
class BrowserIntegrationTests {

	private static final Dimension PHONE = new Dimension(HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT);

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	World world;

	@TempDir
	Path temp;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = HeadlessChromium.start(HeadlessChromium.phone(this.temp.resolve("profile")));
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
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
	void enterpriseRequestIsFiledAssignedResolvedAndRatedThroughThePages() throws IOException {
		// Earlier than the category's five working days: a dispatcher may shorten a
		// limit.
		LocalDate due = LocalDate.now(CHINA).plusDays(3);

		use(PHONE);
		loginAs(this.world.enterpriseA());
		String title = "厂区变压器增容申请迟迟未批";
		fillInRequest(title, "新生产线下月投产，需增容至 1250 kVA，申请已递交两个月仍无答复。", pdf("capacity-request.pdf"));
		assertFitsOnThePhone();
		saveScreenshot("new-case-phone");
		String number = submitRequest(title);
		assertThat(caseState()).isEqualTo("待受理");
		// What happens next, not a withdrawal, is what the enterprise sees first.
		assertThat(this.browser.findElement(By.cssSelector("#guide h2")).getText()).contains("一次性告知");
		WebElement withdraw = this.browser.findElement(By.id("step-withdraw"));
		assertThat(withdraw.getDomProperty("open")).isEqualTo("false");
		assertThat(withdraw.findElement(By.tagName("form")).getDomAttribute("data-confirm")).contains("确定撤回");
		assertFitsOnThePhone();
		openMyQueue();
		assertFitsOnThePhone();
		saveScreenshot("queue-phone");
		logout();

		use(DESKTOP);
		loginAs(this.world.dispatcherA());
		saveScreenshot("queue-desktop");
		openCase(number);
		take("accept", form -> note(form, "属惠企政策兑现类，予以受理"));
		assertThat(caseState()).isEqualTo("已受理待交办");
		take("assign", form -> {
			pick(form, "leadUnitId", this.world.deptA().getName());
			setDate(form, "dueDate", due);
		});
		assertThat(caseState()).isEqualTo("已交办");
		assertThat(fact("主办单位")).isEqualTo("嘉善县经信局");
		assertThat(fact("办理时限")).startsWith(due.toString()).contains("个工作日");
		logout();

		loginAs(this.world.handlerA());
		openCase(number);
		take("contact", form -> note(form, "已电话联系王经理，约定明日上门查看"));
		assertThat(caseState()).isEqualTo("办理中");
		take("resolve", form -> {
			assertNothingChosen(form, "outcome");
			chooseValue(form, "outcome", "SOLVED");
			form.findElement(By.name("answer")).sendKeys("已协调供电公司，增容方案本周批复，月底前送电。");
		});
		assertThat(caseState()).isEqualTo("已办结待评价");
		logout();

		use(PHONE);
		loginAs(this.world.enterpriseA());
		openCase(number);
		take("rate", form -> {
			assertNothingChosen(form, "rating");
			chooseValue(form, "rating", "VERY_SATISFIED");
		});
		assertThat(caseState()).isEqualTo("已关闭");
		assertThat(fact("办理结果")).isEqualTo("已解决");
		assertThat(fact("企业评价")).isEqualTo("非常满意");
		assertThat(timelineSteps()).containsExactly("提交", "受理", "交办", "首次联系企业", "办结", "评价");
		assertThat(this.browser.findElements(By.cssSelector("#timeline .files a"))).extracting(WebElement::getText)
			.containsExactly("capacity-request.pdf");
		assertThat(this.browser.findElements(By.cssSelector("#step-rate, #step-reopen"))).isEmpty();
		assertFitsOnThePhone();
		saveScreenshot("case-closed-phone");
		logout();

		// The rating shows on the enterprise's profile, drawn by ECharts, with its
		// tooltip.
		use(DESKTOP);
		loginAs(this.world.dispatcherA());
		this.browser.get(url("/enterprises/" + this.world.firmA().getId()));
		WebElement chart = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#satisfaction-chart canvas")));
		new Actions(this.browser).moveToElement(chart).perform();
		saveScreenshot("enterprise-profile-desktop");
	}

	@Test
	void aContactRegistersIsVerifiedByTheDispatcherReadsTheGuideAndFiles() throws IOException {
		String username = "browser.contact." + System.nanoTime() % 100000;
		String password = "password-1";

		use(PHONE);
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("register-link")).click();
		WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
		form.findElement(By.name("creditCode")).sendKeys(this.world.firmA().getCreditCode().toLowerCase());
		form.findElement(By.name("displayName")).sendKeys("孙丽");
		form.findElement(By.name("phone")).sendKeys("137 " + String.format("%08d", System.nanoTime() % 100_000_000));
		form.findElement(By.name("username")).sendKeys(username);
		form.findElement(By.name("password")).sendKeys(password);
		assertFitsOnThePhone();
		saveScreenshot("register-phone");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/register/status/"));
		assertThat(this.browser.findElement(By.id("registration-status")).getText()).isEqualTo("待审核");
		assertFitsOnThePhone();
		saveScreenshot("register-status-phone");
		String statusPage = this.browser.getCurrentUrl();
		// Not verified yet: the login is refused.
		login(username, password);
		this.wait.until(ExpectedConditions.urlToBe(url("/login?error")));

		use(DESKTOP);
		loginAs(this.world.dispatcherA());
		assertThat(this.browser.findElement(By.id("registrations-badge")).getText()).isNotEqualTo("0");
		this.browser.findElement(By.cssSelector("nav a[href='/registrations']")).click();
		WebElement card = this.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//div[contains(@class,'registration')][.//dd[normalize-space()='" + username + "']]")));
		saveScreenshot("registrations-desktop");
		card.findElement(By.cssSelector("form[action$='/verify'] button")).click();
		assertThat(flash()).isEqualTo("已通过，该联系人现在可以登录。");
		logout();

		use(PHONE);
		this.browser.get(statusPage);
		assertThat(this.browser.findElement(By.id("registration-status")).getText()).isEqualTo("已通过");
		login(username, password);
		this.wait.until(ExpectedConditions.urlToBe(url("/queue")));
		navLink("提交诉求").click();
		WebElement caseForm = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-form")));
		choose(caseForm, "categoryId", this.world.category().name());
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#guide h2")));
		assertThat(this.browser.findElement(By.cssSelector("#guide h2")).getText()).contains("一次性告知");
		caseForm.findElement(By.name("title")).sendKeys("新注册企业联系人的第一件诉求");
		caseForm.findElement(By.name("description")).sendKeys("政策兑现资金迟迟未到账。");
		assertFitsOnThePhone();
		saveScreenshot("registered-files-phone");
		String number = submitRequest("新注册企业联系人的第一件诉求");
		assertThat(caseState()).isEqualTo("待受理");

		// The same contact asks the help office for a service visit.
		navLink("上门服务").click();
		WebElement visit = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-visit-form")));
		visit.findElement(By.name("topic")).sendKeys("消防验收前现场指导");
		visit.findElement(By.name("place")).sendKeys("厂区 3 号车间");
		setDate(visit, "firstDate", LocalDate.now(CHINA).plusDays(3));
		assertFitsOnThePhone();
		saveScreenshot("help-visit-phone");
		visit.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
		assertThat(caseState()).isEqualTo("已交办");
		assertThat(fact("地点")).isEqualTo("厂区 3 号车间");
		assertThat(number).startsWith("QQ-");
		assertFitsOnThePhone();
		saveScreenshot("help-visit-case-phone");
	}

	@Test
	void theApiBrowserRunsUnderTheContentSecurityPolicy() {
		use(DESKTOP);
		this.browser.get(url("/swagger-ui.html"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
		assertThat(this.browser.findElements(By.cssSelector(".swagger-ui .opblock"))).isNotEmpty();
	}

	private void login(String username, String password) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(username);
		this.browser.findElement(By.name("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
	}

	private void loginAs(Member member) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(member.username());
		this.browser.findElement(By.name("password")).sendKeys(TestWorld.PASSWORD);
		this.browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlToBe(url("/queue")));
		assertThat(this.browser.findElement(By.cssSelector(".who .me")).getText()).isEqualTo(member.username());
	}

	private void logout() {
		openMenu();
		this.browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
		this.wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
	}

	private void fillInRequest(String title, String description, Path attachment) {
		navLink("提交诉求").click();
		WebElement form = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-form")));
		assertThat(form.findElement(By.name("title")).getDomProperty("value")).as("a new form's title").isEmpty();
		choose(form, "categoryId", this.world.category().name());
		form.findElement(By.name("title")).sendKeys(title);
		form.findElement(By.name("description")).sendKeys(description);
		form.findElement(By.name("files")).sendKeys(attachment.toAbsolutePath().toString());
	}

	/** Sends the filled-in request and returns the number the new case's page shows. */
	private String submitRequest(String title) {
		this.browser.findElement(By.cssSelector("#case-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
		String number = this.browser.findElement(By.id("case-number")).getText();
		assertThat(number).startsWith("QQ-");
		assertThat(flash()).isEqualTo("事项 " + number + " 已提交");
		assertThat(this.browser.findElement(By.cssSelector(".case-head h1")).getText()).isEqualTo(title);
		return number;
	}

	private void openMyQueue() {
		navLink("我的待办").click();
		this.wait.until(ExpectedConditions.urlToBe(url("/queue")));
	}

	/**
	 * Finds the case by its number among all the cases the person may see, and opens it.
	 */
	private void openCase(String number) {
		navLink("全部事项").click();
		WebElement search = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("q")));
		search.sendKeys(number);
		search.submit();
		// The list may still be swapped in by htmx when the link first shows: click again
		// on the new one.
		this.wait.ignoring(StaleElementReferenceException.class).until(browser -> {
			browser.findElement(By.linkText(number)).click();
			return true;
		});
		this.wait.until(ExpectedConditions.textToBe(By.id("case-number"), number));
	}

	/**
	 * Takes a step on the case page: opens its panel, lets {@code fill} fill the form,
	 * submits it and waits for the page to come back saying the step was done.
	 */
	private void take(String slug, Consumer<WebElement> fill) {
		WebElement step = this.browser.findElement(By.id("step-" + slug));
		if (!Boolean.parseBoolean(step.getDomProperty("open"))) {
			step.findElement(By.tagName("summary")).click();
		}
		WebElement form = this.wait.until(ExpectedConditions.visibilityOf(step.findElement(By.tagName("form"))));
		fill.accept(form);
		form.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.stalenessOf(form));
		assertThat(flash()).as("after the step %s", slug).startsWith("已完成操作");
	}

	private static void note(WebElement form, String text) {
		form.findElement(By.name("note")).sendKeys(text);
	}

	/** On a phone the navigation is behind the menu button: opens it first. */
	private void openMenu() {
		WebElement button = this.browser.findElement(By.cssSelector(".menu-button"));
		if (button.isDisplayed() && !this.browser.findElement(By.cssSelector("header .nav")).isDisplayed()) {
			button.click();
		}
	}

	private WebElement navLink(String text) {
		openMenu();
		return this.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text)));
	}

	/** Picks a unit from the searchable list of radio buttons or checkboxes. */
	private static void pick(WebElement form, String field, String unitName) {
		form.findElement(By.xpath(".//label[@data-name='" + unitName + "'][.//input[@name='" + field + "']]")).click();
	}

	private static void choose(WebElement form, String field, String visibleText) {
		new Select(form.findElement(By.name(field))).selectByVisibleText(visibleText);
	}

	/**
	 * The form presets no answer: the person must choose one (the select is required).
	 */
	private static void assertNothingChosen(WebElement form, String field) {
		WebElement select = form.findElement(By.name(field));
		assertThat(new Select(select).getFirstSelectedOption().getDomProperty("value")).as(field).isEmpty();
		assertThat(select.getDomAttribute("required")).as(field).isNotNull();
	}

	private static void chooseValue(WebElement form, String field, String value) {
		new Select(form.findElement(By.name(field))).selectByValue(value);
	}

	/** Date inputs take keys in the browser's locale format; their value is ISO. */
	private void setDate(WebElement form, String field, LocalDate date) {
		WebElement input = form.findElement(By.name(field));
		script("arguments[0].value = arguments[1];", input, date.toString());
		assertThat(input.getDomProperty("value")).isEqualTo(date.toString());
	}

	private String flash() {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash"))).getText();
	}

	private String caseState() {
		return this.browser.findElement(By.id("case-state")).getText();
	}

	private String fact(String label) {
		// On a phone the facts are folded under their summary.
		WebElement facts = this.browser.findElement(By.cssSelector("details.case-facts"));
		if (!Boolean.parseBoolean(facts.getDomProperty("open"))) {
			facts.findElement(By.tagName("summary")).click();
		}
		return this.browser
			.findElement(
					By.xpath("//dl[@class='facts']/dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
			.getText();
	}

	private List<String> timelineSteps() {
		return this.browser.findElements(By.cssSelector("#timeline > li .what > strong"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private void use(Dimension size) {
		this.browser.manage().window().setSize(size);
		assertThat(script("return window.innerWidth;")).isEqualTo((long) size.width);
	}

	/** Nothing on the page reaches past the phone's screen: no sideways scrolling. */
	private void assertFitsOnThePhone() {
		assertThat(script("""
				const width = document.documentElement.clientWidth;
				return [...document.querySelectorAll('body *')]
					.filter(e => e.getBoundingClientRect().right > width + 0.5)
					.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						+ (e.classList.length ? '.' + [...e.classList].join('.') : '')
						+ ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
				""")).as("elements wider than a %d px phone", PHONE.width)
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
	}

	/** The whole page, as tall as it is, at the window's width. */
	private void saveScreenshot(String name) throws IOException {
		Dimension window = this.browser.manage().window().getSize();
		long frame = (Long) script("return window.outerHeight - window.innerHeight;");
		long page = (Long) script("return document.documentElement.scrollHeight;");
		this.browser.manage()
			.window()
			.setSize(new Dimension(window.width, (int) Math.max(page + frame, window.height)));
		byte[] png = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.BYTES);
		this.browser.manage().window().setSize(window);
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.browser).executeScript(script, args);
	}

	private Path pdf(String name) throws IOException {
		String pdf = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""";
		return Files.writeString(this.temp.resolve(name), pdf, StandardCharsets.US_ASCII);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
