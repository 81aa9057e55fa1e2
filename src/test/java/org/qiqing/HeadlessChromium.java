package org.qiqing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

	/** Options for a phone-sized window, to add to before {@link #start}. */
	public static ChromeOptions phone(Path profile) throws IOException {
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

}
