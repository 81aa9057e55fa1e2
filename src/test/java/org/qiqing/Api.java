package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Calls the application as a member of the {@link TestWorld}: the API with his token, as
 * an integration would, and the pages in the session of a login with the form, as his
 * browser would. Every {@link IntegrationTest} can have one injected
 * ({@code @Autowired Api api;}).
 */
public final class Api {

	private final MockMvc mvc;

	public Api(MockMvc mvc) {
		this.mvc = mvc;
	}

	public MvcResult get(Member who, String path) throws Exception {
		return this.mvc.perform(as(who, MockMvcRequestBuilders.get(path))).andReturn();
	}

	public MvcResult delete(Member who, String path) throws Exception {
		return this.mvc.perform(as(who, MockMvcRequestBuilders.delete(path))).andReturn();
	}

	public MvcResult post(Member who, String path, String json) throws Exception {
		return this.mvc
			.perform(as(who, MockMvcRequestBuilders.post(path)).contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.header("Idempotency-Key", UUID.randomUUID().toString()))
			.andReturn();
	}

	public MvcResult put(Member who, String path, String json) throws Exception {
		return this.mvc
			.perform(as(who, MockMvcRequestBuilders.put(path)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn();
	}

	/** A PUT naming the version it was made on ({@code If-Match}). */
	public MvcResult put(Member who, String path, int version, String json) throws Exception {
		return this.mvc
			.perform(as(who, MockMvcRequestBuilders.put(path)).contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
				.content(json))
			.andReturn();
	}

	public MvcResult step(Member who, long caseId, int version, String action, String json) throws Exception {
		return this.mvc
			.perform(as(who, MockMvcRequestBuilders.post("/api/v1/cases/" + caseId + "/" + action))
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
				.content(json))
			.andReturn();
	}

	/**
	 * Files a case for the member's own enterprise (or the given one) and returns its id.
	 */
	public long fileCase(Member who, long enterpriseId, long categoryId) throws Exception {
		MvcResult result = post(who, "/api/v1/cases", """
				{"categoryId": %d, "enterpriseId": %d, "title": "用电增容申请进度", "description": "新厂房需要增容，申请已三周无进展。"}"""
			.formatted(categoryId, enterpriseId));
		if (result.getResponse().getStatus() != 201) {
			throw new AssertionError("filing failed: " + result.getResponse().getContentAsString());
		}
		return ((Number) read(result, "$.id")).longValue();
	}

	/**
	 * Files a case for firm A and has dispatcher A accept it and assign it to department
	 * A; returns its id.
	 */
	public long assignedCase(World world) throws Exception {
		long id = fileCase(world.enterpriseA(), world.firmA().getId(), world.category().id());
		int version = version(step(world.dispatcherA(), id, 0, "accept", "{}"));
		MvcResult assigned = step(world.dispatcherA(), id, version, "assign",
				"{\"leadUnitId\": %d}".formatted(world.deptA().getId()));
		if (assigned.getResponse().getStatus() != 200) {
			throw new AssertionError("assigning failed: " + assigned.getResponse().getContentAsString());
		}
		return id;
	}

	/**
	 * Logs the member in with the login form and the world's password, as his browser
	 * would, and answers the session; fails the test if the login does not lead to the
	 * start page.
	 */
	public MockHttpSession login(Member who) throws Exception {
		return login(who.username(), TestWorld.PASSWORD);
	}

	/**
	 * Logs in with the login form under the given name and password and answers the
	 * session; fails the test if the login does not lead to the start page.
	 */
	public MockHttpSession login(String username, String password) throws Exception {
		MvcResult login = submitLogin(username, password);
		assertThat(login.getResponse().getRedirectedUrl()).as("login of " + username).isEqualTo("/");
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	/**
	 * The session of a login with the form, or {@code null} when the login does not lead
	 * to the start page (refused, or waiting for a second factor).
	 */
	public MockHttpSession loginOrNull(String username, String password) throws Exception {
		MvcResult login = submitLogin(username, password);
		return "/".equals(login.getResponse().getRedirectedUrl())
				? (MockHttpSession) login.getRequest().getSession(false) : null;
	}

	/** A page read in a browser's session: the whole answer, whatever its status. */
	public MvcResult page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path).session(session)).andReturn();
	}

	/** The text of a page read in a browser's session, whatever its status. */
	public String pageText(MockHttpSession session, String path) throws Exception {
		return text(page(session, path));
	}

	/**
	 * The text of a page read in a browser's session; fails the test unless it is 200.
	 */
	public String okPageText(MockHttpSession session, String path) throws Exception {
		MvcResult result = page(session, path);
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return text(result);
	}

	/** The text of a page the member reads just after logging in, whatever its status. */
	public String pageText(Member who, String path) throws Exception {
		return pageText(login(who), path);
	}

	/**
	 * The text of a page the member reads just after logging in; fails the test unless it
	 * is 200.
	 */
	public String okPageText(Member who, String path) throws Exception {
		return okPageText(login(who), path);
	}

	/** The body of an answer, read as UTF-8. */
	public static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	public static Object read(MvcResult result, String path) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), path);
	}

	public static int version(MvcResult result) throws Exception {
		return ((Number) read(result, "$.version")).intValue();
	}

	private MvcResult submitLogin(String username, String password) throws Exception {
		return this.mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
	}

	private static MockHttpServletRequestBuilder as(Member who, MockHttpServletRequestBuilder request) {
		return who == null ? request : request.header(HttpHeaders.AUTHORIZATION, who.bearer());
	}

}
