package org.qiqing.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseScale;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The enterprise's profile gathers, for an official who may see the enterprise, its data,
 * links, visits, cases, ratings and timeline; a handler sees only his unit's cases in it,
 * another county and the enterprise itself do not see it at all. Each test makes its own
 * enterprise, as the tests share the database.
 */
@IntegrationTest
class ProfileIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	Enterprises enterprises;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	Enterprise firm;

	Member contact;

	long resolved;

	long open;

	LocalDate visitedOn = LocalDate.now(CHINA).minusDays(2);

	@BeforeEach
	void anEnterpriseWithACaseResolvedAndRatedAnotherOpenALinkAndAVisit() throws Exception {
		String name = AdminFixtures.unique("嘉善画像电子");
		this.firm = this.enterprises.save(new Enterprise(AdminFixtures.creditCode(), name, AdminFixtures.XITANG)
			.describe(name, AdminFixtures.XITANG, "电子元件", "西塘镇工业园 8 号", EnterpriseScale.MEDIUM, Set.of("重点企业"))
			.contact("李总", "13900000008", null));
		Person person = this.people.save(Person.enterpriseContact(AdminFixtures.unique("t.profile."), "李总",
				this.passwords.encode(TestWorld.PASSWORD), this.firm.getId()));
		this.contact = new Member(new Actor(person.getId(), person.getUsername(), "李总", null, this.firm.getId(), null,
				Set.of(Role.ENTERPRISE)), this.tokens.issue(person.getId(), "test"));
		Api api = new Api(this.mvc);
		this.resolved = api.fileCase(this.contact, this.firm.getId(), this.world.category().id());
		int v = step(this.world.dispatcherA(), 0, "accept", "{}");
		v = step(this.world.dispatcherA(), v, "assign", "{\"leadUnitId\": %d}".formatted(this.world.deptA().getId()));
		v = step(this.world.handlerA(), v, "contact", "{\"note\": \"已电话联系\"}");
		v = step(this.world.handlerA(), v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已兑现\"}");
		step(this.contact, v, "rate", "{\"rating\": \"SATISFIED\"}");
		this.open = api.fileCase(this.contact, this.firm.getId(), this.world.category().id());

		long visitor = this.world.visitorA().actor().personId();
		this.jdbc
			.sql("""
					insert into link (person_id, target_kind, enterprise_id, region_path, frequency, starts_on, created_by, created_at)
					values (:visitor, 'ENTERPRISE', :firm, '/330400/330421/330421100/', 'MONTHLY', :starts, :visitor, :now)""")
			.param("visitor", visitor)
			.param("firm", this.firm.getId())
			.param("starts", this.visitedOn.minusMonths(3))
			.param("now", OffsetDateTime.now())
			.update();
		long visit = this.jdbc
			.sql("""
					insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on, met, notes, created_at)
					values (:key, :visitor, :unit, :firm, '/330400/330421/330421100/', :on, '李总', '了解用工需求', :now)""")
			.param("key", AdminFixtures.unique("k"))
			.param("visitor", visitor)
			.param("unit", this.world.centreA().getId())
			.param("firm", this.firm.getId())
			.param("on", this.visitedOn)
			.param("now", OffsetDateTime.now())
			.update();
		long visitId = this.jdbc.sql("select max(id) from visit where enterprise_id = :firm")
			.param("firm", this.firm.getId())
			.query(Long.class)
			.single();
		assertThat(visit).isEqualTo(1);
		this.jdbc.sql("insert into visit_case (visit_id, case_id) values (:visit, :kase)")
			.param("visit", visitId)
			.param("kase", this.resolved)
			.update();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aLeaderOfTheCountySeesEverythingTheGovernmentKnowsAndDid() throws Exception {
		MvcResult result = new Api(this.mvc).get(this.world.leaderA(), profile());
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(result, "$.facts.creditCode")).isEqualTo(this.firm.getCreditCode());
		assertThat((List<String>) Api.read(result, "$.facts.tags")).containsExactly("重点企业");
		assertThat(Api.read(result, "$.tally.total")).isEqualTo(2);
		assertThat(Api.read(result, "$.tally.open")).isEqualTo(1);
		assertThat(Api.read(result, "$.tally.outcomes.SOLVED")).isEqualTo(1);
		assertThat((List<Number>) Api.read(result, "$.cases.items[*].id")).extracting(Number::longValue)
			.containsExactlyInAnyOrder(this.resolved, this.open);
		assertThat((List<Integer>) Api.read(result, "$.satisfaction[*].counts.SATISFIED")).containsExactly(1);
		assertThat(Api.read(result, "$.linked[0].holder")).isEqualTo(this.world.visitorA().username());
		assertThat(Api.read(result, "$.linked[0].frequency")).isEqualTo("MONTHLY");
		assertThat(Api.read(result, "$.linked[0].lastVisitedOn")).isEqualTo(this.visitedOn.toString());
		assertThat(Api.read(result, "$.visits.total")).isEqualTo(1);
		assertThat(Api.read(result, "$.visits.latest[0].cases")).isEqualTo(1);
		assertThat(Api.read(result, "$.visits.latest[0].met")).isEqualTo("李总");
		assertThat((List<String>) Api.read(result, "$.timeline[*].kind")).contains("VISIT", "LINK", "CASE");
		assertThat((List<String>) Api.read(result, "$.timeline[*].step")).contains("SUBMIT", "ASSIGN", "RESOLVE",
				"RATE");
	}

	@Test
	void theProfilePageShowsItOnOnePage() throws Exception {
		String page = this.api.okPageText(this.world.leaderA(), "/enterprises/" + this.firm.getId());
		assertThat(page).contains(this.firm.getName(), "重点企业", "西塘镇工业园 8 号", "了解用工需求", this.world.visitorA().username(),
				"satisfaction-chart", "/dist/echarts.min.js", "/cases/" + this.resolved);
	}

	@Test
	void aHandlerSeesOnlyTheCasesOfHisUnitAndOthersNothing() throws Exception {
		Api api = new Api(this.mvc);
		MvcResult handler = api.get(this.world.handlerA(), profile());
		assertThat(handler.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(handler, "$.tally.total")).isEqualTo(1);
		assertThat(Api.read(handler, "$.cases.items[0].id")).isEqualTo((int) this.resolved);
		assertThat(api.get(this.world.dispatcherB(), profile()).getResponse().getStatus()).isEqualTo(404);
		assertThat(api.get(this.world.handlerB(), profile()).getResponse().getStatus()).isEqualTo(404);
		assertThat(api.get(this.contact, profile()).getResponse().getStatus()).isEqualTo(403);
		assertThat(api.get(this.world.leaderA(), "/api/v1/enterprises/999999/profile").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc
			.perform(get("/enterprises/" + this.firm.getId()).session(this.api.login(this.world.dispatcherB())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private int step(Member who, int version, String action, String json) throws Exception {
		MvcResult result = new Api(this.mvc).step(who, this.resolved, version, action, json);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return Api.version(result);
	}

	private String profile() {
		return "/api/v1/enterprises/" + this.firm.getId() + "/profile";
	}

}
