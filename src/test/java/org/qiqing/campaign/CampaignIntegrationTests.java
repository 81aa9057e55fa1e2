package org.qiqing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.Rectification;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The campaign end to end through its API: a unit ticks its own key actions with a note
 * or a file and the progress counts them; the units behind are urged on the case engine,
 * once a day, grouped in one item per unit; a meeting's agenda lists the lagging units
 * and the overdue rectification items; its decision becomes a leader's assignment; bad
 * input is a problem naming its field.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	@Autowired
	CampaignManagement management;

	@Autowired
	DailyUrging daily;

	@Autowired
	PlatformClock clock;

	Member inspector;

	Api api;

	@BeforeAll
	void people() {
		this.inspector = this.officials.official("t.c.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		this.api = new Api(this.mvc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static LocalDate today() {
		return LocalDate.now(PlatformClock.CHINA);
	}

	/** A campaign of departments A and A2 of county A, its key actions as given. */
	long campaign(String title, LocalDate startsOn, String actions) throws Exception {
		MvcResult created = this.api.post(this.inspector, "/api/v1/campaigns", """
				{"title": "%s", "organiserUnitId": %d, "startsOn": "%s", "endsOn": "%s",
				 "unitIds": [%d, %d], "actions": %s}""".formatted(title, this.world.centreA().getId(), startsOn,
				today().plusDays(30), this.world.deptA().getId(), this.world.otherDeptA().getId(), actions));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return ((Number) Api.read(created, "$.id")).longValue();
	}

	List<Integer> actionIds(long campaign) throws Exception {
		return JsonPath.read(
				this.api.get(this.inspector, "/api/v1/campaigns/" + campaign).getResponse().getContentAsString(),
				"$.actions[*].id");
	}

	int tick(Member who, long campaign, Unit unit, long action, LocalDate on, String note) throws Exception {
		return this.api
			.post(who, "/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(campaign, unit.getId(), action),
					note == null ? "{\"doneOn\": \"%s\"}".formatted(on)
							: "{\"doneOn\": \"%s\", \"note\": \"%s\"}".formatted(on, note))
			.getResponse()
			.getStatus();
	}

	@Test
	void aUnitTicksItsOwnKeyActionsAndTheProgressCountsThem() throws Exception {
		long id = campaign("专题教育甲", today().minusDays(10), "[]");
		String detail = this.api.get(this.inspector, "/api/v1/campaigns/" + id).getResponse().getContentAsString();
		List<String> names = JsonPath.read(detail, "$.actions[*].name");
		assertThat(names).containsExactly("专题党课", "专题学习研讨", "专题民主生活会和组织生活会", "整改落实和立规执纪");
		List<Integer> actions = actionIds(id);
		assertThat(tick(this.world.handlerA(), id, this.world.deptA(), actions.get(0), today().minusDays(1), "已讲党课"))
			.isEqualTo(204);
		MvcResult withFile = this.mvc.perform(MockMvcRequestBuilders
			.multipart("/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(),
					actions.get(1)))
			.file(new MockMultipartFile("evidence", "研讨.png", "image/png", PNG))
			.param("doneOn", today().toString())
			.header(HttpHeaders.AUTHORIZATION, this.world.handlerA().bearer())).andReturn();
		assertThat(withFile.getResponse().getStatus()).as(withFile.getResponse().getContentAsString()).isEqualTo(204);
		// Once only.
		assertThat(tick(this.world.handlerA(), id, this.world.deptA(), actions.get(0), today(), "again"))
			.isEqualTo(409);
		detail = this.api.get(this.inspector, "/api/v1/campaigns/" + id).getResponse().getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(detail, "$.units[*].done")).containsExactly(2, 0);
		assertThat(JsonPath.<Integer>read(detail, "$.regions[0].units")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(detail, "$.regions[0].done")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(detail, "$.regions[0].total")).isEqualTo(8);
		assertThat(JsonPath.<Integer>read(detail, "$.regions[0].unitsBehind")).isZero();
		// The unit sees its own checklist only, and not another's to tick.
		String own = this.api.get(this.world.handlerA(), "/api/v1/campaigns/" + id).getResponse().getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(own, "$.units[*].unitId"))
			.containsExactly(this.world.deptA().getId().intValue());
		assertThat(JsonPath.<Boolean>read(own, "$.manages")).isFalse();
		assertThat(tick(this.world.handlerA(), id, this.world.otherDeptA(), actions.get(0), today(), "x"))
			.isEqualTo(404);
		// Its evidence is served to those who see the checklist.
		String file = "/api/v1/campaigns/%d/units/%d/actions/%d/evidence".formatted(id, this.world.deptA().getId(),
				actions.get(1));
		assertThat(this.api.get(this.world.handlerA(), file).getResponse().getContentAsByteArray()).isEqualTo(PNG);
		assertThat(this.api.get(this.inspector, file).getResponse().getStatus()).isEqualTo(200);
		assertThat(this.api.get(this.world.otherHandlerA(), file).getResponse().getStatus()).isEqualTo(404);
		// A retired key action no longer counts; a renamed one keeps its ticks.
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/campaigns/%d/actions/%d".formatted(id, actions.get(3)))
				.contentType("application/json")
				.content("{\"name\": \"整改落实\", \"dueOn\": \"%s\", \"retired\": true}".formatted(today()))
				.header(HttpHeaders.AUTHORIZATION, this.inspector.bearer()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		detail = this.api.get(this.inspector, "/api/v1/campaigns/" + id).getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(detail, "$.regions[0].total")).isEqualTo(6);
		assertThat(tick(this.world.handlerA(), id, this.world.deptA(), actions.get(3), today(), "x")).isEqualTo(400);
	}

	@Test
	void theUnitsBehindAreUrgedOnTheCaseEngineOnceADayInOneItemEach() throws Exception {
		long id = campaign("专题教育乙", today().minusDays(20), """
				[{"name": "专题党课", "dueOn": "%s"}, {"name": "专题学习研讨", "dueOn": "%s"}, {"name": "整改落实", "dueOn": "%s"}]"""
			.formatted(today().minusDays(5), today().minusDays(3), today().plusDays(10)));
		List<Integer> actions = actionIds(id);
		// Department A did both overdue actions; department A2 did one of them.
		assertThat(tick(this.world.handlerA(), id, this.world.deptA(), actions.get(0), today().minusDays(6), "ok"))
			.isEqualTo(204);
		assertThat(tick(this.world.handlerA(), id, this.world.deptA(), actions.get(1), today().minusDays(4), "ok"))
			.isEqualTo(204);
		assertThat(tick(this.world.otherHandlerA(), id, this.world.otherDeptA(), actions.get(0), today().minusDays(6),
				"ok"))
			.isEqualTo(204);
		String lagging = this.api.get(this.inspector, "/api/v1/campaigns/" + id + "/lagging")
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(lagging, "$[*].unitId"))
			.containsExactly(this.world.otherDeptA().getId().intValue());
		String detail = this.api.get(this.inspector, "/api/v1/campaigns/" + id).getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(detail, "$.regions[0].unitsBehind")).isEqualTo(1);

		MvcResult urged = this.api.post(this.inspector, "/api/v1/campaigns/" + id + "/urge", "{}");
		assertThat(urged.getResponse().getStatus()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(urged.getResponse().getContentAsString(), "$.filed")).isEqualTo(1);
		long caseId = this.management.urgingCase(id, this.world.otherDeptA().getId()).orElseThrow();
		assertThat(this.management.urgingCase(id, this.world.deptA().getId())).isEmpty();
		Case item = this.cases.find(caseId, this.inspector.actor());
		assertThat(item.getKind()).isEqualTo(CaseKind.RECTIFICATION);
		assertThat(item.getState()).isEqualTo(CaseState.ASSIGNED);
		assertThat(item.getLeadUnitId()).isEqualTo(this.world.otherDeptA().getId());
		assertThat(item.getTitle()).contains("专题教育乙");
		// The unit is told: its own case, which it may act on.
		assertThat(this.cases.allowedActions(this.cases.find(caseId, this.world.otherHandlerA().actor()),
				this.world.otherHandlerA().actor()))
			.contains(CaseAction.CONTACT);
		// The same day: nothing more.
		urged = this.api.post(this.inspector, "/api/v1/campaigns/" + id + "/urge", "{}");
		assertThat(JsonPath.<Integer>read(urged.getResponse().getContentAsString(), "$.filed")).isZero();
		assertThat(JsonPath.<Integer>read(urged.getResponse().getContentAsString(), "$.unchanged")).isEqualTo(1);
		// The next day the same item is urged on the engine, not a second one filed.
		this.clock.set(Instant.now().plus(Duration.ofDays(1)));
		CampaignViews.Urged again = this.management.urge(id, this.inspector.actor());
		assertThat(again).isEqualTo(new CampaignViews.Urged(0, 1, 0));
		assertThat(this.management.urgingCase(id, this.world.otherDeptA().getId())).contains(caseId);
		assertThat(this.cases.timeline(caseId, this.inspector.actor()))
			.extracting(org.qiqing.casework.CaseHistory.Entry::action)
			.contains(CaseAction.URGE);
		this.clock.reset();
		// Nobody but an inspector urges.
		assertThat(this.api.post(this.world.leaderA(), "/api/v1/campaigns/" + id + "/urge", "{}")
			.getResponse()
			.getStatus()).isEqualTo(409);
	}

	@Test
	void theDailyRoundUrgesEachOverdueUnitAtMostOnceADayWhoeverUrges() throws Exception {
		long id = campaign("专题教育丁", today().minusDays(20),
				"[{\"name\": \"专题党课\", \"dueOn\": \"%s\"}]".formatted(today().minusDays(2)));
		long lagging = this.world.otherDeptA().getId();
		// Department A did its key action; department A2 is overdue.
		assertThat(
				tick(this.world.handlerA(), id, this.world.deptA(), actionIds(id).get(0), today().minusDays(3), "ok"))
			.isEqualTo(204);

		assertThat(this.daily.urgeRunningCampaigns()).containsEntry(id, new CampaignViews.Urged(1, 0, 0));
		long caseId = this.management.urgingCase(id, lagging).orElseThrow();
		assertThat(this.management.urgingCase(id, this.world.deptA().getId())).isEmpty();
		Case item = this.cases.find(caseId, this.inspector.actor());
		assertThat(item.getKind()).isEqualTo(CaseKind.RECTIFICATION);
		assertThat(item.getLeadUnitId()).isEqualTo(lagging);
		// The same day, a second round (another node, a restart) and the inspector's
		// button
		// add nothing.
		assertThat(this.daily.urgeRunningCampaigns()).containsEntry(id, new CampaignViews.Urged(0, 0, 1));
		assertThat(this.management.urge(id, this.inspector.actor())).isEqualTo(new CampaignViews.Urged(0, 0, 1));
		// The next day the same item is urged once, however often the round runs.
		this.clock.set(Instant.now().plus(Duration.ofDays(1)));
		assertThat(this.daily.urgeRunningCampaigns()).containsEntry(id, new CampaignViews.Urged(0, 1, 0));
		assertThat(this.daily.urgeRunningCampaigns()).containsEntry(id, new CampaignViews.Urged(0, 0, 1));
		assertThat(this.management.urge(id, this.inspector.actor())).isEqualTo(new CampaignViews.Urged(0, 0, 1));
		assertThat(this.management.urgingCase(id, lagging)).contains(caseId);
		assertThat(this.cases.timeline(caseId, this.inspector.actor()))
			.filteredOn(entry -> entry.action() == CaseAction.URGE)
			.hasSize(1);
		// A campaign that has ended is no longer urged.
		this.clock.set(Instant.now().plus(Duration.ofDays(31)));
		assertThat(this.daily.urgeRunningCampaigns()).doesNotContainKey(id);
	}

	@Test
	void theAgendaListsWhatLagsAndADecisionBecomesALeadersAssignment() throws Exception {
		long id = campaign("专题教育丙", today().minusDays(20),
				"[{\"name\": \"专题党课\", \"dueOn\": \"%s\"}]".formatted(today().minusDays(2)));
		// A rectification item filed 40 days ago, due 30 days ago, still open.
		this.clock.set(Instant.now().minus(Duration.ofDays(40)));
		Case overdue = this.cases.fileRectification(
				new Rectification("台账不全", "整改台账不全", this.world.deptA().getId(),
						LocalDate.now(this.clock.withZone(PlatformClock.CHINA)).plusDays(10), List.of()),
				this.inspector.actor());
		this.clock.reset();
		MvcResult called = this.api.post(this.inspector, "/api/v1/meetings", """
				{"kind": "BIMONTHLY", "campaignId": %d, "organiserUnitId": %d, "heldOn": "%s",
				 "participants": "纪委、组织部、宣传部"}""".formatted(id, this.world.centreA().getId(), today()));
		assertThat(called.getResponse().getStatus()).as(called.getResponse().getContentAsString()).isEqualTo(201);
		long meeting = ((Number) Api.read(called, "$.id")).longValue();
		String detail = this.api.get(this.inspector, "/api/v1/meetings/" + meeting).getResponse().getContentAsString();
		List<String> kinds = JsonPath.read(detail, "$.agenda[*].kind");
		List<Integer> refs = JsonPath.read(detail, "$.agenda[*].refId");
		assertThat(refs).contains(this.world.deptA().getId().intValue(), this.world.otherDeptA().getId().intValue(),
				overdue.getId().intValue());
		assertThat(kinds).contains("LAGGING_UNIT", "OVERDUE_ITEM");
		assertThat(JsonPath.<List<Integer>>read(detail, "$.agenda[?(@.kind == 'LAGGING_UNIT')].overdue"))
			.containsOnly(1);
		// The leader sees it on his page as well.
		assertThat(this.api.get(this.world.leaderA(), "/api/v1/meetings/" + meeting).getResponse().getStatus())
			.isEqualTo(200);

		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/meetings/" + meeting + "/minutes")
				.contentType("application/json")
				.content("{\"minutes\": \"会议通报了进度滞后单位。\"}")
				.header(HttpHeaders.AUTHORIZATION, this.inspector.bearer()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		MvcResult decided = this.api.post(this.inspector, "/api/v1/meetings/" + meeting + "/decisions",
				"{\"text\": \"经信局一周内补齐专题党课\", \"unitId\": %d, \"dueOn\": \"%s\"}".formatted(this.world.deptA().getId(),
						today().plusDays(7)));
		assertThat(decided.getResponse().getStatus()).isEqualTo(201);
		long decision = ((Number) Api.read(decided, "$.id")).longValue();
		detail = this.api.get(this.inspector, "/api/v1/meetings/" + meeting).getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(detail, "$.meeting.minutes")).isEqualTo("会议通报了进度滞后单位。");
		assertThat(JsonPath.<Object>read(detail, "$.decisions[0].caseId")).isNull();
		// The inspector records it; a leader of the jurisdiction assigns it.
		String assign = "/api/v1/meetings/" + meeting + "/decisions/" + decision + "/assign";
		assertThat(this.api.post(this.inspector, assign, "{}").getResponse().getStatus()).isEqualTo(409);
		MvcResult assigned = this.api.post(this.world.leaderA(), assign, "{}");
		assertThat(assigned.getResponse().getStatus()).as(assigned.getResponse().getContentAsString()).isEqualTo(201);
		long caseId = ((Number) Api.read(assigned, "$.caseId")).longValue();
		Case kase = this.cases.find(caseId, this.world.leaderA().actor());
		assertThat(kase.getKind()).isEqualTo(CaseKind.LEADER_ASSIGNMENT);
		assertThat(kase.getState()).isEqualTo(CaseState.ASSIGNED);
		assertThat(kase.getLeadUnitId()).isEqualTo(this.world.deptA().getId());
		assertThat(kase.getDueDate()).isEqualTo(today().plusDays(7));
		assertThat(kase.getTitle()).contains("双月例会", "经信局一周内补齐专题党课");
		assertThat(this.api.post(this.world.leaderA(), assign, "{}").getResponse().getStatus()).isEqualTo(409);
		detail = this.api.get(this.inspector, "/api/v1/meetings/" + meeting).getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(detail, "$.decisions[0].caseId")).isEqualTo((int) caseId);
	}

	@Test
	void badInputIsAProblemNamingEachField() throws Exception {
		MvcResult bad = this.api.post(this.inspector, "/api/v1/campaigns", """
				{"title": " ", "organiserUnitId": 999999, "startsOn": "%s", "endsOn": "%s",
				 "actions": [{"name": "专题党课", "dueOn": "%s"}]}""".formatted(today(), today().minusDays(1),
				today().minusDays(9)));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentType()).contains("application/problem+json");
		assertThat(bad.getResponse().getContentAsString()).contains("\"title\"", "\"organiserUnitId\"", "\"endsOn\"",
				"\"actions\"");
		// A unit of another county does not take part.
		assertThat(this.api
			.post(this.inspector, "/api/v1/campaigns",
					"""
							{"title": "跨县", "organiserUnitId": %d, "startsOn": "%s", "endsOn": "%s", "unitIds": [%d]}"""
						.formatted(this.world.centreA().getId(), today(), today(), this.world.deptB().getId()))
			.getResponse()
			.getContentAsString()).contains("\"unitIds\"");
		long id = campaign("专题教育丁", today().minusDays(3), "[]");
		int first = actionIds(id).get(0);
		MvcResult future = this.api.post(this.world.handlerA(),
				"/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(), first),
				"{\"doneOn\": \"%s\", \"note\": \"x\"}".formatted(today().plusDays(1)));
		assertThat(future.getResponse().getStatus()).isEqualTo(400);
		assertThat(future.getResponse().getContentAsString()).contains("\"doneOn\"");
		MvcResult early = this.api.post(this.world.handlerA(),
				"/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(), first),
				"{\"doneOn\": \"%s\", \"note\": \"x\"}".formatted(today().minusDays(4)));
		assertThat(early.getResponse().getContentAsString()).contains("\"doneOn\"");
		MvcResult bare = this.api.post(this.world.handlerA(),
				"/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(), first),
				"{\"doneOn\": \"%s\"}".formatted(today()));
		assertThat(bare.getResponse().getStatus()).isEqualTo(400);
		assertThat(bare.getResponse().getContentAsString()).contains("\"note\"");
		assertThat(
				this.api
					.post(this.world.handlerA(),
							"/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(),
									999999),
							"{\"doneOn\": \"%s\", \"note\": \"x\"}".formatted(today()))
					.getResponse()
					.getContentAsString())
			.contains("\"actionId\"");
		MvcResult text = this.mvc
			.perform(MockMvcRequestBuilders
				.multipart("/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(),
						first))
				.file(new MockMultipartFile("evidence", "a.txt", "text/plain", "hello".getBytes()))
				.param("doneOn", today().toString())
				.header(HttpHeaders.AUTHORIZATION, this.world.handlerA().bearer()))
			.andReturn();
		assertThat(text.getResponse().getStatus()).isEqualTo(400);
		assertThat(text.getResponse().getContentAsString()).contains("\"evidence\"");
		assertThat(
				this.api
					.post(this.world.handlerA(),
							"/api/v1/campaigns/%d/units/%d/actions/%d/done".formatted(id, this.world.deptA().getId(),
									first),
							"{\"doneOn\": \"not a day\"}")
					.getResponse()
					.getStatus())
			.isEqualTo(400);
		MvcResult meeting = this.api.post(this.inspector, "/api/v1/meetings",
				"{\"kind\": \"REGULAR\", \"organiserUnitId\": %d, \"participants\": \"\"}"
					.formatted(this.world.centreA().getId()));
		assertThat(meeting.getResponse().getStatus()).isEqualTo(400);
		assertThat(meeting.getResponse().getContentAsString()).contains("\"heldOn\"", "\"participants\"");
		long held = ((Number) Api.read(this.api.post(this.inspector, "/api/v1/meetings",
				"{\"kind\": \"REGULAR\", \"organiserUnitId\": %d, \"heldOn\": \"%s\", \"participants\": \"纪委\"}"
					.formatted(this.world.centreA().getId(), today())),
				"$.id"))
			.longValue();
		MvcResult decision = this.api.post(this.inspector, "/api/v1/meetings/" + held + "/decisions",
				"{\"text\": \"\", \"unitId\": 999999, \"dueOn\": \"%s\"}".formatted(today().minusDays(1)));
		assertThat(decision.getResponse().getStatus()).isEqualTo(400);
		assertThat(decision.getResponse().getContentAsString()).contains("\"text\"", "\"unitId\"", "\"dueOn\"");
		assertThat(this.api.get(this.inspector, "/api/v1/campaigns/999999").getResponse().getStatus()).isEqualTo(404);
		assertThat(this.api.get(this.inspector, "/api/v1/meetings/999999").getResponse().getStatus()).isEqualTo(404);
	}

}
