package org.qiqing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver, headless, in a 375-pixel phone window with a fresh
 * profile; a test that needs them is skipped where they are not installed.
 */
public final class HeadlessChromium {

	public static final int WIDTH = 375;

	public static final int HEIGHT = 812;

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/**
	 * Options for a phone-sized window, to add to before {@link #start}; the browser's
	 * console is kept for {@link #contentSecurityPolicyViolations}.
	 */
	public static ChromeOptions phone(Path profile) throws IOException {
		return phone(profile, new LoggingPreferences());
	}

	/** The same, keeping also the logs {@code logs} asks for. */
	public static ChromeOptions phone(Path profile, LoggingPreferences logs) throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
		assumeTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		// Without the networking flags, Chromium calls home at every start, which this
		// closed network refuses.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + Files.createDirectory(profile),
				"--window-size=" + WIDTH + "," + HEIGHT);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		return options;
	}

	public static ChromeDriver start(ChromeOptions options) {
		// A driver executable named here keeps Selenium Manager from looking for (or
		// downloading) a driver or a browser of its own.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * What the browser refused under the Content Security Policy since the last call, as
	 * its console said it: an inline script or style, an eval, a foreign source.
	 */
	public static List<String> contentSecurityPolicyViolations(ChromeDriver browser) {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
	}

}
