package org.qiqing.organisation.web;

import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administration on pages and in the API: an administrator of 嘉善县 creates, edits,
 * disables and restores the people and units of his county and nobody else's; a password
 * reset gives a one-time password that must be changed at the next login.
 */
@IntegrationTest
class AdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Regions regions;

	@Autowired
	People people;

	@Autowired
	Units units;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	AdminFixtures fixtures;

	Member jiashanAdmin;

	@BeforeEach
	void jiashanAdmin() {
		this.fixtures = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
		this.jiashanAdmin = this.fixtures.adminOf(AdminFixtures.JIASHAN);
	}

	@Test
	void anAdministratorOfJiashanCannotTouchHainingsPeopleOrUnits() throws Exception {
		Member hainingOfficial = this.fixtures.official(AdminFixtures.HAINING, Role.DISPATCHER);
		long person = hainingOfficial.actor().personId();
		Unit hainingUnit = this.fixtures.unitIn(AdminFixtures.HAINING);

		call(put("/api/v1/people/" + person).header(HttpHeaders.IF_MATCH, "\"0\""), personBody(hainingUnit.getId()))
			.andExpect(status().isNotFound());
		call(post("/api/v1/people/" + person + "/disable").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isNotFound());
		call(post("/api/v1/people/" + person + "/password-reset").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isNotFound());
		call(post("/api/v1/people"), """
				{"username": "%s", "displayName": "越权", "password": "a-long-password-1", "unitId": %d,
				 "roles": ["HANDLER"]}""".formatted(AdminFixtures.unique("hn."), hainingUnit.getId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.unitId").exists());
		call(post("/api/v1/units/" + hainingUnit.getId() + "/disable").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isForbidden());
		call(put("/api/v1/units/" + hainingUnit.getId()).header(HttpHeaders.IF_MATCH, "\"0\""), """
				{"name": "越权", "kind": "DEPARTMENT", "regionCode": "330481"}""").andExpect(status().isForbidden());

		MockHttpSession session = this.api.login(this.jiashanAdmin);
		assertThat(
				this.mvc.perform(get("/admin/people/" + person).session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/admin/units/" + hainingUnit.getId()).session(session))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(post("/admin/people/" + person + "/disable").param("version", "0").session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(post("/admin/units/" + hainingUnit.getId() + "/disable").param("version", "0")
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		Person after = this.people.findById(person).orElseThrow();
		assertThat(after.isEnabled()).isTrue();
		assertThat(after.getDisplayName()).isNotEqualTo("越权");
		assertThat(this.units.findById(hainingUnit.getId()).orElseThrow().isEnabled()).isTrue();
		// Nor does Haining show on his lists.
		String list = body(
				this.mvc.perform(get("/admin/people").param("q", hainingOfficial.username()).session(session))
					.andReturn());
		assertThat(list).doesNotContain("<td class=\"number\">" + hainingOfficial.username() + "</td>")
			.contains("没有符合条件");
	}

	@Test
	void anAdministratorOfJiashanCreatesEditsDisablesAndRestoresHisOwn() throws Exception {
		Unit unit = this.fixtures.unitIn(AdminFixtures.JIASHAN);
		String username = AdminFixtures.unique("js.");
		String location = call(post("/api/v1/people"), """
				{"username": "%s", "displayName": "嘉善新人", "password": "a-long-password-1", "unitId": %d,
				 "jurisdictionCode": "330421", "roles": ["DISPATCHER"]}""".formatted(username, unit.getId()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		call(put(location).header(HttpHeaders.IF_MATCH, "\"0\""), personBody(unit.getId())).andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("改名"))
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
		call(post(location + "/disable").header(HttpHeaders.IF_MATCH, "\"1\"")).andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		// A second administrator who read version 1 is told that it changed.
		call(post(location + "/restore").header(HttpHeaders.IF_MATCH, "\"1\""))
			.andExpect(status().isPreconditionFailed());
		call(post(location + "/restore").header(HttpHeaders.IF_MATCH, "\"2\"")).andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true));

		// The list names his role and jurisdiction, not their codes, and filters by them.
		call(get("/api/v1/people").param("q", username).param("role", "DISPATCHER").param("status", "active"))
			.andExpect(jsonPath("$.items[0].username").value(username))
			.andExpect(jsonPath("$.items[0].jurisdictionName").value("嘉善县"))
			.andExpect(jsonPath("$.items[0].unitName").value(unit.getName()))
			.andExpect(jsonPath("$.items[0].roles[0]").value("DISPATCHER"));
		call(get("/api/v1/people").param("q", username).param("status", "disabled"))
			.andExpect(jsonPath("$.items").isEmpty());
		MockHttpSession session = this.api.login(this.jiashanAdmin);
		String page = body(this.mvc.perform(get("/admin/people").param("q", username).session(session)).andReturn());
		assertThat(page).contains("嘉善县").contains("受理分拨").doesNotContain(">330421<");

		// A unit of his county: disabled only once nobody of it may log in.
		Unit own = this.fixtures.unitIn(AdminFixtures.JIASHAN);
		call(post("/api/v1/units/" + own.getId() + "/disable").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		call(post("/api/v1/units/" + unit.getId() + "/disable").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isConflict());
		assertThat(this.units.findById(unit.getId()).orElseThrow().isEnabled()).isTrue();
		// Each change is in the audit log.
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("select detail from audit_entry where target_kind = 'person' and target_id = :id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list()).contains("created", "changed", "disabled", "restored");
	}

	@Test
	void aUnitIsCreatedAndEditedOnItsPage() throws Exception {
		MockHttpSession session = this.api.login(this.jiashanAdmin);
		String code = AdminFixtures.unique("PG-");
		MvcResult created = this.mvc
			.perform(post("/admin/units").param("code", code)
				.param("name", "嘉善县商务局")
				.param("kind", "DEPARTMENT")
				.param("regionCode", "330421")
				.session(session)
				.with(csrf()))
			.andReturn();
		Unit unit = this.units.findByCode(code).orElseThrow();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/units/" + unit.getId());
		this.mvc
			.perform(post("/admin/units/" + unit.getId()).param("version", "0")
				.param("name", "嘉善县商务局（外事办）")
				.param("kind", "OFFICE")
				.param("regionCode", "330421100")
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/units/" + unit.getId()));
		// The same form again, at the version it was read at: refused, the page says why.
		String stale = body(this.mvc
			.perform(post("/admin/units/" + unit.getId()).param("version", "0")
				.param("name", "旧名")
				.param("kind", "OFFICE")
				.param("regionCode", "330421")
				.session(session)
				.with(csrf()))
			.andReturn());
		assertThat(stale).contains("其他人刚刚修改过");
		Unit after = this.units.findById(unit.getId()).orElseThrow();
		assertThat(after.getName()).isEqualTo("嘉善县商务局（外事办）");
		assertThat(after.getRegionCode()).isEqualTo("330421100");
		String form = body(this.mvc.perform(get("/admin/units/" + unit.getId()).session(session)).andReturn());
		assertThat(form).contains("西塘镇").contains("嘉善县商务局（外事办）");
		// Disabled, then restored, each at the version read.
		changeAtVersion("/admin/units/" + unit.getId() + "/disable", after.getVersion(), session);
		Unit disabled = this.units.findById(unit.getId()).orElseThrow();
		assertThat(disabled.isEnabled()).isFalse();
		changeAtVersion("/admin/units/" + unit.getId() + "/restore", disabled.getVersion(), session);
		assertThat(this.units.findById(unit.getId()).orElseThrow().isEnabled()).isTrue();
	}

	/** Posts a change on a unit's page at a version and expects the unit's page back. */
	private void changeAtVersion(String path, int version, MockHttpSession session) throws Exception {
		this.mvc.perform(post(path).param("version", String.valueOf(version)).session(session).with(csrf()))
			.andExpect(redirectedUrl(path.substring(0, path.lastIndexOf('/'))));
	}

	@Test
	void aResetPasswordIsShownOnceAndMustBeChangedAtTheNextLogin() throws Exception {
		Member official = this.fixtures.official(AdminFixtures.JIASHAN, Role.HANDLER);
		long id = official.actor().personId();
		MockHttpSession before = this.api.login(official);
		assertThat(this.mvc.perform(get("/queue").session(before)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		MvcResult reset = call(post("/api/v1/people/" + id + "/password-reset").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.person.mustChangePassword").value(true))
			.andReturn();
		String oneTime = JsonPath.read(reset.getResponse().getContentAsString(), "$.oneTimePassword");
		assertThat(oneTime).hasSize(14);
		// Only its hash is kept.
		assertThat(this.jdbc.sql("select password_hash from person where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).doesNotContain(oneTime);

		// The session he had before the reset may do nothing but change the password,
		// which needs the one-time password.
		this.mvc.perform(get("/queue").session(before)).andExpect(redirectedUrl("/account/password"));
		// The old password no longer logs in; the one-time password does, to the same
		// page only.
		assertThat(this.mvc.perform(formLogin().user(official.username()).password(TestWorld.PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).contains("error");
		MockHttpSession session = this.api.login(official.username(), oneTime);
		this.mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/account/password"));
		String page = body(this.mvc.perform(get("/account/password").session(session)).andReturn());
		assertThat(page).contains("管理员已重置您的密码");

		String wrong = body(this.mvc
			.perform(post("/account/password").param("current", "not-it")
				.param("password", "my-own-password-7")
				.param("repeated", "my-own-password-7")
				.session(session)
				.with(csrf()))
			.andReturn());
		assertThat(wrong).contains("当前密码不正确");
		String weak = body(this.mvc
			.perform(post("/account/password").param("current", oneTime)
				.param("password", "short")
				.param("repeated", "short")
				.session(session)
				.with(csrf()))
			.andReturn());
		assertThat(weak).contains("密码须为 10～72 个字符");
		this.mvc
			.perform(post("/account/password").param("current", oneTime)
				.param("password", "my-own-password-7")
				.param("repeated", "my-own-password-7")
				.session(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/account/password"));

		assertThat(this.people.findById(id).orElseThrow().isMustChangePassword()).isFalse();
		assertThat(this.mvc.perform(get("/queue").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("select detail from audit_entry where target_kind = 'person' and target_id = :id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list()).contains("password reset", "own password changed");
	}

	@Test
	void aPersonCreatedOnThePageGetsAOneTimePassword() throws Exception {
		Unit unit = this.fixtures.unitIn(AdminFixtures.JIASHAN);
		MockHttpSession session = this.api.login(this.jiashanAdmin);
		String username = AdminFixtures.unique("pg.");
		MvcResult created = this.mvc
			.perform(post("/admin/people").param("username", username)
				.param("displayName", "页面新人")
				.param("unitId", Long.toString(unit.getId()))
				.param("jurisdictionCode", "330421")
				.param("roles", "DISPATCHER", "SUPERVISOR")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(created.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		String page = body(created);
		assertThat(page).contains("一次性密码").contains("id=\"one-time-password\"");
		Person person = this.people.findByUsername(username).orElseThrow();
		assertThat(person.getRoles()).isEqualTo(Set.of(Role.DISPATCHER, Role.SUPERVISOR));
		assertThat(person.isMustChangePassword()).isTrue();
		// Nobody can disable himself.
		long self = this.jiashanAdmin.actor().personId();
		MvcResult refused = this.mvc
			.perform(post("/admin/people/" + self + "/disable").param("version", "0").session(session).with(csrf()))
			.andReturn();
		assertThat(refused.getFlashMap().get("problem")).isEqualTo("不能停用自己的账号。");
		assertThat(this.people.findById(self).orElseThrow().isEnabled()).isTrue();
	}

	private String personBody(long unitId) {
		return """
				{"displayName": "改名", "unitId": %d, "jurisdictionCode": "330421", "roles": ["DISPATCHER"]}"""
			.formatted(unitId);
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void aPasswordResetRevokesThePersonsApiTokensAndTheAuditSaysSo() throws Exception {
		Member official = this.fixtures.official(AdminFixtures.JIASHAN, Role.HANDLER);
		long id = official.actor().personId();
		this.tokens.issue(id, "second");
		assertThat(this.tokens.of(id)).hasSize(2);
		this.mvc.perform(get("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, official.bearer()))
			.andExpect(status().isOk());
		long audited = this.jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();

		call(post("/api/v1/people/" + id + "/password-reset").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isOk());

		assertThat(this.tokens.of(id)).isEmpty();
		this.mvc.perform(get("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, official.bearer()))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc.sql("""
				select count(*) from audit_entry
				where id > :after and action = 'TOKEN_REVOKED' and target_kind = 'api-token' and person_id = :person""")
			.param("after", audited)
			.param("person", id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, this.jiashanAdmin.bearer()));
	}

	private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
		return call(request.contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
