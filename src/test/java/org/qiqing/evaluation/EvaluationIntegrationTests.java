package org.qiqing.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseQueries;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.internal.ApiTokens;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Conduct evaluation end to end, in June 2025 of county A: fifteen cases of five
 * enterprises led by department A and closed with the enterprises' own good ratings, one
 * resolved but not closed, one closed in July, one of county B. A spot-check draw over
 * June, its answers recorded by the service centre (worse than the ratings), the flag
 * that follows; a campaign over June, answered by the enterprises, read by the unit only
 * in totals and only from three answers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationIntegrationTests {

	private static final LocalDate JUNE = LocalDate.of(2025, 6, 1);

	private static final LocalDate JUNE_END = LocalDate.of(2025, 6, 30);

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Autowired
	CaseQueries caseQueries;

	@Autowired
	org.qiqing.assessment.AssessmentFreeze freeze;

	private Api api;

	private final List<Member> contacts = new ArrayList<>();

	private final List<Long> closedInJune = new ArrayList<>();

	private long resolvedOnly;

	private long closedInJuly;

	private long closedInB;

	private long campaignId;

	@BeforeAll
	void closeCasesInJune() throws Exception {
		this.api = new Api(this.mvc);
		at("2025-06-10T10:00");
		this.contacts.add(this.world.enterpriseA());
		for (int i = 0; i < 4; i++) {
			this.contacts.add(contactOfNewFirm());
		}
		for (Member contact : this.contacts) {
			for (int i = 0; i < 3; i++) {
				this.closedInJune.add(closed(contact, "VERY_SATISFIED"));
			}
		}
		this.resolvedOnly = resolved(this.contacts.get(1), this.world.dispatcherA(), this.world.handlerA(),
				this.world.deptA().getId());
		this.closedInJuly = resolved(this.contacts.get(2), this.world.dispatcherA(), this.world.handlerA(),
				this.world.deptA().getId());
		at("2025-06-12T10:00");
		long b = resolved(this.world.enterpriseB(), this.world.dispatcherB(), this.world.handlerB(),
				this.world.deptB().getId());
		rate(this.world.enterpriseB(), b, "SATISFIED");
		this.closedInB = b;
		at("2025-07-02T10:00");
		rate(this.contacts.get(2), this.closedInJuly, "VERY_SATISFIED");
		at("2025-07-05T10:00");
	}

	@AfterAll
	void realTime() {
		this.clock.reset();
	}

	@Test
	@Order(1)
	void aDrawTakesItsShareOfTheJurisdictionsClosedCasesReproduciblyAndExcludesOnlyWhatItMust() throws Exception {
		MvcResult drawn = this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/draws",
				"{\"from\": \"2025-06-01\", \"to\": \"2025-06-30\", \"share\": 0.4}");
		assertThat(drawn.getResponse().getStatus()).as(body(drawn)).isEqualTo(201);
		List<CaseQueries.ClosedCase> population = this.caseQueries.closedBetween(this.world.dispatcherA().actor(),
				Campaigns.startOf(JUNE), Campaigns.startOf(JUNE_END.plusDays(1)));
		List<Long> ids = population.stream().map(CaseQueries.ClosedCase::id).toList();
		// Every June closure of county A is in the population; nothing else is.
		assertThat(ids).containsAll(this.closedInJune)
			.doesNotContain(this.resolvedOnly, this.closedInJuly, this.closedInB);
		assertThat(((Number) Api.read(drawn, "$.population")).intValue()).isEqualTo(ids.size());
		assertThat(((Number) Api.read(drawn, "$.drawn")).intValue()).isEqualTo(Sample.size(ids.size(), 0.4));
		// The same seed and cases draw the same sample again.
		String seed = (String) Api.read(drawn, "$.seed");
		List<Long> stored = this.jdbc.sql("select case_id from eval_spot_check where draw_id = :d order by case_id")
			.param("d", ((Number) Api.read(drawn, "$.id")).longValue())
			.query(Long.class)
			.list();
		assertThat(stored).containsExactlyInAnyOrderElementsOf(Sample.draw(ids, seed, 0.4));
		// A second draw of an overlapping period is refused, as a problem.
		MvcResult again = this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/draws",
				"{\"from\": \"2025-06-15\", \"to\": \"2025-06-20\"}");
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(again.getResponse().getContentType()).contains("application/problem+json");
		// Each is assigned to county A's service centre, which did not handle it.
		assertThat(this.jdbc.sql("select distinct centre_unit_id from eval_spot_check where case_id in (:ids)")
			.param("ids", stored)
			.query(Long.class)
			.list()).containsExactly(this.world.centreA().getId());
	}

	@Test
	@Order(2)
	void theHandlingUnitNeitherSeesNorRecordsItsSpotChecksTheServiceCentreDoes() throws Exception {
		List<Map<String, Object>> checks = spotChecksOf(this.world.dispatcherA());
		assertThat(checks).isNotEmpty();
		long id = ((Number) checks.get(0).get("id")).longValue();
		String answer = """
				{"rating": "UNSATISFIED", "solved": false, "respondent": "王会计", "method": "PHONE",
				 "note": "问题没有解决，评价是经办人让填的"}""";
		assertThat(status(this.api.get(this.world.handlerA(), "/api/v1/evaluation/spot-checks/" + id))).isEqualTo(404);
		assertThat(status(
				this.api.post(this.world.handlerA(), "/api/v1/evaluation/spot-checks/" + id + "/answer", answer)))
			.isEqualTo(404);
		assertThat(spotChecksOf(this.world.handlerA())).isEmpty();
		assertThat(spotChecksOf(this.world.dispatcherB())).isEmpty();
		assertThat(spotChecksOf(this.world.enterpriseA())).isEmpty();
		// Even an organiser of the county who belongs to the handling unit.
		Member insider = official("t.eval.insider", Role.DISPATCHER, this.world.deptA().getId(), "330421");
		assertThat(status(this.api.post(insider, "/api/v1/evaluation/spot-checks/" + id + "/answer", answer)))
			.isEqualTo(404);
		// Bad input: problems, never a 500.
		MvcResult missing = this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/" + id + "/answer",
				"{\"solved\": true}");
		assertThat(status(missing)).isEqualTo(400);
		assertThat(body(missing)).contains("rating", "respondent", "method");
		assertThat(status(this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/" + id + "/answer",
				"{\"rating\": \"GREAT\"}")))
			.isEqualTo(400);
		assertThat(status(this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/" + id + "/answer",
				"not json")))
			.isEqualTo(400);
		assertThat(status(this.api.get(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/abc"))).isEqualTo(400);
		assertThat(status(this.api.get(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/999999999")))
			.isEqualTo(404);
		// The service centre records every answer, once.
		for (Map<String, Object> check : checks) {
			MvcResult recorded = this.api.post(this.world.dispatcherA(),
					"/api/v1/evaluation/spot-checks/" + check.get("id") + "/answer", answer);
			assertThat(status(recorded)).as(body(recorded)).isEqualTo(200);
			assertThat(Api.read(recorded, "$.ownRating")).isEqualTo("VERY_SATISFIED");
			assertThat(Api.read(recorded, "$.rating")).isEqualTo("UNSATISFIED");
		}
		assertThat(status(
				this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/" + id + "/answer", answer)))
			.isEqualTo(409);
		// The case page's side shows it to the centre, not to the handling unit.
		long caseId = ((Number) checks.get(0).get("caseId")).longValue();
		assertThat(this.api.okPageText(this.world.dispatcherA(), "/evaluation/cases/" + caseId + "/spot-checks"))
			.contains("不满意");
		assertThat(this.api.okPageText(this.world.handlerA(), "/evaluation/cases/" + caseId + "/spot-checks"))
			.doesNotContain("不满意");
		assertThat(this.api.okPageText(this.world.dispatcherA(), "/cases/" + caseId))
			.contains("/evaluation/cases/" + caseId);
	}

	@Test
	@Order(3)
	void aUnitWhoseSpotChecksAreWorseThanItsRatingsIsFlaggedWithTheFiguresBehind() throws Exception {
		MvcResult flags = this.api.get(this.world.leaderA(), "/api/v1/evaluation/flags?from=2025-06-01&to=2025-06-30");
		assertThat(status(flags)).isEqualTo(200);
		String dept = "$.units[?(@.unitId == " + this.world.deptA().getId() + ")].figures";
		assertThat(Api.read(flags, dept + ".flagged").toString()).isEqualTo("[true]");
		assertThat(Api.read(flags, dept + ".ownCount").toString()).isEqualTo("[15]");
		assertThat(Api.read(flags, dept + ".ownShare").toString()).isEqualTo("[1.0]");
		assertThat(Api.read(flags, dept + ".spotShare").toString()).isEqualTo("[0.0]");
		assertThat(Api.read(flags, dept + ".gapPoints").toString()).isEqualTo("[100.0]");
		assertThat(Api.read(flags, dept + ".thresholdPoints").toString()).isEqualTo("[20]");
		// Nobody outside the county, nor the unit itself, reads it.
		assertThat(
				body(this.api.get(this.world.dispatcherB(), "/api/v1/evaluation/flags?from=2025-06-01&to=2025-06-30")))
			.doesNotContain("\"unitId\":" + this.world.deptA().getId());
		assertThat(Api
			.read(this.api.get(this.world.handlerA(), "/api/v1/evaluation/flags?from=2025-06-01&to=2025-06-30"),
					"$.units")
			.toString()).isEqualTo("[]");
		assertThat(status(this.api.get(this.world.leaderA(), "/api/v1/evaluation/flags?from=2025-07-01&to=2025-06-01")))
			.isEqualTo(400);
		String page = this.api.okPageText(this.world.leaderA(), "/evaluation/flags?from=2025-06-01&to=2025-06-30");
		assertThat(page).contains(this.world.deptA().getName(), "背离预警", "flag-rule");
		assertThat(this.api.okPageText(this.world.leaderA(), "/queue")).contains("/evaluation/flags");
	}

	@Test
	@Order(4)
	void aCampaignInvitesTheEnterprisesEachUnitServedAndTheUnitSeesOnlyTotalsFromThreeAnswers() throws Exception {
		MvcResult created = this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/campaigns", """
				{"title": "2025 年二季度作风评议", "from": "2025-06-01", "to": "2025-06-30", "closesOn": "2025-07-31",
				 "scale": "FIVE", "questions": ["办事效率", "服务态度"]}""");
		assertThat(status(created)).as(body(created)).isEqualTo(201);
		this.campaignId = ((Number) Api.read(created, "$.id")).longValue();
		assertThat(((Number) Api.read(created, "$.invited")).intValue()).isEqualTo(5);
		List<Long> invitations = new ArrayList<>();
		for (Member contact : this.contacts) {
			MvcResult mine = this.api.get(contact, "/api/v1/evaluation/invitations");
			List<Number> ids = Api.read(mine, "$[?(@.campaignId == " + this.campaignId + ")].id") instanceof List<?> l
					? l.stream().map(Number.class::cast).toList() : List.of();
			assertThat(ids).as(contact.username()).hasSize(1);
			invitations.add(ids.get(0).longValue());
			assertThat(body(mine)).contains(this.world.deptA().getName());
		}
		String results = "/api/v1/evaluation/campaigns/" + this.campaignId + "/results";
		assertThat(answer(0, invitations.get(0), "{\"scores\": {\"1\": 5, \"2\": 4}}")).isEqualTo(204);
		assertThat(answer(0, invitations.get(0), "{\"scores\": {\"1\": 1, \"2\": 1}}")).isEqualTo(409);
		MvcResult one = this.api.get(this.world.handlerA(), results);
		assertThat(status(one)).isEqualTo(200);
		assertThat(Api.read(one, "$.units[0].answered").toString()).isEqualTo("1");
		assertThat(Api.read(one, "$.units[0].shown").toString()).isEqualTo("false");
		assertThat(Api.read(one, "$.units[0].questions[0].mean")).isNull();
		assertThat(answer(1, invitations.get(1), "{\"scores\": {\"1\": 3, \"2\": 4}}")).isEqualTo(204);
		assertThat(Api.read(this.api.get(this.world.handlerA(), results), "$.units[0].shown").toString())
			.isEqualTo("false");
		assertThat(answer(2, invitations.get(2), "{\"scores\": {\"1\": 4, \"2\": 4}}")).isEqualTo(204);
		MvcResult three = this.api.get(this.world.handlerA(), results);
		assertThat(Api.read(three, "$.units.length()").toString()).isEqualTo("1");
		assertThat(Api.read(three, "$.units[0].shown").toString()).isEqualTo("true");
		assertThat(Api.read(three, "$.units[0].questions[0].mean").toString()).isEqualTo("4.0");
		assertThat(Api.read(three, "$.units[0].questions[0].counts").toString()).isEqualTo("{3=1, 4=1, 5=1}");
		// Nothing in the answer, nor in the table, ties an answer to an enterprise.
		for (Member contact : this.contacts) {
			assertThat(body(three)).doesNotContain("\"enterpriseId\"", "sheet", contact.username());
		}
		assertThat(columns("eval_answer")).containsExactlyInAnyOrder("campaign_id", "unit_id", "sheet", "position",
				"score");
		// Those who may not see it get 404; the organisers of the county see it.
		assertThat(status(this.api.get(this.world.otherHandlerA(), results))).isEqualTo(404);
		assertThat(status(this.api.get(this.world.dispatcherB(), results))).isEqualTo(404);
		assertThat(status(this.api.get(this.world.enterpriseA(), results))).isEqualTo(404);
		assertThat(status(this.api.get(this.world.leaderA(), results))).isEqualTo(200);
		assertThat(this.api.okPageText(this.world.handlerA(), "/evaluation/campaigns/" + this.campaignId))
			.contains("anonymity", "4.00");
	}

	@Test
	@Order(5)
	void badAnswersAndForeignInvitationsAreRefusedAsProblems() throws Exception {
		long invitation = ((Number) ((List<?>) Api.read(
				this.api.get(this.contacts.get(3), "/api/v1/evaluation/invitations"),
				"$[?(@.campaignId == " + this.campaignId + ")].id"))
			.get(0)).longValue();
		MvcResult tooHigh = this.api.post(this.contacts.get(3),
				"/api/v1/evaluation/invitations/" + invitation + "/answer", "{\"scores\": {\"1\": 9, \"2\": 4}}");
		assertThat(status(tooHigh)).isEqualTo(400);
		assertThat(body(tooHigh)).contains("scores[1]");
		assertThat(answer(3, invitation, "{\"scores\": {\"1\": 5}}")).isEqualTo(400);
		assertThat(answer(3, invitation, "{\"scores\": {\"1\": 5, \"2\": 4, \"7\": 1}}")).isEqualTo(400);
		assertThat(answer(3, invitation, "{\"scores\": {\"1\": \"five\"}}")).isEqualTo(400);
		assertThat(answer(3, invitation, "[]")).isEqualTo(400);
		assertThat(status(this.api.post(this.world.enterpriseB(),
				"/api/v1/evaluation/invitations/" + invitation + "/answer", "{\"scores\": {\"1\": 1, \"2\": 1}}")))
			.isEqualTo(404);
		assertThat(status(this.api.post(this.world.handlerA(),
				"/api/v1/evaluation/invitations/" + invitation + "/answer", "{\"scores\": {\"1\": 1, \"2\": 1}}")))
			.isEqualTo(404);
		// Nothing of those refusals was kept: still one answer to give.
		assertThat(Api
			.read(this.api.get(this.world.leaderA(), "/api/v1/evaluation/campaigns/" + this.campaignId + "/results"),
					"$.campaign.answered")
			.toString()).isEqualTo("3");
		// Campaigns and draws: who and what.
		assertThat(status(this.api.post(this.world.handlerA(), "/api/v1/evaluation/campaigns",
				"{\"title\": \"x\", \"from\": \"2025-06-01\", \"to\": \"2025-06-30\", \"scale\": \"FIVE\", \"questions\": [\"q\"]}")))
			.isEqualTo(403);
		MvcResult empty = this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/campaigns",
				"{\"title\": \" \", \"from\": \"2025-06-30\", \"to\": \"2025-06-01\", \"scale\": \"TEN\", \"questions\": []}");
		assertThat(status(empty)).isEqualTo(400);
		assertThat(body(empty)).contains("title", "to", "scale", "questions");
		assertThat(status(
				this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/campaigns", "{\"from\": \"not a date\"}")))
			.isEqualTo(400);
		assertThat(status(this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/draws",
				"{\"from\": \"2025-01-01\", \"to\": \"2025-01-31\", \"share\": 2}")))
			.isEqualTo(400);
		assertThat(status(this.api.post(this.world.dispatcherA(), "/api/v1/evaluation/spot-checks/draws",
				"{\"from\": \"2025-01-01\", \"to\": \"2099-01-31\"}")))
			.isEqualTo(400);
		assertThat(status(this.api.post(this.world.handlerA(), "/api/v1/evaluation/spot-checks/draws",
				"{\"from\": \"2025-01-01\", \"to\": \"2025-01-31\"}")))
			.isEqualTo(403);
	}

	@Test
	@Order(6)
	void anEnterpriseAnswersOnItsPageOnce() throws Exception {
		Member contact = this.contacts.get(4);
		String before = this.api.okPageText(contact, "/evaluation/invitations");
		assertThat(before).contains(this.world.deptA().getName(), "2025 年二季度作风评议");
		long invitation = ((Number) ((List<?>) Api.read(this.api.get(contact, "/api/v1/evaluation/invitations"),
				"$[?(@.campaignId == " + this.campaignId + ")].id"))
			.get(0)).longValue();
		MvcResult sent = this.mvc
			.perform(MockMvcRequestBuilders.post("/evaluation/invitations/" + invitation)
				.param("q1", "5")
				.param("q2", "5")
				.session(this.api.login(contact))
				.with(csrf()))
			.andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/evaluation/invitations");
		assertThat(this.api.okPageText(contact, "/evaluation/invitations")).doesNotContain("2025 年二季度作风评议");
		assertThat(this.api.okPageText(contact, "/queue")).contains("/evaluation/invitations");
	}

	// Fixtures

	private Member contactOfNewFirm() {
		Enterprise firm = this.enterprises
			.save(new Enterprise(AdminFixtures.creditCode(), AdminFixtures.unique("评议测试企业"), "330421100"));
		String username = AdminFixtures.unique("t.eval.ent");
		Person person = this.people
			.save(Person.enterpriseContact(username, username, "{noop}" + TestWorld.PASSWORD, firm.getId()));
		return new Member(
				new Actor(person.getId(), username, username, null, firm.getId(), null, Set.of(Role.ENTERPRISE)),
				this.tokens.issue(person.getId(), "test"));
	}

	private Member official(String username, Role role, long unitId, String jurisdiction) {
		Person person = this.people.save(
				Person.official(username, username, "{noop}" + TestWorld.PASSWORD, unitId, jurisdiction, Set.of(role)));
		return new Member(new Actor(person.getId(), username, username, unitId, null, "/330400/" + jurisdiction + "/",
				Set.of(role)), this.tokens.issue(person.getId(), "test"));
	}

	/** Filed by the contact, led by department A, resolved, rated by the contact. */
	private long closed(Member contact, String rating) throws Exception {
		long id = resolved(contact, this.world.dispatcherA(), this.world.handlerA(), this.world.deptA().getId());
		rate(contact, id, rating);
		return id;
	}

	private long resolved(Member contact, Member dispatcher, Member handler, long unitId) throws Exception {
		long id = this.api.fileCase(contact, contact.actor().enterpriseId(), this.world.category().id());
		int v = Api.version(this.api.step(dispatcher, id, 0, "accept", "{}"));
		v = Api.version(this.api.step(dispatcher, id, v, "assign", "{\"leadUnitId\": %d}".formatted(unitId)));
		v = Api.version(this.api.step(handler, id, v, "contact", "{\"note\": \"已电话联系\"}"));
		MvcResult resolved = this.api.step(handler, id, v, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"已协调解决\"}");
		assertThat(Api.read(resolved, "$.state")).as(body(resolved)).isEqualTo("RESOLVED");
		return id;
	}

	private void rate(Member contact, long id, String rating) throws Exception {
		int v = Api.version(this.api.get(contact, "/api/v1/cases/" + id));
		MvcResult rated = this.api.step(contact, id, v, "rate", "{\"rating\": \"" + rating + "\"}");
		assertThat(Api.read(rated, "$.state")).as(body(rated)).isEqualTo("CLOSED");
	}

	private int answer(int contact, long invitation, String json) throws Exception {
		return status(this.api.post(this.contacts.get(contact),
				"/api/v1/evaluation/invitations/" + invitation + "/answer", json));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> spotChecksOf(Member who) throws Exception {
		MvcResult result = this.api.get(who, "/api/v1/evaluation/spot-checks?from=2025-06-01&to=2025-06-30");
		assertThat(status(result)).isEqualTo(200);
		return (List<Map<String, Object>>) Api.read(result, "$");
	}

	@Test
	@Order(7)
	void theAssessmentShowsTheFlagBesideTheUnitsResultWithALinkToTheFigures() throws Exception {
		at("2025-07-05T10:00");
		this.freeze.freeze(java.time.YearMonth.of(2025, 6), null);
		long dept = this.world.deptA().getId();
		// the twelve months that end with the assessed month
		String link = "/evaluation/flags?from=2024-07-01&amp;to=2025-06-30#unit-" + dept;
		String tables = this.api.okPageText(this.world.leaderA(), "/assessment?month=2025-06");
		assertThat(tables).contains("conduct-flag", link, "conduct-note");
		assertThat(tables.split("class=\"flag conduct-flag\"", -1)).as("only department A is flagged").hasSize(2);
		long result = this.jdbc
			.sql("""
					select id from assessment_result where month_start = date '2025-06-01' and subject = 'U' and unit_id = :unit""")
			.param("unit", dept)
			.query(Long.class)
			.single();
		String detail = this.api.okPageText(this.world.leaderA(), "/assessment/results/" + result);
		assertThat(detail).contains("id=\"conduct\"", "<strong class=\"flag\">评价背离</strong>", "企业自评满意率 100.0%",
				"抽查满意率 0.0%", link);
		// a unit without spot-checks in the period: no flag, and its result says so
		long other = this.jdbc
			.sql("""
					select id from assessment_result where month_start = date '2025-06-01' and subject = 'U' and unit_id = :unit""")
			.param("unit", this.world.deptB().getId())
			.query(Long.class)
			.single();
		assertThat(this.api.okPageText(this.world.dispatcherB(), "/assessment/results/" + other))
			.contains("id=\"conduct\"")
			.doesNotContain("flag conduct-flag", "企业自评满意率 ");
		// the flagged unit's own people see none of its spot-checks, so no flag either
		assertThat(this.api.okPageText(this.world.handlerA(), "/assessment?month=2025-06"))
			.contains(this.world.deptA().getName())
			.doesNotContain("conduct-flag");
	}

	private List<String> columns(String table) {
		return this.jdbc.sql("select * from " + table + " where 1 = 0").query((ResultSetExtractor<List<String>>) rs -> {
			ResultSetMetaData meta = rs.getMetaData();
			List<String> names = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				names.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
			}
			return names;
		});
	}

	private void at(String chinaTime) {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
