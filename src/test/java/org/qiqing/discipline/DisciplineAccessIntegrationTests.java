package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Who sees what of discipline, for every endpoint under {@code /api/v1/discipline} and
 * every role of the {@link TestWorld}, own county (A) and foreign (B): in each county an
 * action with an unannounced inspection whose findings are not yet issued (its unit is
 * the other department), and a planned one of the first department, issued, with a
 * finding and a decision holding a person accountable. Inspectors see their county's
 * records and names; the group member his action's; an inspected unit its own planned
 * inspection and issued finding, never the unannounced one, never the register; an
 * enterprise nothing; nobody anything of the other county.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisciplineAccessIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	/** The records of a county. */
	record County(long action, long unannounced, long planned, long finding, long hiddenFinding, long decision) {
	}

	Member inspectorA;

	Member inspectorB;

	Member memberA;

	County a;

	County b;

	@BeforeAll
	void records() {
		this.inspectorA = this.officials.official("t.x.inspector.a", Role.INSPECTOR, this.world.centreA(), "330421");
		this.inspectorB = this.officials.official("t.x.inspector.b", Role.INSPECTOR, this.world.centreB(), "330481");
		this.memberA = this.officials.official("t.x.member.a", Role.HANDLER, this.world.otherDeptA(), null);
		this.a = county(this.inspectorA, this.memberA, "330421", this.world.centreA(), this.world.deptA(),
				this.world.otherDeptA());
		this.b = county(this.inspectorB, null, "330481", this.world.centreB(), this.world.deptB(),
				this.world.centreB());
	}

	County county(Member inspector, Member member, String region, Unit organiser, Unit planned, Unit unannounced) {
		Actor actor = inspector.actor();
		// Starting today, so that it is among the newest few the discipline page lists
		// whatever other tests set up before.
		long action = this.management.createAction(
				new NewAction("专项检查" + region, organiser.getId(), LocalDate.now(), LocalDate.now().plusDays(10),
						List.of(region), List.of(), List.of("要点一"), List.of(new NewAction.Group("督查组", actor.personId(),
								member == null ? List.of() : List.of(member.actor().personId())))),
				actor);
		long group = this.queries.action(action, actor).groups().get(0).id();
		long kind = this.queries.kinds().get(0).id();
		long hidden = this.management.recordInspection(action, new NewInspection(group, unannounced.getId(),
				InspectionMode.UNANNOUNCED, LocalDate.now(), null, List.of(), null), actor);
		long hiddenFinding = this.management.recordFinding(hidden,
				new NewFinding(kind, null, "暗访问题" + region, null, "某甲" + region), List.of(), actor);
		long open = this.management.recordInspection(action, new NewInspection(group, planned.getId(),
				InspectionMode.PLANNED, LocalDate.now(), null, List.of(), null), actor);
		long finding = this.management.recordFinding(open,
				new NewFinding(kind, null, "明查问题" + region, null, "某乙" + region),
				List.of(new Evidence("a.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })), actor);
		this.management.issueFindings(open, null, actor);
		long decision = this.management.recordAccountability(
				new NewAccountability(CauseType.FINDING, finding, Subject.PERSON, "某乙" + region, planned.getId(),
						AccountabilityForm.NOTICE, "纪委", LocalDate.now(), "文号" + region),
				new Evidence("d.pdf", "application/pdf", "%PDF-1.4".getBytes()), actor);
		return new County(action, hidden, open, finding, hiddenFinding, decision);
	}

	/** Everybody, by name. */
	Map<String, Member> everybody() {
		Map<String, Member> all = new LinkedHashMap<>();
		all.put("inspectorA", this.inspectorA);
		all.put("inspectorB", this.inspectorB);
		all.put("memberA", this.memberA);
		all.put("admin", this.world.admin());
		all.put("dispatcherA", this.world.dispatcherA());
		all.put("handlerA", this.world.handlerA());
		all.put("otherHandlerA", this.world.otherHandlerA());
		all.put("enterpriseA", this.world.enterpriseA());
		all.put("visitorA", this.world.visitorA());
		all.put("leaderA", this.world.leaderA());
		all.put("supervisorA", this.world.supervisorA());
		all.put("dispatcherB", this.world.dispatcherB());
		all.put("handlerB", this.world.handlerB());
		all.put("enterpriseB", this.world.enterpriseB());
		return all;
	}

	/** What each sees of county A: action, unannounced, planned, finding, register. */
	record Sight(boolean action, boolean unannounced, boolean planned, boolean finding, boolean register) {
	}

	Sight sightOfA(String who) {
		return switch (who) {
			case "inspectorA", "memberA" -> new Sight(true, true, true, true, true);
			// the unit inspected openly sees that inspection and its issued finding
			case "handlerA" -> new Sight(false, false, true, true, false);
			// the unit inspected unannounced sees nothing before its findings are issued
			default -> new Sight(false, false, false, false, false);
		};
	}

	@Test
	void everyEndpointShowsEachRoleExactlyItsOwnRecords() throws Exception {
		Api api = new Api(this.mvc);
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			Sight sees = sightOfA(who);
			String as = who + " ";
			assertThat(status(api, m, "/api/v1/discipline/actions/" + this.a.action())).as(as + "action")
				.isEqualTo(sees.action() ? 200 : 404);
			assertThat(status(api, m, "/api/v1/discipline/inspections/" + this.a.unannounced())).as(as + "unannounced")
				.isEqualTo(sees.unannounced() ? 200 : 404);
			assertThat(status(api, m, "/api/v1/discipline/inspections/" + this.a.planned())).as(as + "planned")
				.isEqualTo(sees.planned() ? 200 : 404);
			assertThat(status(api, m, "/api/v1/discipline/findings/" + this.a.finding())).as(as + "finding")
				.isEqualTo(sees.finding() ? 200 : 404);
			assertThat(status(api, m, "/api/v1/discipline/findings/" + this.a.hiddenFinding()))
				.as(as + "hidden finding")
				.isEqualTo(sees.unannounced() ? 200 : 404);
			long evidence = this.queries.evidence(this.a.finding(), this.inspectorA.actor()).get(0).id();
			assertThat(status(api, m, "/api/v1/discipline/findings/" + this.a.finding() + "/evidence/" + evidence))
				.as(as + "evidence")
				.isEqualTo(sees.finding() ? 200 : 404);
			int registerStatus = sees.register() ? 200 : (isDiscipline(who) ? 404 : 403);
			assertThat(status(api, m, "/api/v1/discipline/accountability/" + this.a.decision())).as(as + "decision")
				.isEqualTo(registerStatus);
			assertThat(status(api, m, "/api/v1/discipline/accountability/" + this.a.decision() + "/document"))
				.as(as + "document")
				.isEqualTo(registerStatus);
			// Lists name only what one sees.
			String actions = body(api, m, "/api/v1/discipline/actions");
			assertThat(actions.contains("专项检查330421")).as(as + "actions list").isEqualTo(sees.action());
			String inspections = body(api, m, "/api/v1/discipline/inspections");
			assertThat(inspections.contains("\"id\":" + this.a.unannounced() + ","))
				.as(as + "inspections list, unannounced")
				.isEqualTo(sees.unannounced());
			assertThat(inspections.contains("\"id\":" + this.a.planned() + ",")).as(as + "inspections list, planned")
				.isEqualTo(sees.planned());
			String findings = body(api, m, "/api/v1/discipline/findings");
			assertThat(findings.contains("明查问题330421")).as(as + "findings list").isEqualTo(sees.finding());
			assertThat(findings.contains("暗访问题330421")).as(as + "findings list, hidden").isEqualTo(sees.unannounced());
			// Names of people involved and held accountable: discipline roles only.
			assertThat(findings.contains("某乙330421")).as(as + "names in findings").isEqualTo(sees.register());
			MvcResult register = api.get(m, "/api/v1/discipline/accountability");
			assertThat(register.getResponse().getStatus()).as(as + "register").isEqualTo(isDiscipline(who) ? 200 : 403);
			assertThat(register.getResponse().getContentAsString().contains("文号330421")).as(as + "register list")
				.isEqualTo(sees.register());
			// Figures: counts for officials, nothing for enterprises.
			assertThat(status(api, m, "/api/v1/discipline/figures")).as(as + "figures")
				.isEqualTo(m.actor().isEnterpriseContact() ? 403 : 200);
			assertThat(status(api, m, "/api/v1/discipline/figures/export")).as(as + "export")
				.isEqualTo(m.actor().isEnterpriseContact() ? 403 : 200);
			// Nobody of county A sees county B's records, nor B's of A's.
			if (!who.endsWith("B")) {
				assertThat(status(api, m, "/api/v1/discipline/actions/" + this.b.action())).as(as + "foreign action")
					.isEqualTo(404);
				assertThat(status(api, m, "/api/v1/discipline/findings/" + this.b.finding())).as(as + "foreign finding")
					.isEqualTo(404);
				assertThat(status(api, m, "/api/v1/discipline/inspections/" + this.b.planned()))
					.as(as + "foreign inspection")
					.isEqualTo(404);
			}
			assertThat(status(api, m, "/api/v1/discipline/kinds")).as(as + "kinds").isEqualTo(200);
		}
	}

	@Test
	void onlyDisciplineRolesActAndOnlyInTheirOwnCounty() throws Exception {
		Api api = new Api(this.mvc);
		String finding = "{\"kindId\": " + this.queries.kinds().get(0).id() + ", \"what\": \"越权\"}";
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			int onA = api.post(m, "/api/v1/discipline/inspections/" + this.a.unannounced() + "/findings", finding)
				.getResponse()
				.getStatus();
			if (who.equals("inspectorA") || who.equals("memberA")) {
				assertThat(onA).as(who).isEqualTo(201);
			}
			else {
				assertThat(onA).as(who).isIn(403, 404);
			}
			int decision = api
				.post(m, "/api/v1/discipline/accountability",
						"{\"causeType\": \"FINDING\", \"causeId\": " + this.a.finding()
								+ ", \"subject\": \"ORGANISATION\", \"unitId\": " + this.world.deptA().getId()
								+ ", \"form\": \"NOTICE\", \"decidedBy\": \"x\", \"decidedOn\": \"" + LocalDate.now()
								+ "\", \"documentNumber\": \"越权" + who + "\"}")
				.getResponse()
				.getStatus();
			assertThat(decision).as(who + " decision").isEqualTo(who.equals("inspectorA") ? 201 : 409);
			int kind = api
				.post(m, "/api/v1/discipline/kinds",
						"{\"family\": \"SIFENG\", \"code\": \"K-" + who + "\", \"name\": \"新类型\"}")
				.getResponse()
				.getStatus();
			assertThat(kind).as(who + " kind").isEqualTo(who.equals("admin") ? 201 : 403);
		}
	}

	@Test
	void everyPageShowsEachRoleExactlyItsOwnRecords() throws Exception {
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			MockHttpSession session = this.api.login(entry.getValue());
			Sight sees = sightOfA(who);
			boolean enterprise = entry.getValue().actor().isEnterpriseContact();
			MvcResult index = this.api.page(session, "/discipline");
			assertThat(index.getResponse().getStatus()).as(who + " index").isEqualTo(enterprise ? 403 : 200);
			String html = index.getResponse().getContentAsString();
			assertThat(html.contains("专项检查330421")).as(who + " index names the action").isEqualTo(sees.action());
			assertThat(html.contains("明查问题330421")).as(who + " index names the finding").isEqualTo(sees.finding());
			assertThat(html.contains("暗访问题330421")).as(who + " index names the hidden finding")
				.isEqualTo(sees.unannounced());
			assertThat(html).doesNotContain("某乙330421");
			if (!who.endsWith("B")) {
				assertThat(html).doesNotContain("专项检查330481", "明查问题330481");
			}
			// The whole lists behind the page's newest few, alike.
			MvcResult actions = this.api.page(session, "/discipline/actions");
			assertThat(actions.getResponse().getStatus()).as(who + " actions list").isEqualTo(enterprise ? 403 : 200);
			assertThat(actions.getResponse().getContentAsString().contains("专项检查330421"))
				.as(who + " actions list names the action")
				.isEqualTo(sees.action());
			String findings = this.api.page(session, "/discipline/findings").getResponse().getContentAsString();
			assertThat(findings.contains("明查问题330421")).as(who + " findings list names the finding")
				.isEqualTo(sees.finding());
			assertThat(findings.contains("暗访问题330421")).as(who + " findings list names the hidden finding")
				.isEqualTo(sees.unannounced());
			if (!who.endsWith("B")) {
				assertThat(actions.getResponse().getContentAsString() + findings).doesNotContain("专项检查330481",
						"明查问题330481");
			}
			assertThat(this.api.page(session, "/discipline/actions/" + this.a.action()).getResponse().getStatus())
				.as(who + " action page")
				.isEqualTo(sees.action() ? 200 : 404);
			assertThat(
					this.api.page(session, "/discipline/inspections/" + this.a.unannounced()).getResponse().getStatus())
				.as(who + " unannounced page")
				.isEqualTo(sees.unannounced() ? 200 : 404);
			MvcResult planned = this.api.page(session, "/discipline/inspections/" + this.a.planned());
			assertThat(planned.getResponse().getStatus()).as(who + " planned page")
				.isEqualTo(sees.planned() ? 200 : 404);
			assertThat(planned.getResponse().getContentAsString().contains("某乙330421")).as(who + " names on the page")
				.isEqualTo(sees.register());
			MvcResult register = this.api.page(session, "/discipline/accountability");
			assertThat(register.getResponse().getStatus()).as(who + " register page")
				.isEqualTo(isDiscipline(who) ? 200 : 403);
			assertThat(register.getResponse().getContentAsString().contains("某乙330421")).as(who + " register names")
				.isEqualTo(sees.register());
			if (!who.endsWith("B")) {
				assertThat(register.getResponse().getContentAsString()).doesNotContain("某乙330481");
			}
			assertThat(this.api.page(session, "/discipline/actions/" + this.b.action()).getResponse().getStatus())
				.as(who + " foreign action page")
				.isEqualTo(who.equals("inspectorB") ? 200 : 404);
			// Forms: a finding is added by discipline roles of the county only.
			int added = this.mvc
				.perform(MockMvcRequestBuilders
					.multipart("/discipline/inspections/" + this.a.unannounced() + "/findings")
					.param("kindId", Long.toString(this.queries.kinds().get(0).id()))
					.param("what", "页面记录")
					.session(session)
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			if (sees.unannounced()) {
				assertThat(added).as(who + " finding form").isEqualTo(302);
			}
			else {
				assertThat(added).as(who + " finding form refused").isIn(403, 404, 409);
			}
		}
	}

	@Test
	void thePhonesInspectionPageAndItsQueueServeDisciplineRolesOfTheirOwnActionsOnly() throws Exception {
		long group = this.queries.action(this.a.action(), this.inspectorA.actor()).groups().get(0).id();
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			MockHttpSession session = this.api.login(entry.getValue());
			MvcResult page = this.api.page(session, "/discipline/inspect");
			assertThat(page.getResponse().getStatus()).as(who + " inspection page")
				.isEqualTo(isDiscipline(who) ? 200 : 403);
			assertThat(page.getResponse().getContentAsString().contains("专项检查330421")).as(who + " offers action A")
				.isEqualTo(sightOfA(who).action());
			assertThat(page.getResponse().getContentAsString().contains("专项检查330481")).as(who + " offers action B")
				.isEqualTo(who.equals("inspectorB"));
			String summary = "手机检查" + who;
			String inspection = """
					[{"clientKey": "phone-%s-%d", "actionId": %d, "groupId": %d, "unitId": %d, "mode": "UNANNOUNCED",
					  "inspectedOn": "%s", "summary": "%s", "findings": [{"kindId": %d, "what": "手机问题"}]}]""".formatted(
					who, System.nanoTime(), this.a.action(), group, this.world.deptA().getId(), LocalDate.now(),
					summary, this.queries.kinds().get(0).id());
			MvcResult sent = this.mvc
				.perform(MockMvcRequestBuilders.multipart("/discipline/device/sync")
					.file(new org.springframework.mock.web.MockMultipartFile("inspections", "", "application/json",
							inspection.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
					.session(session)
					.with(csrf()))
				.andReturn();
			assertThat(sent.getResponse().getStatus()).as(who + " queue").isEqualTo(200);
			int status = ((Number) Api.read(sent, "$[0].status")).intValue();
			boolean stored = this.jdbc.sql("select count(*) from inspection where summary = :s")
				.param("s", summary)
				.query(Integer.class)
				.single() > 0;
			if (who.equals("inspectorA") || who.equals("memberA")) {
				assertThat(status).as(who + " sends an inspection of action A").isEqualTo(201);
				assertThat(stored).isTrue();
			}
			else {
				assertThat(status).as(who + " refused").isIn(404, 409);
				assertThat(stored).as(who + " stored nothing").isFalse();
			}
		}
	}

	@Test
	void anInspectorSetsUpAnActionOnThePageAndNobodyElseDoes() throws Exception {
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			MvcResult result = this.mvc
				.perform(MockMvcRequestBuilders.post("/discipline/actions")
					.param("theme", "页面设立" + who)
					.param("organiserUnitId", Long.toString(this.world.centreA().getId()))
					.param("startsOn", LocalDate.now().toString())
					.param("endsOn", LocalDate.now().plusDays(5).toString())
					.param("checklist", "要点一\n要点二\n")
					.param("groupName", "页面督查组")
					.param("members", "t.x.member.a")
					.session(this.api.login(entry.getValue()))
					.with(csrf()))
				.andReturn();
			if (who.equals("inspectorA")) {
				assertThat(result.getResponse().getStatus()).as(who).isEqualTo(302);
				long id = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
				Views.ActionDetail made = this.queries.action(id, this.memberA.actor());
				assertThat(made.checkpoints()).extracting(Views.Checkpoint::text).containsExactly("要点一", "要点二");
				assertThat(made.groups().get(0).members()).hasSize(2);
			}
			else {
				assertThat(result.getResponse().getStatus()).as(who).isIn(403, 409);
			}
		}
	}

	/**
	 * A supervision group is changed by the action's own inspector only, on the API and
	 * the action's page; the member sees the action but may not; nobody else sees the
	 * group (404). Its history is read by who sees the action. Each change here names the
	 * group as it was, so the other tests' sight is kept.
	 */
	@Test
	void onlyTheActionsInspectorChangesItsGroups() throws Exception {
		Api api = new Api(this.mvc);
		long group = this.queries.action(this.a.action(), this.inspectorA.actor()).groups().get(0).id();
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			boolean enterprise = m.actor().isEnterpriseContact();
			boolean seesAction = sightOfA(who).action();
			int version = this.queries.group(group, this.inspectorA.actor()).version();
			int put = api
				.put(m, "/api/v1/discipline/groups/" + group,
						"{\"version\": " + version + ", \"name\": \"督查组\", \"leaderId\": "
								+ this.inspectorA.actor().personId() + ", \"memberIds\": ["
								+ this.memberA.actor().personId() + "]}")
				.getResponse()
				.getStatus();
			int form = this.mvc
				.perform(MockMvcRequestBuilders.post("/discipline/groups/" + group)
					.param("version", Integer.toString(this.queries.group(group, this.inspectorA.actor()).version()))
					.param("groupName", "督查组")
					.param("leader", "t.x.inspector.a")
					.param("members", "t.x.member.a")
					.session(this.api.login(m))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			int history = status(api, m, "/api/v1/discipline/actions/" + this.a.action() + "/group-changes");
			String actionPage = this.api.page(this.api.login(m), "/discipline/actions/" + this.a.action())
				.getResponse()
				.getContentAsString();
			if (who.equals("inspectorA")) {
				assertThat(put).as(who + " API").isEqualTo(200);
				assertThat(form).as(who + " page").isEqualTo(302);
			}
			else if (seesAction) {
				assertThat(put).as(who + " API").isEqualTo(409);
				assertThat(form).as(who + " page").isEqualTo(409);
			}
			else {
				assertThat(put).as(who + " API").isIn(enterprise ? List.of(403, 404) : List.of(404));
				assertThat(form).as(who + " page").isIn(enterprise ? List.of(403, 404) : List.of(404));
			}
			assertThat(history).as(who + " history").isIn(seesAction ? List.of(200) : List.of(403, 404));
			assertThat(actionPage.contains("/discipline/groups/" + group)).as(who + " is offered the group's form")
				.isEqualTo(who.equals("inspectorA"));
		}
		Views.ActionDetail kept = this.queries.action(this.a.action(), this.inspectorA.actor());
		assertThat(kept.groups().get(0).members()).extracting(Views.Member::personId)
			.containsExactlyInAnyOrder(this.inspectorA.actor().personId(), this.memberA.actor().personId());
	}

	/**
	 * A planned inspection scheduled ahead is moved and cancelled by the discipline roles
	 * who see it (the county's inspector, the group's member), on the API and its page;
	 * the inspected unit sees it but may not (403); nobody else sees it (404).
	 */
	@Test
	void onlyTheDisciplineRolesWhoSeeItMoveOrCancelAScheduledInspection() throws Exception {
		Api api = new Api(this.mvc);
		long group = this.queries.action(this.a.action(), this.inspectorA.actor()).groups().get(0).id();
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			long ahead = this.management.recordInspection(this.a.action(), new NewInspection(group,
					this.world.deptA().getId(), InspectionMode.PLANNED, today.plusDays(5), null, List.of(), null),
					this.inspectorA.actor());
			String path = "/api/v1/discipline/inspections/" + ahead;
			int put = api.put(m, path, "{\"version\": 0, \"inspectedOn\": \"" + today.plusDays(6) + "\"}")
				.getResponse()
				.getStatus();
			int form = this.mvc
				.perform(MockMvcRequestBuilders.post("/discipline/inspections/" + ahead + "/cancel")
					.param("version", put == 200 ? "1" : "0")
					.param("reason", "取消" + who)
					.session(this.api.login(m))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			int cancel = api.post(m, path + "/cancel", "{\"version\": 0, \"reason\": \"越权\"}")
				.getResponse()
				.getStatus();
			if (isDiscipline(who) && !who.equals("inspectorB")) {
				assertThat(put).as(who + " moves").isEqualTo(200);
				assertThat(form).as(who + " cancels on the page").isEqualTo(302);
				assertThat(cancel).as(who + " cancels again").isEqualTo(409);
			}
			else if (who.equals("handlerA")) {
				assertThat(List.of(put, form, cancel)).as(who + " sees it, may not change it").containsOnly(403);
			}
			else {
				assertThat(List.of(put, form, cancel)).as(who)
					.allSatisfy(status -> assertThat(status)
						.isIn(m.actor().isEnterpriseContact() ? List.of(403, 404) : List.of(404)));
			}
			Views.Inspection now = this.queries.inspection(ahead, this.inspectorA.actor());
			assertThat(now.cancelled()).as(who + " cancelled it").isEqualTo(form == 302);
			assertThat(now.inspectedOn()).as(who + " moved it").isEqualTo(today.plusDays(put == 200 ? 6 : 5));
		}
	}

	/**
	 * A planned inspection whose day has come is filled in by the discipline roles who
	 * see it, on the API or its page; the inspected unit sees it but may not (403);
	 * nobody else sees it (404). Each may try on an inspection of his own, so that a
	 * refusal is not hidden by an earlier fill.
	 */
	@Test
	void onlyTheDisciplineRolesWhoSeeItFillInAScheduledInspection() throws Exception {
		long group = this.queries.action(this.a.action(), this.inspectorA.actor()).groups().get(0).id();
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			long[] due = new long[2];
			for (int i = 0; i < 2; i++) {
				due[i] = this.management
					.recordInspection(
							this.a.action(), new NewInspection(group, this.world.deptA().getId(),
									InspectionMode.PLANNED, today.plusDays(1), null, List.of(), null),
							this.inspectorA.actor());
				this.jdbc.sql("update inspection set inspected_on = :today where id = :id")
					.param("today", today)
					.param("id", due[i])
					.update();
			}
			int put = this.api
				.put(m, "/api/v1/discipline/inspections/" + due[0] + "/checks",
						"{\"version\": 0, \"checks\": [{\"position\": 1, \"passed\": true}]}")
				.getResponse()
				.getStatus();
			int form = this.mvc
				.perform(MockMvcRequestBuilders.post("/discipline/inspections/" + due[1] + "/checks")
					.param("version", "0")
					.param("passed", "1")
					.session(this.api.login(m))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			if (isDiscipline(who) && !who.equals("inspectorB")) {
				assertThat(List.of(put, form)).as(who + " fills in").containsExactly(200, 302);
			}
			else if (who.equals("handlerA")) {
				assertThat(List.of(put, form)).as(who + " sees it, may not fill it in").containsOnly(403);
			}
			else {
				assertThat(List.of(put, form)).as(who)
					.allSatisfy(status -> assertThat(status)
						.isIn(m.actor().isEnterpriseContact() ? List.of(403, 404) : List.of(404)));
			}
			for (long id : due) {
				assertThat(this.queries.inspection(id, this.inspectorA.actor()).checkedAt() != null)
					.as(who + " filled it in")
					.isEqualTo(isDiscipline(who) && !who.equals("inspectorB"));
			}
		}
	}

	/**
	 * The register's form (问责追究): offered to inspectors only; recorded by the unit's own
	 * inspector; refused to everyone else without a name of the register shown.
	 */
	@Test
	void onlyTheUnitsInspectorRecordsADecisionOnThePage() throws Exception {
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			MockHttpSession session = this.api.login(entry.getValue());
			MvcResult register = this.api.page(session,
					"/discipline/accountability?causeType=FINDING&causeId=" + this.a.finding());
			assertThat(register.getResponse().getStatus()).as(who + " register page with form")
				.isEqualTo(isDiscipline(who) ? 200 : 403);
			assertThat(register.getResponse().getContentAsString().contains("id=\"accountability-form\""))
				.as(who + " is offered the form")
				.isEqualTo(who.startsWith("inspector"));
			// Names the finding only to who sees it.
			assertThat(register.getResponse().getContentAsString().contains("明查问题330421"))
				.as(who + " form names the cause")
				.isEqualTo(who.equals("inspectorA"));
			MvcResult sent = this.mvc
				.perform(MockMvcRequestBuilders.multipart("/discipline/accountability")
					.param("causeType", "FINDING")
					.param("causeId", Long.toString(this.a.finding()))
					.param("target", "PERSON:NOTICE")
					.param("personName", "页面问责" + who)
					.param("unitId", Long.toString(this.world.deptA().getId()))
					.param("decidedBy", "纪委")
					.param("decidedOn", LocalDate.now().toString())
					.param("documentNumber", "页面文号" + who)
					.session(session)
					.with(csrf()))
				.andReturn();
			boolean stored = this.jdbc.sql("select count(*) from accountability where document_number = :n")
				.param("n", "页面文号" + who)
				.query(Integer.class)
				.single() > 0;
			if (who.equals("inspectorA")) {
				assertThat(sent.getResponse().getStatus()).as(who + " records").isEqualTo(302);
				assertThat(stored).isTrue();
			}
			else {
				assertThat(sent.getResponse().getStatus()).as(who + " refused").isIn(400, 403, 409);
				assertThat(stored).as(who + " stored nothing").isFalse();
				if (!isDiscipline(who)) {
					assertThat(sent.getResponse().getContentAsString()).as(who + " sees no name")
						.doesNotContain("某乙330421", "某乙330481");
				}
			}
		}
	}

	/**
	 * 公示: only an inspector whose jurisdiction holds a unit previews, publishes and
	 * withdraws its list, on the API and the pages; everybody, and nobody logged in,
	 * reads a published list, which names nobody and tells no unannounced inspection's
	 * finding before it is issued; a list not published is 404.
	 */
	@Test
	void onlyTheUnitsInspectorPublishesItsListAndEverybodyReadsItWithoutNames() throws Exception {
		Api api = new Api(this.mvc);
		long ownUnit = this.world.deptA().getId();
		long hiddenUnit = this.world.otherDeptA().getId();
		long foreignUnit = this.world.deptB().getId();
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			Member m = entry.getValue();
			boolean ownInspector = who.equals("inspectorA");
			assertThat(status(api, m, "/api/v1/discipline/disclosures/" + ownUnit)).as(who + " preview")
				.isEqualTo(ownInspector ? 200 : 409);
			assertThat(status(api, m, "/api/v1/discipline/disclosures/" + foreignUnit)).as(who + " foreign preview")
				.isEqualTo(who.equals("inspectorB") ? 200 : 409);
			if (!ownInspector) {
				assertThat(api.post(m, "/api/v1/discipline/disclosures/" + ownUnit, "{}").getResponse().getStatus())
					.as(who + " publish")
					.isEqualTo(409);
			}
			MockHttpSession session = this.api.login(m);
			int manage = this.api.page(session, "/discipline/disclosures?unit=" + ownUnit).getResponse().getStatus();
			assertThat(manage).as(who + " manage page")
				.isEqualTo(ownInspector ? 200 : who.startsWith("inspector") ? 409 : 403);
			int form = this.mvc
				.perform(MockMvcRequestBuilders.post("/discipline/disclosures/" + ownUnit + "/publish")
					.session(session)
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			if (!ownInspector) {
				assertThat(form).as(who + " publish form").isEqualTo(409);
			}
			else {
				assertThat(form).as(who + " publish form").isEqualTo(302);
			}
		}
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/disclosure/units/" + foreignUnit))
			.andReturn()
			.getResponse()
			.getStatus()).as("a list not published").isEqualTo(404);
		assertThat(api.post(this.inspectorA, "/api/v1/discipline/disclosures/" + hiddenUnit, "{}")
			.getResponse()
			.getStatus()).isEqualTo(200);
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			String who = entry.getKey();
			MockHttpSession session = this.api.login(entry.getValue());
			for (long unit : List.of(ownUnit, hiddenUnit)) {
				MvcResult read = this.api.page(session, "/disclosure/units/" + unit);
				assertThat(read.getResponse().getStatus()).as(who + " reads").isEqualTo(200);
				assertThat(read.getResponse().getContentAsString()).as(who)
					.doesNotContain("某乙330421", "某甲330421", "暗访问题330421", "文号330421", "a.png");
			}
			assertThat(this.api.page(session, "/disclosure/units/" + ownUnit).getResponse().getContentAsString())
				.contains("明查问题330421");
		}
		MvcResult anonymous = this.mvc.perform(MockMvcRequestBuilders.get("/disclosure/units/" + ownUnit)).andReturn();
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(200);
		assertThat(anonymous.getResponse().getContentAsString()).contains("明查问题330421").doesNotContain("某乙330421");
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/disclosure")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		// Nobody but the unit's inspector withdraws it; then it is gone.
		for (Map.Entry<String, Member> entry : everybody().entrySet()) {
			if (!entry.getKey().equals("inspectorA")) {
				assertThat(api.delete(entry.getValue(), "/api/v1/discipline/disclosures/" + ownUnit)
					.getResponse()
					.getStatus()).as(entry.getKey() + " withdraws").isEqualTo(409);
			}
		}
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/disclosure/units/" + ownUnit))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(api.delete(this.inspectorA, "/api/v1/discipline/disclosures/" + ownUnit).getResponse().getStatus())
			.isEqualTo(204);
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/disclosure/units/" + ownUnit))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(
				api.delete(this.inspectorA, "/api/v1/discipline/disclosures/" + hiddenUnit).getResponse().getStatus())
			.isEqualTo(204);
	}

	boolean isDiscipline(String who) {
		return who.startsWith("inspector") || who.equals("memberA");
	}

	static int status(Api api, Member m, String path) throws Exception {
		return api.get(m, path).getResponse().getStatus();
	}

	static String body(Api api, Member m, String path) throws Exception {
		MvcResult result = api.get(m, path);
		return result.getResponse().getStatus() == 200 ? result.getResponse().getContentAsString() : "";
	}

}
