package org.qiqing.organisation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of the "prod" profile keep their logins in PostgreSQL: a login made on one is
 * honoured by the other, and requests of one session that arrive together (a phone
 * opening several tabs, a page and its htmx calls) each get their page, though each adds
 * the same new attribute (the CSRF token) to the shared session at the same moment.
 */
@IntegrationTest
class SharedLoginsIntegrationTests {

	static final int TOGETHER = 8;

	@Autowired
	World world;

	@Autowired
	Environment environment;

	@Test
	void aLoginOnOneNodeServesConcurrentRequestsOnAnother() throws Exception {
		String url = this.environment.getProperty("spring.datasource.url");
		assumeTrue(url.startsWith("jdbc:postgresql:"), "the prod profile's shared logins run on PostgreSQL only");
		try (ConfigurableApplicationContext first = ProdNode.start(url);
				ConfigurableApplicationContext second = ProdNode.start(url)) {
			Browser phone = new Browser();
			String dispatcher = this.world.dispatcherA().username();
			phone.logIn(ProdNode.base(first), dispatcher);

			CyclicBarrier barrier = new CyclicBarrier(TOGETHER);
			List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
			for (int i = 0; i < TOGETHER; i++) {
				pages.add(CompletableFuture
					.supplyAsync(() -> phone.getTogether(ProdNode.base(second) + "/queue", barrier)));
			}
			for (CompletableFuture<HttpResponse<String>> page : pages) {
				HttpResponse<String> response = page.get();
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains(dispatcher);
			}
		}
	}

	/** One browser: its session cookie, sent to whichever node answers. */
	static class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newHttpClient();

		private volatile String cookie = "";

		void logIn(String base, String username) throws Exception {
			assertThat(logIn(base, username, TestWorld.PASSWORD)).doesNotContain("error");
		}

		/**
		 * @return where the login sends the browser
		 */
		String logIn(String base, String username, String password) throws Exception {
			HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
			Matcher csrf = CSRF.matcher(form.body());
			assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
			HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1))));
			assertThat(done.statusCode()).isEqualTo(302);
			return done.headers().firstValue("Location").orElseThrow();
		}

		HttpResponse<String> get(String url) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(url)).GET());
		}

		HttpResponse<String> getTogether(String url, CyclicBarrier barrier) {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
				barrier.await();
				return send(request);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			if (!this.cookie.isEmpty()) {
				request.header("Cookie", this.cookie);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers()
				.firstValue("Set-Cookie")
				.ifPresent(set -> this.cookie = set.substring(0, set.indexOf(';')));
			return response;
		}

	}

}
