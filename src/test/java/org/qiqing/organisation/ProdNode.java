package org.qiqing.organisation;

import java.util.ArrayList;
import java.util.List;

import org.qiqing.QiqingApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node as production runs it, on a PostgreSQL database of the tests: sessions in the
 * database, no demonstration, and no timers or deliveries of its own.
 */
final class ProdNode {

	private ProdNode() {
	}

	static ConfigurableApplicationContext start(String url, String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + System.getenv().getOrDefault("QIQING_TEST_DB_USER", "postgres"),
				"--qiqing.timers.enabled=false", "--qiqing.notifications.enabled=false"));
		args.addAll(List.of(settings));
		return new SpringApplicationBuilder(QiqingApplication.class).profiles("test", "prod")
			.run(args.toArray(String[]::new));
	}

	static String base(ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
	}

}
