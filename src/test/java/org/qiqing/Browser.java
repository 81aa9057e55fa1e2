package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qiqing.TestWorld.Member;

import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

/**
 * A person at a browser, for the tests that use the pages as he does: Debian's headless
 * Chromium ({@link HeadlessChromium}) at a phone's or a desktop's size, logged in through
 * the login form, tapping what is on screen; closing it fails the test if the browser
 * refused anything under the Content Security Policy.
 * <p>
 * A browser test declares one as its fixture, {@code @RegisterExtension final Browser
 * browser = Browser.atPhoneSize();}: a fresh browser (its own profile) is opened on the
 * application's port before each test and closed after it; the test is skipped where
 * Chromium is not installed.
 */
public final class Browser implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

	public static final Dimension PHONE = new Dimension(390, 844);

	public static final Dimension DESKTOP = new Dimension(1366, 900);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Dimension size;

	private ChromeDriver driver;

	private WebDriverWait wait;

	private int port;

	private Path profile;

	private Browser(Dimension size) {
		this.size = size;
	}

	/** The fixture of a test at a phone's size (390 × 844). */
	public static Browser atPhoneSize() {
		return new Browser(PHONE);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.profile = Files.createTempDirectory("qiqing-browser");
		this.driver = HeadlessChromium.start(HeadlessChromium.phone(this.profile.resolve("profile")));
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		resize(this.size);
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (this.driver == null) {
			return;
		}
		try {
			close();
		}
		finally {
			this.driver = null;
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return this.wait;
	}

	public void resize(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public void get(String path) {
		this.driver.get(url(path));
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	/** Logs in with the login form and waits for the page it leads to. */
	public void loginAs(Member member) {
		get("/login");
		find(By.name("username")).sendKeys(member.username());
		find(By.name("password")).sendKeys(TestWorld.PASSWORD);
		find(By.cssSelector("form[action='/login'] button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Logs out; on a phone the logout is behind the menu button with the navigation. */
	public void logout() {
		WebElement menu = find(By.cssSelector(".menu-button"));
		if (menu.isDisplayed() && !find(By.cssSelector("header .nav")).isDisplayed()) {
			menu.click();
		}
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form[action='/logout'] button")))
			.click();
		this.wait.until(ExpectedConditions.urlToBe(url("/login?logout")));
	}

	/** A tap where a person taps: scrolled into view first, as a finger would. */
	public void tap(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	public Object script(String script, Object... args) {
		return this.driver.executeScript(script, args);
	}

	/**
	 * Nothing on the page reaches past the window (a table that scrolls inside its own
	 * {@code .scroll} box aside): no sideways scrolling.
	 */
	public void assertFitsOnScreen() {
		assertThat(script("""
				const width = document.documentElement.clientWidth;
				return [...document.querySelectorAll('body *')]
					.filter(e => !e.closest('.scroll'))
					.filter(e => e.getBoundingClientRect().right > width + 0.5)
					.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						+ ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
				""")).as("elements wider than the %d px window", this.driver.manage().window().getSize().getWidth())
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
		assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
			.as("no sideways scrolling")
			.isEqualTo(true);
	}

	/** The window as it is, to target/screenshots/{name}.png, for a person to look at. */
	public void screenshot(String name) {
		try {
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		List<String> violations = HeadlessChromium.contentSecurityPolicyViolations(this.driver);
		this.driver.quit();
		assertThat(violations).as("refused by the Content Security Policy").isEmpty();
	}

}
