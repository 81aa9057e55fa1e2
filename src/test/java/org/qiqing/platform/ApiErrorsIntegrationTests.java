package org.qiqing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.InputLimitsIntegrationTests.assertProblem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.QiqingApplication;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every API error is an RFC 9457 problem detail, also those no controller answers (an
 * unknown path, a wrong method, Content-Type or Accept) and those of a database that
 * cannot be reached (503 with Retry-After); pages answer the same failures readably.
 */
@IntegrationTest
class ApiErrorsIntegrationTests {

	@Autowired
	World world;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void whatNoControllerAnswersIsAProblemDetailToo() throws Exception {
		Member who = this.world.dispatcherA();
		assertProblem(send(this.port, request(who, "/api/v1/no-such-thing")), 404);
		assertProblem(send(this.port, request(who, "/api/v2/cases").POST(noBody())), 404);
		HttpResponse<String> method = send(this.port, request(who, "/api/v1/queue").DELETE());
		assertProblem(method, 405);
		assertThat(method.headers().firstValue("Allow")).isPresent();
		HttpResponse<String> type = send(this.port, request(who, "/api/v1/cases").header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("用电增容")));
		assertProblem(type, 415);
		assertProblem(send(this.port, request(who, "/api/v1/queue").header("Accept", "application/xml")), 406);
		// Without a token the API still answers in its own way.
		assertProblem(send(this.port, HttpRequest.newBuilder(uri(this.port, "/api/v1/no-such-thing"))), 401);
	}

	@Test
	void anEnterpriseContactIsRefusedTheSupervisionDeskWith403() throws Exception {
		for (String list : List.of("watch", "verification", "bulletin", "orders")) {
			assertProblem(send(this.port, request(this.world.enterpriseA(), "/api/v1/supervision/" + list)), 403);
			assertThat(send(this.port, request(this.world.supervisorA(), "/api/v1/supervision/" + list)).statusCode())
				.isEqualTo(200);
		}
	}

	/**
	 * A second node whose database stops letting it in (its pool's connections dropped,
	 * new ones refused) answers 503 with Retry-After: the API as a problem detail, a page
	 * readably. Its pool waits a second for a connection, not thirty.
	 */
	@Test
	void anUnreachableDatabaseAnswers503WithRetryAfter() throws Exception {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(QiqingApplication.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.hikari.connection-timeout=1000")) {
			int port = ((WebServerApplicationContext) other).getWebServer().getPort();
			HikariDataSource pool = other.getBean(HikariDataSource.class);
			pool.getHikariConfigMXBean().setUsername("nobody");
			pool.getHikariConfigMXBean().setPassword("wrong");
			pool.getHikariPoolMXBean().softEvictConnections();

			HttpResponse<String> api = send(port, request(this.world.dispatcherA(), "/api/v1/queue"));
			assertProblem(api, 503);
			assertThat(api.headers().firstValue("Retry-After")).contains("10");
			HttpResponse<String> filing = send(port,
					request(this.world.enterpriseA(), "/api/v1/cases").header("Content-Type", "application/json")
						.header("Idempotency-Key", "outage")
						.POST(HttpRequest.BodyPublishers.ofString("{}")));
			assertProblem(filing, 503);
			HttpResponse<String> page = send(port, HttpRequest.newBuilder(uri(port, "/register/status/any-code")));
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).contains("10");
			assertThat(page.body()).contains("系统暂时无法访问数据库");
		}
	}

	private static HttpRequest.BodyPublisher noBody() {
		return HttpRequest.BodyPublishers.noBody();
	}

	private HttpRequest.Builder request(Member who, String path) {
		return HttpRequest.newBuilder(uri(this.port, path)).header("Authorization", who.bearer());
	}

	private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
		HttpRequest built = request.build();
		HttpRequest toPort = HttpRequest.newBuilder(built, (name, value) -> true)
			.uri(uri(port, built.uri().getRawPath()))
			.build();
		return this.http.send(toPort, HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
