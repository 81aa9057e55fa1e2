package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every answer tells the browser to protect the person using it: a Content Security
 * Policy that runs only the application's own script files (and pages that need no
 * other), no framing, no referrer leaving the site, no camera or microphone; session
 * cookies sent only with same-site navigations, and marked Secure with HSTS when
 * production runs behind an HTTPS proxy; the API's description closed in production; and
 * health probes a load balancer may ask without credentials.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

	private static final String CSP = "Content-Security-Policy";

	/** A script element that runs code written in the page. */
	private static final Pattern INLINE_SCRIPT = Pattern
		.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>");

	/** Inline code or style in an element's attributes: onclick=, style=, hx-on…. */
	private static final Pattern INLINE_ATTRIBUTE = Pattern
		.compile("<[a-zA-Z][^>]*\\s(on[a-z]+|style|hx-on[^=]*)\\s*=|javascript:");

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	Environment environment;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	@Test
	void everyPageIsServedWithTheContentSecurityPolicyAndHoldsNoInlineScriptOrStyle() throws Exception {
		MockHttpSession admin = this.api.login(this.world.admin());
		MockHttpSession dispatcher = this.api.login(this.world.dispatcherA());
		List<String> pages = pages();
		assertThat(pages).contains("/login", "/queue", "/cases", "/visit", "/admin/categories");
		List<String> unprotected = new ArrayList<>();
		List<String> inline = new ArrayList<>();
		for (String page : pages) {
			for (MockHttpSession session : List.of(admin, dispatcher)) {
				MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get(page).session(session))
					.andReturn()
					.getResponse();
				if (!hasTheHeaders(response)) {
					unprotected.add(page + " (" + response.getStatus() + ")");
				}
				String type = response.getContentType();
				if (type != null && type.startsWith("text/html")) {
					String html = response.getContentAsString();
					if (INLINE_SCRIPT.matcher(html).find() || INLINE_ATTRIBUTE.matcher(html).find()) {
						inline.add(page);
					}
				}
			}
		}
		assertThat(unprotected).as("pages without the security headers").isEmpty();
		assertThat(inline).as("pages with inline script or style").isEmpty();
	}

	@Test
	void theApiActuatorErrorPagesAndStaticFilesCarryTheHeadersToo() throws Exception {
		for (String path : List.of("/api/v1/queue", "/actuator/health", "/no-such-page", "/css/qiqing.css",
				"/js/visit.js", "/visit-sw.js")) {
			MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get(path))
				.andReturn()
				.getResponse();
			assertThat(hasTheHeaders(response)).as(path).isTrue();
		}
	}

	@Test
	void thePolicyAllowsOnlyTheApplicationsOwnFilesAndNoFraming() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get("/login"))
			.andReturn()
			.getResponse();
		assertThat(directives(response.getHeader(CSP))).contains("default-src 'self'", "script-src 'self'",
				"style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "worker-src 'self'",
				"frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'", "object-src 'none'");
		assertThat(directives(this.mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html"))
			.andReturn()
			.getResponse()
			.getHeader(CSP))).as("the API's browser injects a style element")
			.contains("script-src 'self'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
	}

	@Test
	void pagesBehindTheLoginAreNotKeptByTheBrowser() throws Exception {
		MockHttpServletResponse queue = this.mvc
			.perform(MockMvcRequestBuilders.get("/queue").session(this.api.login(this.world.dispatcherA())))
			.andReturn()
			.getResponse();
		assertThat(queue.getStatus()).isEqualTo(200);
		assertThat(queue.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndPlainHttpGetsNoHsts() throws Exception {
		HttpResponse<String> login = get("http://127.0.0.1:" + this.port, "/login", false);
		assertThat(login.headers().firstValue(HttpHeaders.SET_COOKIE)).hasValueSatisfying(
				cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void loadBalancersAskLivenessAndReadinessWithoutCredentialsAndLearnNoDetails() throws Exception {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get(probe))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(probe).isEqualTo(200);
			assertThat(response.getContentAsString()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void healthDetailsAndMetricsStayForAdministrators() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/metrics", "/actuator/prometheus")) {
			assertThat(status(null, path)).as(path).isEqualTo(401);
			assertThat(status(this.world.dispatcherA(), path)).as(path).isEqualTo(403);
			assertThat(status(this.world.admin(), path)).as(path).isEqualTo(200);
		}
		String health = this.mvc
			.perform(MockMvcRequestBuilders.get("/actuator/health")
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(health).contains("\"components\"", "\"db\"", "\"livenessState\"");
	}

	/**
	 * A node as production runs it, behind a proxy that ends HTTPS and says so with
	 * {@code X-Forwarded-Proto}: its session cookie is Secure and it asks browsers to
	 * come back over HTTPS only; asked over plain HTTP it says neither. It keeps the
	 * API's description and its browser closed.
	 */
	@Test
	void behindAnHttpsProxyProductionSendsSecureCookiesAndHstsAndClosesTheApiDescription() throws Exception {
		String url = this.environment.getProperty("spring.datasource.url");
		assumeTrue(url.startsWith("jdbc:postgresql:"), "the prod profile runs on PostgreSQL only");
		try (ConfigurableApplicationContext node = prodNode(url)) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();

			HttpResponse<String> https = get(base, "/login", true);
			assertThat(https.statusCode()).isEqualTo(200);
			assertThat(https.headers().firstValue(HttpHeaders.SET_COOKIE)).hasValueSatisfying(
					cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
			assertThat(https.headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
			assertThat(https.headers().firstValue(CSP)).isPresent();

			HttpResponse<String> http = get(base, "/login", false);
			assertThat(http.headers().firstValue(HttpHeaders.SET_COOKIE))
				.hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
			assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();

			for (String closed : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
				assertThat(get(base, closed, true).statusCode()).as(closed).isEqualTo(404);
			}
			assertThat(get(base, "/actuator/health/readiness", true).body()).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void productionOpensTheApiDescriptionOnlyWhenTold() {
		assertThat(apiDocsSettings()).containsExactly("true", "true");
		assertThat(apiDocsSettings("prod")).containsExactly("false", "false");
		assertThat(apiDocsSettings("prod", "QIQING_API_DOCS=true")).containsExactly("true", "true");
	}

	/**
	 * springdoc's two switches as application.yml sets them, without starting anything.
	 */
	private static List<String> apiDocsSettings(String... profileAndSettings) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(Nothing.class)
			.web(org.springframework.boot.WebApplicationType.NONE)
			.logStartupInfo(false);
		if (profileAndSettings.length > 0) {
			builder.profiles(profileAndSettings[0]);
		}
		for (int i = 1; i < profileAndSettings.length; i++) {
			builder.properties(profileAndSettings[i]);
		}
		try (ConfigurableApplicationContext context = builder.run()) {
			Environment environment = context.getEnvironment();
			return List.of(environment.getProperty("springdoc.api-docs.enabled", "true"),
					environment.getProperty("springdoc.swagger-ui.enabled", "true"));
		}
	}

	/** An empty application: only its configuration files are read. */
	static class Nothing {

	}

	/**
	 * Every page a browser may open by its address: the GET mappings without a variable.
	 */
	private List<String> pages() {
		return this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.filter(SecurityHeadersIntegrationTests::answersGet)
			.flatMap(info -> info.getPatternValues().stream())
			.filter(path -> !path.startsWith("/api/") && !path.contains("{") && !path.startsWith("/v3/"))
			.distinct()
			.sorted()
			.toList();
	}

	private static boolean answersGet(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() || methods.contains(RequestMethod.GET);
	}

	private static boolean hasTheHeaders(MockHttpServletResponse response) {
		return response.getHeader(CSP) != null && response.getHeader("Referrer-Policy") != null
				&& response.getHeader("Permissions-Policy") != null;
	}

	private static List<String> directives(String policy) {
		assertThat(policy).isNotNull();
		return List.of(policy.split("\\s*;\\s*"));
	}

	private int status(Member who, String path) throws Exception {
		var request = MockMvcRequestBuilders.get(path);
		if (who != null) {
			request.header(HttpHeaders.AUTHORIZATION, who.bearer());
		}
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private static HttpResponse<String> get(String base, String path, boolean overHttps) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (overHttps) {
			request.header("X-Forwarded-Proto", "https");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A node of the "prod" profile on the tests' PostgreSQL database, with no timers or
	 * deliveries of its own (as in {@code SharedLoginsIntegrationTests}).
	 */
	private static ConfigurableApplicationContext prodNode(String url) {
		return new SpringApplicationBuilder(QiqingApplication.class).profiles("test", "prod")
			.run("--server.port=0", "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + System.getenv().getOrDefault("QIQING_TEST_DB_USER", "postgres"),
					"--qiqing.timers.enabled=false", "--qiqing.notifications.enabled=false");
	}

}
