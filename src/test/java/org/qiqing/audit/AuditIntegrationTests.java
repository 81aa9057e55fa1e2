package org.qiqing.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The audit log records logins and failures, administration changes and tokens, with who,
 * when and from where; administrators and inspectors read the entries of their
 * jurisdiction, nobody else reads any.
 */
@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	record Line(Long personId, String username, String address, String action, String targetKind, String targetId,
			String detail) {
	}

	@Test
	void aFailedAndASuccessfulLoginAreRecordedWithTheirAddress() throws Exception {
		long before = lastId();
		this.mvc.perform(formLogin().user(this.world.handlerA().username()).password("wrong"));
		this.mvc.perform(formLogin().user(this.world.handlerA().username()).password(TestWorld.PASSWORD));

		List<Line> lines = since(before);
		assertThat(lines).extracting(Line::action).containsExactly("LOGIN_FAILED", "LOGIN_SUCCEEDED");
		assertThat(lines).allSatisfy(line -> {
			assertThat(line.personId()).isEqualTo(this.world.handlerA().actor().personId());
			assertThat(line.username()).isEqualTo("t.handler.a");
			assertThat(line.address()).isEqualTo("127.0.0.1");
		});
		assertThat(lines.get(0).detail()).isEqualTo("BadCredentialsException");
	}

	@Test
	void aLoginUnderANameNobodyHasIsRecordedWithoutAPerson() throws Exception {
		long before = lastId();
		this.mvc.perform(formLogin().user("nobody.here").password("guess"));

		assertThat(since(before)).singleElement().satisfies(line -> {
			assertThat(line.action()).isEqualTo("LOGIN_FAILED");
			assertThat(line.personId()).isNull();
			assertThat(line.username()).isEqualTo("nobody.here");
		});
	}

	@Test
	void aPersonCreatedByAnAdministratorIsRecordedAndARefusedOneIsNot() throws Exception {
		long before = lastId();
		MvcResult created = new Api(this.mvc).post(this.world.admin(), "/api/v1/people", """
				{"username": "t.audit.created", "displayName": "审计", "password": "long enough", "unitId": %d,
				 "roles": ["HANDLER"]}""".formatted(this.world.deptA().getId()));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		Number id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		MvcResult refused = new Api(this.mvc).post(this.world.admin(), "/api/v1/people", """
				{"username": "t.audit.refused", "displayName": "审计", "password": "short", "unitId": %d,
				 "roles": ["HANDLER"]}""".formatted(this.world.deptA().getId()));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);

		assertThat(since(before)).singleElement()
			.isEqualTo(new Line(this.world.admin().actor().personId(), "t.admin", "127.0.0.1", "ADMINISTRATION_CHANGED",
					"person", id.toString(), "created"));
	}

	@Test
	void issuingAndRevokingATokenIsRecordedWithoutTheToken() {
		long before = lastId();
		long person = this.world.visitorA().actor().personId();
		String token = this.tokens.issue(person, "audit test");
		long tokenId = this.tokens.of(person).get(this.tokens.of(person).size() - 1).id();
		this.tokens.revoke(person, tokenId);

		List<Line> lines = since(before);
		assertThat(lines).extracting(Line::action).containsExactly("TOKEN_ISSUED", "TOKEN_REVOKED");
		assertThat(lines).allSatisfy(line -> {
			assertThat(line.personId()).isEqualTo(person);
			assertThat(line.username()).isEqualTo("t.visitor.a");
			assertThat(line.targetId()).isEqualTo(String.valueOf(tokenId));
		});
		// Not even its name: a token is its owner's alone (AccessMatrixIntegrationTests).
		assertThat(lines).allSatisfy(line -> assertThat(line.detail()).isNull());
		assertThat(token).isNotBlank();
	}

	@Test
	void administratorsAndInspectorsReadTheEntriesOfTheirJurisdictionOnly() throws Exception {
		String cityToken = issue(this.world.handlerA());
		Member countyBInspector = inspector("t.inspector.b", this.world.centreB().getId(), "330481");
		Api api = new Api(this.mvc);

		MvcResult city = api.get(this.world.admin(), "/api/v1/audit?person=t.handler.a&action=TOKEN_ISSUED&size=5");
		assertThat(city.getResponse().getStatus()).isEqualTo(200);
		List<String> targets = JsonPath.read(city.getResponse().getContentAsString(), "$.items[*].targetId");
		assertThat(targets).contains(cityToken);
		assertThat(JsonPath.<List<String>>read(city.getResponse().getContentAsString(), "$.items[*].action"))
			.containsOnly("TOKEN_ISSUED");

		MvcResult foreign = api.get(countyBInspector, "/api/v1/audit?person=t.handler.a");
		assertThat(foreign.getResponse().getStatus()).isEqualTo(200);
		assertThat(JsonPath.<List<Object>>read(foreign.getResponse().getContentAsString(), "$.items")).isEmpty();

		String countyToken = issue(this.world.handlerB());
		MvcResult own = api.get(countyBInspector, "/api/v1/audit?person=t.handler.b");
		assertThat(JsonPath.<List<String>>read(own.getResponse().getContentAsString(), "$.items[*].targetId"))
			.contains(countyToken);
		// Nor does county A's inspector read county B's entries.
		Member countyAInspector = inspector("t.inspector.a", this.world.centreA().getId(), "330421");
		MvcResult other = api.get(countyAInspector, "/api/v1/audit?person=t.handler.b");
		assertThat(other.getResponse().getStatus()).isEqualTo(200);
		assertThat(JsonPath.<List<Object>>read(other.getResponse().getContentAsString(), "$.items")).isEmpty();

		assertThat(api.get(this.world.dispatcherA(), "/api/v1/audit").getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void thePeriodFilterTakesWholeDays() throws Exception {
		Api api = new Api(this.mvc);
		String issued = issue(this.world.handlerA());
		String today = java.time.LocalDate.now(org.qiqing.platform.PlatformClock.CHINA).toString();
		String yesterday = java.time.LocalDate.now(org.qiqing.platform.PlatformClock.CHINA).minusDays(1).toString();

		MvcResult todays = api.get(this.world.admin(),
				"/api/v1/audit?person=t.handler.a&from=" + today + "&to=" + today);
		assertThat(JsonPath.<List<String>>read(todays.getResponse().getContentAsString(), "$.items[*].targetId"))
			.contains(issued);
		MvcResult before = api.get(this.world.admin(), "/api/v1/audit?person=t.handler.a&to=" + yesterday);
		assertThat(JsonPath.<List<String>>read(before.getResponse().getContentAsString(), "$.items[*].targetId"))
			.doesNotContain(issued);
	}

	@Test
	void calendarRobotsCategoriesAndExportsAreRecorded() throws Exception {
		long before = lastId();
		Api api = new Api(this.mvc);
		MvcResult day = this.mvc
			.perform(put("/api/v1/calendar/2099/days/2099-05-04")
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"HOLIDAY\", \"name\": \"审计测试\"}"))
			.andReturn();
		assertThat(day.getResponse().getStatus()).isEqualTo(200);
		this.mvc.perform(delete("/api/v1/calendar/2099/days/2099-05-04").header(HttpHeaders.AUTHORIZATION,
				this.world.admin().bearer()));

		MvcResult robot = api.post(this.world.admin(), "/api/v1/notification-robots", """
				{"unitId": %d, "name": "审计测试群", "kind": "WECOM",
				 "webhookUrl": "http://127.0.0.1:9/cgi-bin/webhook/send?key=k", "topics": ["URGING"]}"""
			.formatted(this.world.deptB().getId()));
		assertThat(robot.getResponse().getStatus()).isEqualTo(201);
		Number robotId = JsonPath.read(robot.getResponse().getContentAsString(), "$.id");
		this.mvc.perform(delete("/api/v1/notification-robots/" + robotId).header(HttpHeaders.AUTHORIZATION,
				this.world.admin().bearer()));

		long category = this.world.category().id();
		MvcResult guide = api.get(this.world.admin(), "/api/v1/categories/" + category + "/guide");
		MvcResult changed = this.mvc
			.perform(put("/api/v1/categories/" + category + "/guide")
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer())
				.header(HttpHeaders.IF_MATCH, guide.getResponse().getHeader(HttpHeaders.ETAG))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"guide\": {\"needs\": \"审计测试\"}}"))
			.andReturn();
		assertThat(changed.getResponse().getStatus()).isEqualTo(200);

		int export = this.mvc
			.perform(get("/coverage/export").param("region", "330421").session(this.api.login(this.world.leaderA())))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(export).isEqualTo(200);

		assertThat(since(before)).filteredOn(line -> !line.action().startsWith("LOGIN"))
			.extracting(line -> line.action() + " " + line.targetKind() + " "
					+ (line.action().equals("DATA_EXPORTED") ? line.targetId() : line.detail()))
			.containsExactly("ADMINISTRATION_CHANGED calendar set 2099-05-04 HOLIDAY",
					"ADMINISTRATION_CHANGED calendar removed 2099-05-04",
					"ADMINISTRATION_CHANGED notification-robot created",
					"ADMINISTRATION_CHANGED notification-robot deleted",
					"ADMINISTRATION_CHANGED category guide and limits", "DATA_EXPORTED coverage region=330421");
	}

	@Test
	void theAuditPageListsEntriesForAdministratorsAndRefusesOthers() throws Exception {
		String token = issue(this.world.handlerA());
		String page = this.mvc
			.perform(get("/admin/audit").param("person", "t.handler.a").session(this.api.login(this.world.admin())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("api-token " + token).contains("签发 API 令牌");

		int status = this.mvc.perform(get("/admin/audit").session(this.api.login(this.world.handlerA())))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
	}

	private Member inspector(String username, long unitId, String jurisdiction) {
		Person person = this.people.findByUsername(username)
			.orElseGet(() -> this.people.save(Person.official(username, username,
					this.passwords.encode(TestWorld.PASSWORD), unitId, jurisdiction, Set.of(Role.INSPECTOR))));
		return new Member(new Actor(person.getId(), username, username, unitId, null, null, Set.of(Role.INSPECTOR)),
				this.tokens.issue(person.getId(), "test"));
	}

	/** Issues the member a token and answers its id. */
	private String issue(Member member) {
		this.tokens.issue(member.actor().personId(), "test");
		return this.jdbc.sql("select max(id) from api_token where person_id = :person")
			.param("person", member.actor().personId())
			.query(Long.class)
			.single()
			.toString();
	}

	private long lastId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
	}

	private List<Line> since(long id) {
		return this.jdbc.sql("""
				select person_id, username, address, action, target_kind, target_id, detail
				from audit_entry where id > :id order by id""").param("id", id).query(Line.class).list();
	}

}
