package org.qiqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limits every input is held to, answered the same way on H2 and PostgreSQL: the cap
 * on JSON bodies (413), paging parameters and NUL characters (400 naming the field),
 * fields of the wrong type or an unknown code (400 naming the field). Sent over real
 * HTTP, so that what the servlet container answers itself is seen as a client sees it.
 */
@IntegrationTest
class InputLimitsIntegrationTests {

	private static final int CAP = 1024 * 1024;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void aJsonBodyOverTheCapIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
		byte[] body = paddedCase(CAP + 200_000);
		long before = cases();
		HttpResponse<String> declared = send(
				post(this.world.enterpriseA(), "/api/v1/cases", HttpRequest.BodyPublishers.ofByteArray(body)));
		assertProblem(declared, 413);
		HttpResponse<String> chunked = send(post(this.world.enterpriseA(), "/api/v1/cases",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
		assertProblem(chunked, 413);
		HttpResponse<String> idempotent = send(post(this.world.enterpriseA(), "/api/v1/cases",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.header("Idempotency-Key", UUID.randomUUID().toString()));
		assertProblem(idempotent, 413);
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aBodyUnderTheCapIsTakenAndARetryWithItsKeyGetsTheFirstAnswer() throws Exception {
		byte[] body = paddedCase(CAP - 1_000);
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = send(post(this.world.enterpriseA(), "/api/v1/cases",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.header("Idempotency-Key", key));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		HttpResponse<String> retry = send(
				post(this.world.enterpriseA(), "/api/v1/cases", HttpRequest.BodyPublishers.ofByteArray(body))
					.header("Idempotency-Key", key));
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(retry.body()).isEqualTo(first.body());
		byte[] other = paddedCase(CAP - 1_001);
		HttpResponse<String> reused = send(
				post(this.world.enterpriseA(), "/api/v1/cases", HttpRequest.BodyPublishers.ofByteArray(other))
					.header("Idempotency-Key", key));
		assertProblem(reused, 422);
	}

	@Test
	void everyListRefusesANegativePageAndASizeOutOfRangeNamingTheParameter() throws Exception {
		Map<String, Member> lists = Map.of("/api/v1/cases", this.world.dispatcherA(), "/api/v1/queue",
				this.world.dispatcherA(), "/api/v1/enterprises", this.world.dispatcherA(), "/api/v1/people",
				this.world.admin(), "/api/v1/links", this.world.dispatcherA(), "/api/v1/coverage", this.world.leaderA(),
				"/api/v1/enterprises/" + this.world.firmA().getId() + "/profile", this.world.dispatcherA(),
				"/api/v1/notifications", this.world.handlerA(), "/api/v1/visits", this.world.visitorA(),
				"/api/v1/audit", this.world.admin());
		for (Map.Entry<String, Member> list : lists.entrySet()) {
			String path = list.getKey();
			Member who = list.getValue();
			assertThat(get(who, path).statusCode()).as(path).isEqualTo(200);
			assertThat(errors(assertProblem(get(who, path + "?page=-1"), 400))).as(path).containsKey("page");
			assertThat(errors(assertProblem(get(who, path + "?size=0"), 400))).as(path).containsKey("size");
			assertThat(errors(assertProblem(get(who, path + "?size=1001"), 400))).as(path).containsKey("size");
			assertThat(errors(assertProblem(get(who, path + "?page=many"), 400))).as(path).containsKey("page");
			HttpResponse<String> far = get(who, path + "?page=" + Integer.MAX_VALUE + "&size=100");
			assertThat(far.statusCode()).as(path + ": " + far.body()).isEqualTo(200);
		}
	}

	@Test
	void pagesClampAPageOutOfRangeAndExplainAParameterOfTheWrongType() throws Exception {
		HttpClient browser = logIn(this.world.dispatcherA());
		for (String page : List.of("/queue?page=-1&size=0", "/cases?page=-1", "/cases?page=" + Integer.MAX_VALUE,
				"/enterprises?page=" + Integer.MAX_VALUE,
				"/enterprises/" + this.world.firmA().getId() + "?page=" + Integer.MAX_VALUE,
				"/links?page=" + Integer.MAX_VALUE, "/coverage?page=" + Integer.MAX_VALUE)) {
			HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri(page)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
		}
		HttpResponse<String> typo = browser.send(HttpRequest.newBuilder(uri("/cases?page=two")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(typo.statusCode()).isEqualTo(400);
		assertThat(typo.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(typo.body()).contains("输入有误");
	}

	@Test
	void aNulCharacterInASearchOrAFieldIsRefusedNamingItAndNothingIsKept() throws Exception {
		HttpResponse<String> search = get(this.world.dispatcherA(), "/api/v1/cases?q=" + enc("用电\0增容"));
		assertThat(errors(assertProblem(search, 400))).containsKey("q");
		long before = cases();
		HttpResponse<String> title = send(
				post(this.world.enterpriseA(), "/api/v1/cases", HttpRequest.BodyPublishers.ofString("""
						{"categoryId": %d, "enterpriseId": %d, "title": "用电\\u0000增容", "description": "x"}"""
					.formatted(this.world.category().id(), this.world.firmA().getId()))));
		assertThat(errors(assertProblem(title, 400))).containsKey("title");
		assertThat(cases()).isEqualTo(before);

		HttpClient browser = logIn(this.world.dispatcherA());
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/cases?q=" + enc("用电\0增容"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("输入有误").contains("q不能包含 NUL 字符");
	}

	@Test
	void aFieldOfTheWrongTypeOrAnUnknownCodeIsNamedWithWhatItTakes() throws Exception {
		Map<String, String> number = errors(assertProblem(file("""
				{"categoryId": "many", "title": "t", "description": "d"}"""), 400));
		assertThat(number).containsEntry("categoryId", "categoryId须为整数");
		Map<String, String> code = errors(assertProblem(file("""
				{"kind": "PETITION", "categoryId": 1, "title": "t", "description": "d"}"""), 400));
		assertThat(code.get("kind")).contains("ENTERPRISE_REQUEST").contains("LEADER_ASSIGNMENT");
		Map<String, String> date = errors(assertProblem(file("""
				{"categoryId": 1, "title": "t", "description": "d", "dueDate": "next friday"}"""), 400));
		assertThat(date).containsKey("dueDate");
		Map<String, String> listed = errors(assertProblem(file("""
				{"categoryId": 1, "title": "t", "description": "d", "coUnitIds": [1, "x"]}"""), 400));
		assertThat(listed).containsKey("coUnitIds[1]");
		Map<String, String> broken = errors(assertProblem(file("{\"categoryId\": 1, "), 400));
		assertThat(broken).containsKey("body");
		Map<String, String> state = errors(
				assertProblem(get(this.world.dispatcherA(), "/api/v1/cases?state=LOST"), 400));
		assertThat(state.get("state")).contains("SUBMITTED");
	}

	private HttpResponse<String> file(String json) throws Exception {
		return send(post(this.world.enterpriseA(), "/api/v1/cases", HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A valid case whose JSON is padded with white space to the given length. */
	private byte[] paddedCase(int length) {
		String json = """
				{"categoryId": %d, "enterpriseId": %d, "title": "用电增容申请进度", "description": "新厂房需要增容。\""""
			.formatted(this.world.category().id(), this.world.firmA().getId());
		byte[] start = json.getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[length];
		java.util.Arrays.fill(body, (byte) ' ');
		System.arraycopy(start, 0, body, 0, start.length);
		body[length - 1] = '}';
		return body;
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from cases").query(Long.class).single();
	}

	static Map<String, String> errors(HttpResponse<String> problem) {
		return JsonPath.read(problem.body(), "$.errors");
	}

	/** Asserts an RFC 9457 problem detail of the status, and returns it. */
	static HttpResponse<String> assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(response.body(), "$.type")).isNotBlank();
		assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
		return response;
	}

	private HttpResponse<String> get(Member who, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", who.bearer()));
	}

	private HttpRequest.Builder post(Member who, String path, BodyPublisher body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", who.bearer())
			.header("Content-Type", "application/json")
			.POST(body);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A browser logged in through the login form. */
	private HttpClient logIn(Member who) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String fields = "username=" + who.username() + "&password=" + TestWorld.PASSWORD + "&_csrf="
				+ enc(csrf.group(1));
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(fields))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

}
