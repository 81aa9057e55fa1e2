package org.qiqing.organisation;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.organisation.SharedLoginsIntegrationTests.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The first start of a production install, as its README tells an operator to do it: the
 * {@code prod} profile on a new, empty PostgreSQL database with
 * {@code QIQING_ADMIN_PASSWORD} set. The administrator must be able to log in through the
 * login page, and the setting must neither reset an administrator who can log in nor
 * leave the install locked when the last one was disabled.
 */
@IntegrationTest
class ProductionBootstrapIntegrationTests {

	static final String FIRST = "Erste-Anmeldung-2026";

	static final String SECOND = "Zweites-Kennwort-2026";

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmptyProductionDatabaseGetsAnAdministratorWhoCanLogIn() throws Exception {
		String url = this.environment.getProperty("spring.datasource.url");
		assumeTrue(url.startsWith("jdbc:postgresql:"), "the prod profile runs on PostgreSQL");
		String database = "qiqing_bootstrap_" + UUID.randomUUID().toString().replace("-", "");
		String emptyUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
		this.jdbc.execute("create database " + database);
		try {
			try (ConfigurableApplicationContext node = bootstrap(emptyUrl, FIRST)) {
				assertThat(logIn(node, FIRST)).as("the administrator logs in on the first start")
					.doesNotContain("error");
			}
			try (ConfigurableApplicationContext node = bootstrap(emptyUrl, SECOND)) {
				assertThat(logIn(node, SECOND)).as("an administrator who can log in is not reset").contains("error");
				assertThat(logIn(node, FIRST)).doesNotContain("error");
				node.getBean(JdbcTemplate.class).update("update person set enabled = false where username = 'admin'");
			}
			try (ConfigurableApplicationContext node = bootstrap(emptyUrl, SECOND)) {
				assertThat(logIn(node, SECOND)).as("the last administrator, disabled, is given back")
					.doesNotContain("error");
			}
		}
		finally {
			this.jdbc.execute("drop database if exists " + database + " with (force)");
		}
	}

	private static ConfigurableApplicationContext bootstrap(String url, String password) {
		return ProdNode.start(url, "--qiqing.bootstrap.admin-password=" + password);
	}

	private static String logIn(ConfigurableApplicationContext node, String password) throws Exception {
		Browser browser = new Browser();
		String next = browser.logIn(ProdNode.base(node), "admin", password);
		if (!next.contains("error")) {
			// Under prod an administrator's first page is the enrolment of his second
			// factor.
			HttpResponse<String> queue = browser.get(ProdNode.base(node) + "/queue");
			assertThat(queue.statusCode()).isEqualTo(302);
			assertThat(queue.headers().firstValue("Location").orElseThrow()).endsWith("/account/second-factor");
			HttpResponse<String> enrolment = browser.get(ProdNode.base(node) + "/account/second-factor");
			assertThat(enrolment.statusCode()).isEqualTo(200);
			assertThat(enrolment.body()).contains("otpauth://");
		}
		return next;
	}

}
