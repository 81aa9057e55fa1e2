package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Role;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A planned inspection scheduled ahead is filled in on its day: its checklist and summary
 * on its page or the API, once, at the version read; or by a phone's record of the same
 * unit by the same group that day, which fills it in rather than counting the visit
 * twice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionFillInIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	DisciplineFigures figures;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	Member inspector;

	Member foreignInspector;

	Member member;

	@BeforeAll
	void inspectors() {
		this.inspector = this.officials.official("t.fill.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		this.foreignInspector = this.officials.official("t.fill.inspector.b", Role.INSPECTOR, this.world.centreB(),
				"330481");
		this.member = this.officials.official("t.fill.member", Role.HANDLER, this.world.otherDeptA(), null);
	}

	@Test
	void aScheduledInspectionIsFilledInOnItsDayOnceAtTheVersionRead() throws Exception {
		long action = action("明查 填写检查情况");
		long group = group(action);
		long tomorrow = schedule(action, group, today().plusDays(1), "看一次性告知");
		String ahead = "/api/v1/discipline/inspections/" + tomorrow + "/checks";
		assertThat(this.api.put(this.member, ahead, fill(0, "早了", "")).getResponse().getStatus()).isEqualTo(409);

		long due = dueToday(action, group, "看一次性告知");
		String path = "/api/v1/discipline/inspections/" + due + "/checks";
		// Recorded on the day with a summary alone beside the checklist, it says what to
		// look at: still to fill in.
		assertThat(
				this.queries.inspection(schedule(action, group, today(), "只写了要看什么"), this.member.actor()).checkedAt())
			.isNull();
		assertThat(
				Api.read(this.api.get(this.member, "/api/v1/discipline/inspections/" + due), "$.inspection.checkedAt"))
			.isNull();
		// Bad input, a stale version and people who may not: a problem each, nothing
		// kept.
		for (String bad : List.of(fill(0, "序号越界", ", {\"position\": 3, \"passed\": true}"),
				fill(0, "重复", ", {\"position\": 1, \"passed\": true}"), "{\"summary\": \"没有版本\"}", "{\"version\": 0}",
				"{\"version\": 0, \"checks\": [{\"position\": 2, \"passed\": true}]}",
				"{\"version\": 0, \"summary\": \"" + "长".repeat(4001) + "\"}")) {
			MvcResult refused = this.api.put(this.member, path, bad);
			assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(400);
			assertThat(refused.getResponse().getContentType()).as(bad).contains("problem");
		}
		assertThat(this.api.put(this.member, path, fill(1, "旧版本", "")).getResponse().getStatus()).isEqualTo(412);
		assertThat(this.api.put(this.world.handlerA(), path, fill(0, "被检查单位", "")).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.api.put(this.foreignInspector, path, fill(0, "外县", "")).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from inspection_check where inspection_id = :id")
			.param("id", due)
			.query(Integer.class)
			.single()).isZero();

		MvcResult filled = this.api.put(this.member, path, fill(0, "告知单已改版", ""));
		assertThat(filled.getResponse().getStatus()).as(filled.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(Api.read(filled, "$.inspection.version")).isEqualTo(1);
		assertThat(Api.read(filled, "$.inspection.summary")).isEqualTo("告知单已改版");
		assertThat(Api.read(filled, "$.inspection.checkedAt")).isNotNull();
		assertThat(this.queries.checks(due, this.member.actor())).containsExactly(new Views.Check(1, true, "清楚"),
				new Views.Check(2, false, "来回跑了两次"));
		// Once: not again, whatever the version; its findings are still added.
		assertThat(this.api.put(this.inspector, path, fill(1, "再填一次", "")).getResponse().getStatus()).isEqualTo(409);
		assertThat(this.management.recordFinding(due, new NewFinding(kind(), null, "来回跑", null, null), List.of(),
				this.member.actor()))
			.isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_entry where action = 'DISCIPLINE_CHANGED' and target_kind = 'inspection'
				  and target_id = :id""").param("id", Long.toString(due)).query(Integer.class).single()).isEqualTo(1);

		// Cancelled, it is not filled in.
		long cancelled = schedule(action, group, today().plusDays(2), null);
		this.management.cancelInspection(cancelled, 0, "撞期", this.inspector.actor());
		comesToday(cancelled);
		assertThat(this.api.put(this.member, "/api/v1/discipline/inspections/" + cancelled + "/checks", fill(1, "", ""))
			.getResponse()
			.getStatus()).isEqualTo(409);
	}

	@Test
	void theInspectionsPageFillsItInAndThenShowsTheChecklistWithItsNotes() throws Exception {
		long action = action("明查 页面填写");
		long due = dueToday(action, group(action), "看窗口");
		String page = "/discipline/inspections/" + due;
		MockHttpSession member = this.api.login(this.member);
		assertThat(this.api.pageText(member, page)).contains("id=\"fill-in\"", "1. 一次性告知是否清楚", "name=\"note2\"",
				"看窗口</textarea>");
		assertThat(this.api.pageText(this.api.login(this.world.handlerA()), page)).doesNotContain("id=\"fill-in\"");

		MvcResult stale = post(member, page + "/checks", "version", "3", "passed", "2", "note2", "无");
		assertThat(stale.getResponse().getStatus()).isEqualTo(412);
		assertThat(stale.getResponse().getContentAsString()).contains("id=\"inspection-problem\"");
		MvcResult saved = post(member, page + "/checks", "version", "0", "passed", "2", "note1", "告知单缺材料清单", "summary",
				"窗口明查");
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		String html = this.api.pageText(member, page);
		assertThat(html).doesNotContain("id=\"fill-in\"")
			.contains("检查情况已保存", "1. 一次性告知是否清楚", "不符合", "告知单缺材料清单", "2. 办事是否来回跑", "窗口明查");
		assertThat(this.queries.checks(due, this.member.actor())).containsExactly(new Views.Check(1, false, "告知单缺材料清单"),
				new Views.Check(2, true, null));
		MvcResult again = post(member, page + "/checks", "version", "1", "passed", "1");
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(again.getResponse().getContentAsString()).contains("已经填写");
	}

	/**
	 * The action's page schedules a day ahead with the checklist left unticked (it is
	 * filled in on the day); the phone's page offers the planned inspections of his
	 * groups set for today, and no longer once filled in.
	 */
	@Test
	void theActionsPageSchedulesAheadAndThePhoneOffersWhatIsSetForToday() throws Exception {
		long action = action("明查 预先安排");
		long group = group(action);
		MockHttpSession member = this.api.login(this.member);
		MvcResult scheduled = post(member, "/discipline/actions/" + action + "/inspections", "groupId",
				Long.toString(group), "unitId", this.world.deptA().getId().toString(), "mode", "PLANNED", "inspectedOn",
				today().plusDays(3).toString(), "summary", "看窗口");
		assertThat(scheduled.getResponse().getStatus()).as(scheduled.getResponse().getContentAsString()).isEqualTo(302);
		long id = Long.parseLong(scheduled.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
		assertThat(this.queries.inspection(id, this.member.actor()).inspectedOn()).isEqualTo(today().plusDays(3));
		assertThat(this.queries.checks(id, this.member.actor())).isEmpty();
		// Ticked ahead is refused, readably.
		assertThat(post(member, "/discipline/actions/" + action + "/inspections", "groupId", Long.toString(group),
				"unitId", this.world.deptA().getId().toString(), "mode", "PLANNED", "inspectedOn",
				today().plusDays(3).toString(), "passed", "1")
			.getResponse()
			.getStatus()).isEqualTo(400);

		comesToday(id);
		assertThat(this.api.pageText(member, "/discipline/inspect")).contains("id=\"scheduled-today\"",
				"data-id=\"" + id + "\"");
		assertThat(this.api.pageText(member, "/discipline")).contains("待填写");
		this.api.put(this.member, "/api/v1/discipline/inspections/" + id + "/checks", fill(0, "看过了", ""));
		assertThat(this.api.pageText(member, "/discipline/inspect")).doesNotContain("data-id=\"" + id + "\"");
	}

	/**
	 * The group member went on the day with his phone, offline, and recorded the visit as
	 * any other: the scheduled inspection is filled in with his notes and findings, once
	 * however often the phone sends it, and the figures count one inspection, not two.
	 */
	@Test
	void aPhonesRecordOfTheVisitFillsTheScheduledInspectionInAndCountsOnce() throws Exception {
		long action = action("明查 手机填写");
		long group = group(action);
		long due = dueToday(action, group, null);
		DisciplineFilter thisAction = DisciplineFilter.none();
		long inspectionsBefore = this.figures.figures(thisAction, this.inspector.actor()).inspections();
		MockHttpSession phone = this.api.login(this.member);
		String key = "fill-" + System.nanoTime();
		String visit = phoneRecord(key, action, group, "PLANNED", "手机明查");

		MvcResult sent = this.mvc.perform(sync(visit).session(phone).with(csrf())).andReturn();
		assertThat(((Number) Api.read(sent, "$[0].status")).intValue()).as(sent.getResponse().getContentAsString())
			.isEqualTo(201);
		assertThat(((Number) Api.read(sent, "$[0].inspectionId")).longValue()).isEqualTo(due);
		MvcResult again = this.mvc.perform(sync(visit).session(phone).with(csrf())).andReturn();
		assertThat(((Number) Api.read(again, "$[0].status")).intValue()).isEqualTo(200);
		assertThat(((Number) Api.read(again, "$[0].inspectionId")).longValue()).isEqualTo(due);
		assertThat(this.queries.inspection(due, this.member.actor()).summary()).isEqualTo("手机明查");
		assertThat(this.queries.checks(due, this.member.actor())).containsExactly(new Views.Check(1, false, "告知单不清楚"),
				new Views.Check(2, true, null));
		assertThat(this.queries.findingsOf(due, this.member.actor())).hasSize(1);
		assertThat(inspectionsOf(action)).isEqualTo(1);
		assertThat(this.figures.figures(thisAction, this.inspector.actor()).inspections()).isEqualTo(inspectionsBefore);

		// Filled in, the next record of that day is an inspection of its own; so is an
		// unannounced one.
		MvcResult second = this.mvc
			.perform(sync(phoneRecord("fill-b-" + System.nanoTime(), action, group, "PLANNED", "第二次")).session(phone)
				.with(csrf()))
			.andReturn();
		assertThat(((Number) Api.read(second, "$[0].inspectionId")).longValue()).isNotEqualTo(due);
		long scheduled = dueToday(action, group, "看窗口");
		MvcResult unannounced = this.mvc
			.perform(sync(phoneRecord("fill-u-" + System.nanoTime(), action, group, "UNANNOUNCED", "暗访")).session(phone)
				.with(csrf()))
			.andReturn();
		assertThat(((Number) Api.read(unannounced, "$[0].inspectionId")).longValue()).isNotIn(due, scheduled);
		assertThat(this.queries.inspection(scheduled, this.member.actor()).checkedAt()).isNull();
		// A record without a summary fills it in and keeps the plan's.
		MvcResult silent = this.mvc
			.perform(sync(phoneRecord("fill-s-" + System.nanoTime(), action, group, "PLANNED", "")).session(phone)
				.with(csrf()))
			.andReturn();
		assertThat(((Number) Api.read(silent, "$[0].inspectionId")).longValue()).isEqualTo(scheduled);
		assertThat(this.queries.inspection(scheduled, this.member.actor()).summary()).isEqualTo("看窗口");
		assertThat(inspectionsOf(action)).isEqualTo(4);
	}

	/**
	 * Moved twice before its day, the plan keeps both moves, who made them and when, and
	 * the unit told of it sees them on the API and the page.
	 */
	@Test
	void everyMoveOfAScheduledInspectionIsKeptAndTheUnitSeesThem() throws Exception {
		long action = action("明查 两次改期");
		long id = schedule(action, group(action), today().plusDays(2), null);
		this.management.moveInspection(id, 0, today().plusDays(3), this.member.actor());
		this.management.moveInspection(id, 1, today().plusDays(5), this.inspector.actor());
		MvcResult seen = this.api.get(this.world.handlerA(), "/api/v1/discipline/inspections/" + id);
		assertThat((List<Object>) Api.read(seen, "$.moves[*].movedFrom"))
			.containsExactly(today().plusDays(2).toString(), today().plusDays(3).toString());
		assertThat((List<Object>) Api.read(seen, "$.moves[*].movedByName")).containsExactly("t.fill.member",
				"t.fill.inspector");
		assertThat(this.api.pageText(this.api.login(this.world.handlerA()), "/discipline/inspections/" + id)).contains(
				"t.fill.member：由 " + today().plusDays(2) + " 改期到 " + today().plusDays(3),
				"t.fill.inspector：由 " + today().plusDays(3) + " 改期到 " + today().plusDays(5));
	}

	private long action(String theme) {
		return this.management.createAction(new NewAction(
				theme, this.world.centreA().getId(), today().minusDays(10), today().plusDays(30), List.of("330421"),
				List.of(), List.of("一次性告知是否清楚", "办事是否来回跑"), List.of(new NewAction.Group("第一督查组",
						this.inspector.actor().personId(), List.of(this.member.actor().personId())))),
				this.inspector.actor());
	}

	private long group(long action) {
		return this.queries.action(action, this.inspector.actor()).groups().get(0).id();
	}

	/**
	 * A planned inspection of deptA by the group, set on the action's page for the day.
	 */
	private long schedule(long action, long group, LocalDate on, String summary) {
		return this.management.recordInspection(action, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, on, summary, List.of(), null), this.inspector.actor());
	}

	/**
	 * A planned inspection scheduled ahead, with what to look at, whose day has come (the
	 * days passed in an instant).
	 */
	private long dueToday(long action, long group, String summary) {
		long id = schedule(action, group, today().plusDays(1), summary);
		comesToday(id);
		return id;
	}

	private void comesToday(long inspection) {
		this.jdbc.sql("update inspection set inspected_on = :today where id = :id")
			.param("today", today())
			.param("id", inspection)
			.update();
	}

	private long kind() {
		return this.queries.kinds().stream().filter(k -> !k.retired()).findFirst().orElseThrow().id();
	}

	private int inspectionsOf(long action) {
		return this.jdbc.sql("select count(*) from inspection where action_id = :a")
			.param("a", action)
			.query(Integer.class)
			.single();
	}

	private static String fill(int version, String summary, String moreChecks) {
		return """
				{"version": %d, "summary": "%s", "checks": [{"position": 1, "passed": true, "note": "清楚"},
				 {"position": 2, "passed": false, "note": "来回跑了两次"}%s]}""".formatted(version, summary, moreChecks);
	}

	private String phoneRecord(String key, long action, long group, String mode, String summary) {
		return """
				{"clientKey": "%s", "actionId": %d, "groupId": %d, "unitId": %d, "mode": "%s", "inspectedOn": "%s",
				 "summary": "%s", "checks": [{"position": 1, "passed": false, "note": "告知单不清楚"},
				                             {"position": 2, "passed": true}],
				 "findings": [{"kindId": %d, "what": "一次性告知单不清楚", "place": "3 号窗口"}]}""".formatted(key, action, group,
				this.world.deptA().getId(), mode, today(), summary, kind());
	}

	private static MockMultipartHttpServletRequestBuilder sync(String inspection) {
		MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart("/discipline/device/sync");
		request.file(new MockMultipartFile("inspections", "", MediaType.APPLICATION_JSON_VALUE,
				("[" + inspection + "]").getBytes()));
		return request;
	}

	private MvcResult post(MockHttpSession session, String path, String... params) throws Exception {
		var request = MockMvcRequestBuilders.post(path).session(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

	private static LocalDate today() {
		return LocalDate.now(PlatformClock.CHINA);
	}

}
