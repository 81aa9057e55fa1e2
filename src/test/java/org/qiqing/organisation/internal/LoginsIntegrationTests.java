package org.qiqing.organisation.internal;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Units;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logins as an attacker tries them: guessed passwords and tokens wait longer and longer,
 * per account and per address, and are logged and published; a stopped person loses his
 * session at once; sessions end after 12 hours whatever their activity; a new API token
 * never touches the session; the second factor.
 */
@IntegrationTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class LoginsIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-7]{5}-[a-z2-7]{5})</code>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Autowired
	PlatformClock clock;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TestWorld.World world;

	@Autowired
	LoginThrottle throttle;

	private static int addresses;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void wrongPasswordsMakeTheAccountWaitAndTheRightOneDoesNotLogInDuringTheWait() throws Exception {
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		String from = newAddress();
		Instant start = Instant.now();
		this.clock.set(start);
		for (int i = 0; i < 5; i++) {
			assertThat(logIn(handler.username(), "not-" + TestWorld.PASSWORD, from)).isEqualTo("/login?error");
		}

		String refused = logIn(handler.username(), TestWorld.PASSWORD, from);

		assertThat(refused).isEqualTo("/login?error&wait=1");
		assertThat(this.events.stream(AuthenticationFailureLockedEvent.class)).hasSize(1);
		String page = this.mvc.perform(get(refused)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("失败次数过多，请 1 秒后再试");
		// Another address changes nothing: the account itself waits.
		assertThat(logIn(handler.username(), TestWorld.PASSWORD, newAddress())).startsWith("/login?error&wait=");

		this.clock.set(start.plusSeconds(2));
		assertThat(logIn(handler.username(), TestWorld.PASSWORD, from)).isEqualTo("/");
		assertThat(this.jdbc.sql("select count(*) from login_failure where throttle_key = :key")
			.param("key", "account:" + handler.username())
			.query(Integer.class)
			.single()).as("a success forgets the account's failures").isZero();
	}

	@Test
	void oneAddressGuessingManyAccountsWaitsEvenForAnAccountItKnows() throws Exception {
		int threshold = this.environment.getRequiredProperty("qiqing.security.login-throttle.address-failures",
				Integer.class);
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		String from = newAddress();
		// The guesses before the last are counted directly: each would cost a bcrypt
		// here.
		for (int i = 1; i < threshold; i++) {
			this.throttle.loginFailed("nobody" + i, from);
		}
		assertThat(logIn(handler.username(), TestWorld.PASSWORD, from)).isEqualTo("/");
		assertThat(logIn("nobody", "guess-the-last", from)).isEqualTo("/login?error");

		assertThat(logIn(handler.username(), TestWorld.PASSWORD, from)).startsWith("/login?error&wait=");
		assertThat(logIn(handler.username(), TestWorld.PASSWORD, newAddress())).isEqualTo("/");
	}

	@Test
	void everyLoginIsLoggedAndPublishedWithItsAddress(CapturedOutput output) throws Exception {
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		String from = newAddress();

		logIn(handler.username(), "wrong-password-1", from);
		logIn(handler.username(), TestWorld.PASSWORD, from);

		assertThat(output).contains("login failed: user=" + handler.username() + " address=" + from)
			.contains("login succeeded: user=" + handler.username() + " address=" + from);
		assertThat(this.events.stream(AbstractAuthenticationFailureEvent.class))
			.anySatisfy(event -> assertThat(event.getAuthentication().getName()).isEqualTo(handler.username()));
		assertThat(this.events.stream(AuthenticationSuccessEvent.class)).anySatisfy(event -> {
			assertThat(event.getAuthentication().getName()).isEqualTo(handler.username());
			assertThat(((WebAuthenticationDetails) event.getAuthentication().getDetails()).getRemoteAddress())
				.isEqualTo(from);
		});
	}

	@Test
	void badApiTokensMakeTheAddressWaitWith429AndRetryAfter(CapturedOutput output) throws Exception {
		int threshold = this.environment.getRequiredProperty("qiqing.security.login-throttle.token-failures",
				Integer.class);
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		String from = newAddress();
		this.clock.set(Instant.now());
		for (int i = 0; i < threshold; i++) {
			assertThat(status(get("/api/v1/queue").header("Authorization", "Bearer qq_guess" + i).with(address(from))))
				.isEqualTo(401);
		}
		assertThat(this.events.stream(AbstractAuthenticationFailureEvent.class)).hasSize(threshold)
			.allSatisfy(event -> assertThat(event.getAuthentication().getName()).isEqualTo("api-token"));
		assertThat(output).contains("login failed: user=api-token address=" + from);

		MvcResult refused = this.mvc
			.perform(get("/api/v1/queue").header("Authorization", handler.bearer()).with(address(from)))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(status(get("/api/v1/queue").header("Authorization", handler.bearer()).with(address(newAddress()))))
			.isEqualTo(200);
	}

	@Test
	void aStoppedPersonLosesHisSessionAtOnceAndCannotIssueATokenOrUseOne() throws Exception {
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		MockHttpSession session = session(handler.username(), TestWorld.PASSWORD);
		assertThat(status(get("/queue").session(session))).isEqualTo(200);

		Person person = this.people.findById(handler.actor().personId()).orElseThrow();
		person.allowLogin(false);
		this.people.save(person);

		MvcResult issue = this.mvc.perform(post("/tokens").param("name", "late").session(session).with(csrf()))
			.andReturn();
		assertThat(issue.getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
		assertThat(this.mvc.perform(get("/login?ended")).andReturn().getResponse().getContentAsString())
			.contains("您的登录已结束");
		assertThat(session.isInvalid()).isTrue();
		assertThat(this.tokens.of(handler.actor().personId())).extracting(ApiTokens.Issued::name)
			.doesNotContain("late");
		assertThat(status(get("/api/v1/queue").header("Authorization", handler.bearer()))).isEqualTo(401);
	}

	@Test
	void aSessionEndsTwelveHoursAfterItBeganHoweverBusy() throws Exception {
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		MockHttpSession session = session(handler.username(), TestWorld.PASSWORD);
		this.clock.set(Instant.now().plus(Duration.ofHours(11)));
		assertThat(status(get("/queue").session(session))).isEqualTo(200);

		this.clock.set(Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));

		assertThat(this.mvc.perform(get("/queue").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?ended");
	}

	@Test
	void aSessionEndsAfterThirtyIdleMinutes() {
		assertThat(this.environment.getProperty("server.servlet.session.timeout", Duration.class))
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(this.environment.getProperty("qiqing.security.session.absolute", Duration.class))
			.isEqualTo(Duration.ofHours(12));
	}

	@Test
	void aNewTokenIsShownInTheAnswerAndNeverKeptInTheSession() throws Exception {
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		MockHttpSession session = session(handler.username(), TestWorld.PASSWORD);

		MvcResult issued = this.mvc.perform(post("/tokens").param("name", "hotline").session(session).with(csrf()))
			.andReturn();

		assertThat(issued.getResponse().getStatus()).isEqualTo(200);
		Matcher token = Pattern.compile("(qq_[A-Za-z0-9_-]{20,})").matcher(issued.getResponse().getContentAsString());
		assertThat(token.find()).isTrue();
		assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(issued.getFlashMap().isEmpty()).as("no flash attribute").isTrue();
		for (String name : Collections.list(session.getAttributeNames())) {
			assertThat(serialized(session.getAttribute(name))).as(name).doesNotContain(token.group(1));
		}
		assertThat(status(get("/api/v1/queue").header("Authorization", "Bearer " + token.group(1)))).isEqualTo(200);
	}

	@Test
	void theLoginPageTellsNoDemoPasswordOutsideTheDemonstration() throws Exception {
		assertThat(this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
			.doesNotContain("演示账号的密码");
	}

	@Test
	void aPersonWithASecondFactorLogsInWithHisCodeOnceAndWithEachRecoveryCodeOnce() throws Exception {
		Member handler = fixtures().official(AdminFixtures.JIASHAN, Role.HANDLER);
		MockHttpSession session = session(handler.username(), TestWorld.PASSWORD);
		String enrolment = this.mvc.perform(get("/account/second-factor").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(enrolment).contains("otpauth://totp/Qiqing:" + handler.username()).contains("<svg");
		Matcher secret = SECRET.matcher(enrolment);
		assertThat(secret.find()).isTrue();
		byte[] key = Totp.fromBase32(secret.group(1));
		assertThat(confirm(session, "000000")).contains("验证码不正确");
		String confirmed = confirm(session, Totp.code(key, Totp.step(Instant.now())));
		Matcher recovery = RECOVERY.matcher(confirmed);
		assertThat(recovery.results().count()).isEqualTo(SecondFactors.RECOVERY_CODES);
		recovery.reset().find();
		assertThat(this.jdbc.sql("select secret from person_totp where person_id = :id")
			.param("id", handler.actor().personId())
			.query(String.class)
			.single()).as("no secret and no recovery code is kept as given").isNotEqualTo(secret.group(1));

		// The password alone logs in nobody: the code comes after it.
		String from = newAddress();
		MockHttpSession half = new MockHttpSession();
		assertThat(logIn(handler.username(), TestWorld.PASSWORD, from, half)).isEqualTo("/login/totp");
		assertThat(status(get("/queue").accept(MediaType.TEXT_HTML).session(half))).as("sent to log in").isEqualTo(302);
		assertThat(code(half, "123456", from)).isEqualTo("/login/totp?error");
		assertThat(
				this.mvc.perform(get("/login/totp?error").session(half)).andReturn().getResponse().getContentAsString())
			.contains("验证码不正确或已使用");
		this.clock.set(Instant.now().plusSeconds(30));
		String next = Totp.code(key, Totp.step(this.clock.instant()));
		assertThat(code(half, next, from)).isEqualTo("/");
		assertThat(status(get("/queue").session(half))).isEqualTo(200);

		MockHttpSession again = new MockHttpSession();
		logIn(handler.username(), TestWorld.PASSWORD, from, again);
		assertThat(code(again, next, from)).as("a code works once").isEqualTo("/login/totp?error");
		assertThat(code(again, recovery.group(1), from)).isEqualTo("/");
		MockHttpSession third = new MockHttpSession();
		logIn(handler.username(), TestWorld.PASSWORD, from, third);
		assertThat(code(third, recovery.group(1), from)).as("a recovery code works once")
			.isEqualTo("/login/totp?error");
	}

	@Test
	void everyWayOfSettingAPasswordRefusesACommonOne() throws Exception {
		Member admin = fixtures().adminOf(AdminFixtures.JIASHAN);
		MvcResult official = this.mvc
			.perform(post("/api/v1/people").header("Authorization", admin.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "%s", "displayName": "张三", "password": "qwertyuiop", "unitId": %d,
						 "roles": ["HANDLER"]}""".formatted(AdminFixtures.unique("common"), admin.actor().unitId())))
			.andReturn();
		assertThat(official.getResponse().getStatus()).isEqualTo(400);
		assertThat(official.getResponse().getContentAsString()).contains("过于常见");

		MvcResult registrant = this.mvc
			.perform(post("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"creditCode": "%s", "displayName": "王五", "phone": "13900000009", "username": "%s",
						 "password": "1234567890"}""".formatted(this.world.firmA().getCreditCode(),
						AdminFixtures.unique("common"))))
			.andReturn();
		assertThat(registrant.getResponse().getStatus()).isEqualTo(400);
		assertThat(registrant.getResponse().getContentAsString()).contains("过于常见");
	}

	private String confirm(MockHttpSession session, String code) throws Exception {
		return this.mvc.perform(post("/account/second-factor").param("code", code).session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String code(MockHttpSession session, String code, String from) throws Exception {
		return this.mvc
			.perform(post("/login/totp").param("code", code).session(session).with(csrf()).with(address(from)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private AdminFixtures fixtures() {
		return new AdminFixtures(this.regions, this.units, this.people, this.tokens);
	}

	private MockHttpSession session(String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		assertThat(logIn(username, password, newAddress(), session)).isEqualTo("/");
		return session;
	}

	private String logIn(String username, String password, String from) throws Exception {
		return logIn(username, password, from, new MockHttpSession());
	}

	private String logIn(String username, String password, String from, MockHttpSession session) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", username)
				.param("password", password)
				.session(session)
				.with(csrf())
				.with(address(from)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static RequestPostProcessor address(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** An address no other test logs in from. */
	private static synchronized String newAddress() {
		addresses++;
		return "198.51.100." + addresses;
	}

	private static String serialized(Object value) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.toString(StandardCharsets.ISO_8859_1) + value;
	}

}
