package org.qiqing.organisation;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.QiqingApplication;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Logins under {@code prod}, whose sessions live in PostgreSQL for every node: a new API
 * token never reaches {@code spring_session_attributes}; a person stopped through one
 * node's API loses his sessions in the database at once; an administrator without a
 * second factor may do nothing before he sets one up.
 */
@IntegrationTest
class LoginsAcrossNodesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("(qq_[A-Za-z0-9_-]{20,})");

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Test
	void tokensStayOutOfSharedSessionsAndStoppedPeopleLoseThemAndAdministratorsEnrolFirst() throws Exception {
		String url = this.environment.getProperty("spring.datasource.url");
		assumeTrue(url.startsWith("jdbc:postgresql:"), "the prod profile's shared logins run on PostgreSQL only");
		AdminFixtures fixtures = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
		Member handler = fixtures.official(AdminFixtures.JIASHAN, Role.HANDLER);
		Member admin = fixtures.adminOf(AdminFixtures.JIASHAN);
		try (ConfigurableApplicationContext node = prodNode(url)) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
			Browser browser = new Browser(base);
			browser.logIn(handler.username());

			HttpResponse<String> issued = browser.post("/tokens", "name=hotline");
			assertThat(issued.statusCode()).isEqualTo(200);
			Matcher token = TOKEN.matcher(issued.body());
			assertThat(token.find()).isTrue();
			List<byte[]> attributes = this.jdbc.sql("select attribute_bytes from spring_session_attributes")
				.query(byte[].class)
				.list();
			assertThat(attributes).isNotEmpty()
				.allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
					.doesNotContain(token.group(1)));

			assertThat(sessionsOf(handler.username())).isOne();
			HttpResponse<String> stopped = browser.http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people/" + handler.actor().personId()))
					.header("Authorization", admin.bearer())
					.header("Content-Type", "application/json")
					.header("If-Match", "\"0\"")
					.PUT(HttpRequest.BodyPublishers.ofString("""
							{"displayName": "停用", "unitId": %d, "roles": ["HANDLER"], "enabled": false}"""
						.formatted(handler.actor().unitId())))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
			assertThat(sessionsOf(handler.username())).as("his session is gone for every node").isZero();
			assertThat(browser.get("/queue").statusCode()).as("no longer logged in").isIn(302, 401);

			Browser administrator = new Browser(base);
			administrator.logIn(admin.username());
			assertThat(administrator.get("/queue").headers().firstValue("Location").orElseThrow())
				.endsWith("/account/second-factor");
			assertThat(administrator.get("/account/second-factor").body()).contains("otpauth://totp/");
		}
	}

	/**
	 * A page read within a minute of the last one writes nothing to the shared session
	 * (its last-access time moves by the minute), and the login goes on.
	 */
	@Test
	void pagesReadWithinAMinuteLeaveTheSharedSessionUnwritten() throws Exception {
		String url = this.environment.getProperty("spring.datasource.url");
		assumeTrue(url.startsWith("jdbc:postgresql:"), "the prod profile's shared logins run on PostgreSQL only");
		Member handler = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
			.official(AdminFixtures.JIASHAN, Role.HANDLER);
		try (ConfigurableApplicationContext node = prodNode(url)) {
			Browser browser = new Browser(
					"http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort());
			browser.logIn(handler.username());
			assertThat(browser.get("/queue").statusCode()).isEqualTo(200);
			long written = lastAccessOf(handler.username());
			Thread.sleep(20);
			assertThat(browser.get("/queue").statusCode()).isEqualTo(200);
			assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
			assertThat(lastAccessOf(handler.username())).isEqualTo(written);
		}
	}

	private long lastAccessOf(String username) {
		return this.jdbc.sql("select last_access_time from spring_session where principal_name = :name")
			.param("name", username)
			.query(Long.class)
			.single();
	}

	private int sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :name")
			.param("name", username)
			.query(Integer.class)
			.single();
	}

	private static ConfigurableApplicationContext prodNode(String url) {
		return new SpringApplicationBuilder(QiqingApplication.class).profiles("test", "prod")
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + System.getenv().getOrDefault("QIQING_TEST_DB_USER", "postgres"),
					"--qiqing.timers.enabled=false", "--qiqing.notifications.enabled=false");
	}

	/**
	 * One browser on one node: its session cookie and the CSRF token of its last page.
	 */
	private static final class Browser {

		private final HttpClient http = HttpClient.newHttpClient();

		private final String base;

		private String cookie = "";

		private String csrf = "";

		Browser(String base) {
			this.base = base;
		}

		void logIn(String username) throws Exception {
			get("/login");
			HttpResponse<String> done = post("/login", "username=" + username + "&password=" + TestWorld.PASSWORD);
			assertThat(done.statusCode()).isEqualTo(302);
			assertThat(done.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			if (!path.equals("/login")) {
				get(path);
			}
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form + "&_csrf=" + URLEncoder.encode(this.csrf, StandardCharsets.UTF_8))));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			if (!this.cookie.isEmpty()) {
				request.header("Cookie", this.cookie);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers()
				.firstValue("Set-Cookie")
				.ifPresent(set -> this.cookie = set.substring(0, set.indexOf(';')));
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response;
		}

	}

}
