package org.qiqing.organisation.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OrganisationApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Regions regions;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	AdminFixtures fixtures;

	@Autowired
	Units units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	Member admin;

	@BeforeEach
	void jiashanAdmin() {
		this.fixtures = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
		this.admin = this.fixtures.adminOf(AdminFixtures.JIASHAN);
	}

	@Test
	void unitIsCreatedThenUpdatedWithTheVersionItWasReadAt() throws Exception {
		String code = AdminFixtures.unique("FGJ-");
		String location = call(post("/api/v1/units"), this.admin, """
				{"code": "%s", "name": "嘉善县发展和改革局", "kind": "DEPARTMENT", "regionCode": "330421"}""".formatted(code))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.code").value(code))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);

		call(get(location), this.admin).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
		call(put(location).header(HttpHeaders.IF_MATCH, "\"0\""), this.admin, """
				{"name": "嘉善县发改局", "kind": "OFFICE", "regionCode": "330421100"}""").andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.name").value("嘉善县发改局"))
			.andExpect(jsonPath("$.regionCode").value("330421100"));
	}

	@Test
	void staleVersionIsRefusedAndChangesNothing() throws Exception {
		long id = this.fixtures.unitIn(AdminFixtures.JIASHAN).getId();
		String body = """
				{"name": "%s", "kind": "DEPARTMENT", "regionCode": "330421"}""";
		call(put("/api/v1/units/" + id).header(HttpHeaders.IF_MATCH, "\"0\""), this.admin, body.formatted("first"))
			.andExpect(status().isOk());
		call(put("/api/v1/units/" + id).header(HttpHeaders.IF_MATCH, "\"0\""), this.admin, body.formatted("second"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://qiqing.org/problems/stale-version"));
		assertThat(this.units.findById(id).orElseThrow().getName()).isEqualTo("first");
		call(put("/api/v1/units/" + id), this.admin, body.formatted("third"))
			.andExpect(status().isPreconditionRequired());
	}

	@Test
	void unitOutsideTheJurisdictionIsNeitherChangedNorCreated() throws Exception {
		long haiyanUnit = this.fixtures.unitIn(AdminFixtures.HAINING).getId();
		call(put("/api/v1/units/" + haiyanUnit).header(HttpHeaders.IF_MATCH, "\"0\""), this.admin, """
				{"name": "x", "kind": "DEPARTMENT", "regionCode": "330421"}""").andExpect(status().isForbidden());
		call(post("/api/v1/units"), this.admin,
				"""
						{"code": "%s", "name": "x", "kind": "DEPARTMENT", "regionCode": "330481"}"""
					.formatted(AdminFixtures.unique("HY-")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.regionCode").exists());
	}

	@Test
	void invalidOrDuplicateUnitIsRefusedWithAReasonPerField() throws Exception {
		String taken = this.fixtures.unitIn(AdminFixtures.JIASHAN).getCode();
		call(post("/api/v1/units"), this.admin, """
				{"code": "%s", "name": " ", "kind": "DEPARTMENT", "regionCode": "330421"}""".formatted(taken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.code").value("单位代码 " + taken + " 已被使用"))
			.andExpect(jsonPath("$.errors.name").exists());
	}

	@Test
	void anyoneMayListUnitsButOnlyAnAdministratorCreatesThem() throws Exception {
		Member dispatcher = this.fixtures.official(AdminFixtures.JIASHAN, Role.DISPATCHER);
		Unit unit = this.fixtures.unitIn(AdminFixtures.JIASHAN);
		call(get("/api/v1/units").param("q", unit.getCode()), dispatcher).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(unit.getId()))
			.andExpect(jsonPath("$[0].regionName").value("嘉善县"));
		call(post("/api/v1/units"), dispatcher, """
				{"code": "%s", "name": "x", "kind": "DEPARTMENT", "regionCode": "330421"}"""
			.formatted(AdminFixtures.unique("D-"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
	}

	@Test
	void personIsCreatedWithAnEncodedPasswordAndUpdatedWithHisVersion() throws Exception {
		String username = AdminFixtures.unique("zhang");
		String location = call(post("/api/v1/people"), this.admin,
				"""
						{"username": "%s", "displayName": "张三", "password": "s3cret-pass", "unitId": %d,
						 "jurisdictionCode": "330421100", "roles": ["DISPATCHER", "HANDLER"], "phone": "13800000000"}"""
					.formatted(username, this.admin.actor().unitId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.roles", hasItem("DISPATCHER")))
			.andExpect(jsonPath("$.passwordHash").doesNotExist())
			.andExpect(jsonPath("$.enabled").value(true))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		assertThat(this.passwords.matches("s3cret-pass", passwordHashOf(username))).isTrue();

		call(put(location).header(HttpHeaders.IF_MATCH, "\"0\""), this.admin,
				"""
						{"displayName": "张三丰", "unitId": %d, "roles": ["HANDLER"], "enabled": false}"""
					.formatted(this.admin.actor().unitId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("张三丰"))
			.andExpect(jsonPath("$.roles", not(hasItem("DISPATCHER"))))
			.andExpect(jsonPath("$.jurisdictionCode").doesNotExist())
			.andExpect(jsonPath("$.enabled").value(false));
		assertThat(this.passwords.matches("s3cret-pass", passwordHashOf(username))).isTrue();
	}

	@Test
	void personOutsideTheJurisdictionIsNotFound() throws Exception {
		Member haining = this.fixtures.official(AdminFixtures.HAINING, Role.HANDLER);
		call(get("/api/v1/people/" + haining.actor().personId()), this.admin).andExpect(status().isNotFound());
		call(put("/api/v1/people/" + haining.actor().personId()).header(HttpHeaders.IF_MATCH, "\"0\""), this.admin, """
				{"displayName": "x", "unitId": %d, "roles": ["HANDLER"]}""".formatted(this.admin.actor().unitId()))
			.andExpect(status().isNotFound());
		call(get("/api/v1/people").param("q", haining.username()), this.admin).andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		call(get("/api/v1/people").param("q", this.admin.username()), this.admin)
			.andExpect(jsonPath("$.items[0].unitName")
				.value(this.units.findById(this.admin.actor().unitId()).orElseThrow().getName()));
	}

	@Test
	void officialsCannotBeGivenWiderJurisdictionOrTheEnterpriseRole() throws Exception {
		call(post("/api/v1/people"), this.admin,
				"""
						{"username": "%s", "displayName": "李四", "password": "short", "unitId": %d,
						 "jurisdictionCode": "330400", "roles": ["ENTERPRISE"]}""".formatted(AdminFixtures.unique("li"),
						this.admin.actor().unitId()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.password").exists())
			.andExpect(jsonPath("$.errors.jurisdictionCode").exists())
			.andExpect(jsonPath("$.errors.roles").exists());
	}

	@Test
	void onlyAnAdministratorSeesPeople() throws Exception {
		Member dispatcher = this.fixtures.official(AdminFixtures.JIASHAN, Role.DISPATCHER);
		call(get("/api/v1/people"), dispatcher).andExpect(status().isForbidden());
	}

	@Test
	void regionsAreListedWithinTheJurisdictionAndAddedUnderItsRegions() throws Exception {
		call(get("/api/v1/regions"), this.admin).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value(AdminFixtures.JIASHAN))
			.andExpect(jsonPath("$[*].code", hasItem(AdminFixtures.XITANG)))
			.andExpect(jsonPath("$[*].code", not(hasItem(AdminFixtures.HAINING))));
		call(put("/api/v1/regions/330421100001"), this.admin, """
				{"name": "罗星社区", "level": "VILLAGE", "parentCode": "330421100"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.path").value("/330400/330421/330421100/330421100001/"));
		call(put("/api/v1/regions/330421100001"), this.admin, """
				{"name": "罗星村", "level": "VILLAGE"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("罗星村"));
		call(put("/api/v1/regions/330481200"), this.admin, """
				{"name": "长安镇", "level": "TOWN", "parentCode": "330481"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.parentCode").exists());
		call(put("/api/v1/regions/330481"), this.admin, """
				{"name": "海宁", "level": "COUNTY"}""").andExpect(status().isForbidden());
	}

	private String passwordHashOf(String username) {
		return this.jdbc.sql("select password_hash from person where username = :username")
			.param("username", username)
			.query(String.class)
			.single();
	}

	/**
	 * A node remembers the person behind a token for a few seconds; what is revoked or
	 * disabled on this node must not wait for that.
	 */
	@Test
	void revokedTokenAndDisabledPersonAreRefusedAtOnceThoughTokensAreRemembered() throws Exception {
		Member revoked = this.fixtures.official(AdminFixtures.JIASHAN, Role.DISPATCHER);
		call(get("/api/v1/queue"), revoked).andExpect(status().isOk());
		long personId = revoked.actor().personId();
		this.tokens.revoke(personId, this.tokens.of(personId).get(0).id());
		call(get("/api/v1/queue"), revoked).andExpect(status().isUnauthorized());

		Member disabled = this.fixtures.official(AdminFixtures.JIASHAN, Role.DISPATCHER);
		call(get("/api/v1/queue"), disabled).andExpect(status().isOk());
		var person = this.people.findById(disabled.actor().personId()).orElseThrow();
		person.allowLogin(false);
		this.people.save(person);
		call(get("/api/v1/queue"), disabled).andExpect(status().isUnauthorized());
	}

	private ResultActions call(MockHttpServletRequestBuilder request, Member caller) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, caller.bearer()));
	}

	private ResultActions call(MockHttpServletRequestBuilder request, Member caller, String json) throws Exception {
		return call(request.contentType(MediaType.APPLICATION_JSON).content(json), caller);
	}

}
