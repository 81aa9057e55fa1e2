package org.qiqing.demo;

import org.qiqing.casework.TimerSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On start: loads the demonstration into an empty database when enabled, then prints
 * where the application listens and how to log in.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	private final DemoSettings settings;

	private final DemoData data;

	private final JdbcClient jdbc;

	private final Environment environment;

	private final TimerSweep sweep;

	private final DemoLoading loading;

	DemoRunner(DemoSettings settings, DemoData data, JdbcClient jdbc, Environment environment, TimerSweep sweep,
			DemoLoading loading) {
		this.loading = loading;
		this.settings = settings;
		this.data = data;
		this.jdbc = jdbc;
		this.environment = environment;
		this.sweep = sweep;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.settings.enabled()) {
			return;
		}
		boolean loaded = this.jdbc.sql("select count(*) from region").query(Integer.class).single() > 0;
		boolean touched = this.jdbc.sql(
				"select (select count(*) from unit) + (select count(*) from enterprise) + (select count(*) from cases)")
			.query(Integer.class)
			.single() > 0;
		if (!loaded && touched) {
			// A first run stopped while it loaded the demonstration can leave part of it
			// behind; loading it again on top would fail on every start, obscurely.
			throw new IllegalStateException("The embedded database holds part of the demonstration: the first run was "
					+ "stopped while it loaded it. Delete ./data and start again.");
		}
		String port = this.environment.getProperty("local.server.port", "8080");
		try {
			if (!loaded) {
				log.info("Loading the Jiaxing demonstration (a minute or two); until it is loaded, "
						+ "http://localhost:{}/ shows a page that says so", port);
				long started = System.nanoTime();
				this.data.load(this.settings);
				// The cases were filed in the past: bring their clocks up to now, as the
				// timers would have.
				TimerSweep.Result swept = this.sweep.sweep();
				log.info("Demonstration data loaded in {} ms ({} timers fired, {} skipped)",
						(System.nanoTime() - started) / 1_000_000, swept.fired(), swept.skipped());
			}
		}
		finally {
			this.loading.finished();
		}
		StringBuilder banner = new StringBuilder("\n\n  企情在线 Qiqing is running: http://localhost:" + port + "/\n");
		banner.append("  Demo logins (password '").append(this.settings.password()).append("'):\n");
		for (DemoData.Login login : DemoData.LOGINS) {
			banner.append(String.format("    %-14s %-11s %s%n", login.username(), login.role(), login.displayName()));
		}
		banner.append(String.format("    %-14s %-11s %s%n", DemoData.ENTERPRISE_LOGIN, "ENTERPRISE", "企业联系人"));
		banner.append(String.format("    %-14s %-11s %s%n", FrontDoor.HELP_DESK_LOGIN, "HANDLER", "嘉善县帮企办"));
		log.info(banner.toString());
	}

}
