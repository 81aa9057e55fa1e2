package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Paging;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The whole of issue 15's path on the real services: an inspector of 嘉善县 sets up an
 * action with its checklist and group, a member inspects a unit unannounced (the unit
 * does not see it until its findings are issued), the finding becomes a rectification
 * item that the unit works and the inspector closes only with evidence, a person is held
 * accountable, and the four figures move; names in the register for discipline roles
 * only.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisciplineIntegrationTests {

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
	CaseManagement cases;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	Member inspectorA;

	Member inspectorB;

	Member memberA;

	@BeforeAll
	void inspectors() {
		this.inspectorA = this.officials.official("t.d.inspector.a", Role.INSPECTOR, this.world.centreA(), "330421");
		this.inspectorB = this.officials.official("t.d.inspector.b", Role.INSPECTOR, this.world.centreB(), "330481");
		// A group member from the propaganda department: no role of discipline himself.
		this.memberA = this.officials.official("t.d.member.a", Role.HANDLER, this.world.otherDeptA(), null);
	}

	long action() {
		return this.management.createAction(new NewAction("正风肃纪 窗口服务专项检查", this.world.centreA().getId(),
				LocalDate.now().minusDays(30), LocalDate.now().plusDays(30), List.of("330421"), List.of(),
				List.of("一次性告知是否清楚", "办事是否来回跑"), List.of(new NewAction.Group("第一督查组",
						this.inspectorA.actor().personId(), List.of(this.memberA.actor().personId())))),
				this.inspectorA.actor());
	}

	long kind(String code) {
		return this.queries.kinds().stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow().id();
	}

	@Test
	void anUnannouncedInspectionBecomesARectificationItemThatTheGroupClosesAndTheFiguresMove() {
		Actor inspector = this.inspectorA.actor();
		Actor unit = this.world.handlerA().actor();
		DisciplineFilter all = DisciplineFilter.none();
		DisciplineFigures.Figures before = this.figures.figures(all, inspector);
		long unitCounted = this.figures.figures(all, unit).inspections();
		DisciplineFigures.Figures foreignBefore = this.figures.figures(all, this.inspectorB.actor());
		long actionId = action();
		Views.ActionDetail action = this.queries.action(actionId, this.memberA.actor());
		assertThat(action.checkpoints()).hasSize(2);
		assertThat(action.groups().get(0).members()).hasSize(2);
		// The member records an unannounced inspection of the department on his phone;
		// sent twice, it counts once.
		NewInspection visit = new NewInspection(action.groups().get(0).id(), this.world.deptA().getId(),
				InspectionMode.UNANNOUNCED, LocalDate.now(), "窗口暗访",
				List.of(new NewInspection.Check(1, false, "告知单不清楚"), new NewInspection.Check(2, false, null)),
				"phone-1");
		long inspectionId = this.management.recordInspection(actionId, visit, this.memberA.actor());
		assertThat(this.management.recordInspection(actionId, visit, this.memberA.actor())).isEqualTo(inspectionId);
		long findingId = this.management.recordFinding(inspectionId,
				new NewFinding(kind("DILIGENCE"), null, "一次性告知单不清楚，群众反复跑", "办事大厅 3 号窗口", "张某某"),
				List.of(new Evidence("photo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })),
				this.memberA.actor());
		// Before the findings are issued the unit sees nothing of the inspection.
		assertThatThrownBy(() -> this.queries.inspection(inspectionId, unit)).isInstanceOf(NotFound.class);
		assertThat(this.queries.inspections(null, all, Paging.of(0, 100, 100), unit))
			.noneMatch(i -> i.id() == inspectionId);
		assertThat(this.queries.findings(all, Paging.of(0, 100, 100), unit)).noneMatch(f -> f.id() == findingId);
		assertThat(this.figures.figures(all, unit).inspections()).isEqualTo(unitCounted);
		// Nor does a foreign inspector or an enterprise.
		assertThatThrownBy(() -> this.queries.action(actionId, this.inspectorB.actor())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.queries.finding(findingId, this.world.enterpriseA().actor()))
			.isInstanceOf(NotFound.class);
		List<Long> items = this.management.issueFindings(inspectionId, LocalDate.now().plusDays(20), inspector);
		assertThat(items).hasSize(1);
		// Now the unit sees its finding, without the names of the people involved.
		Views.Finding seen = this.queries.finding(findingId, unit);
		assertThat(seen.people()).isNull();
		assertThat(seen.rectificationId()).isEqualTo(items.get(0));
		assertThat(this.queries.finding(findingId, inspector).people()).isEqualTo("张某某");

		// The unit works the item; it cannot be reported done without evidence.
		long itemId = items.get(0);
		Case item = this.cases.find(itemId, unit);
		assertThat(item.getState()).isEqualTo(CaseState.ASSIGNED);
		item = this.cases.perform(itemId, item.getVersion(), CaseAction.CONTACT,
				StepInput.note("措施：重印告知单；责任人：李科长；时限：两周"), unit);
		item = this.cases.perform(itemId, item.getVersion(), CaseAction.STAGE_REPLY, StepInput.note("告知单已送印"), unit);
		int version = item.getVersion();
		assertThatThrownBy(() -> this.cases.perform(itemId, version, CaseAction.RESOLVE,
				new StepInput(null, null, null, null, Outcome.SOLVED, "已整改", null, null, null), unit))
			.isInstanceOf(InvalidInput.class);
		item = this.cases.perform(itemId, version, CaseAction.RESOLVE,
				new StepInput(null, null, null, null, Outcome.SOLVED, "已整改", null, null,
						List.of(new NewAttachment("new.pdf", "application/pdf", "%PDF-1.4".getBytes()))),
				unit);
		// The unit cannot close its own item; the inspector verifies and closes it.
		int resolved = item.getVersion();
		assertThatThrownBy(() -> this.cases.perform(itemId, resolved, CaseAction.CONFIRM, StepInput.note("好"), unit))
			.isInstanceOf(NotAllowed.class);
		item = this.cases.perform(itemId, resolved, CaseAction.CONFIRM, StepInput.note("验收合格，予以销号"), inspector);
		assertThat(item.getState()).isEqualTo(CaseState.CLOSED);
		// A second look (回头看) reopens it.
		item = this.cases.perform(itemId, item.getVersion(), CaseAction.SEND_BACK, StepInput.note("回头看发现反弹"),
				inspector);
		assertThat(item.getState()).isEqualTo(CaseState.REOPENED);

		// A person is held accountable for the finding.
		long decisionId = this.management.recordAccountability(
				new NewAccountability(CauseType.FINDING, findingId, Subject.PERSON, "张某某", this.world.deptA().getId(),
						AccountabilityForm.ADMONITION, "中共嘉善县纪委", LocalDate.now(), "善纪〔2026〕1号"),
				null, inspector);
		assertThat(this.queries.decision(decisionId, inspector).personName()).isEqualTo("张某某");
		assertThat(this.queries.decision(decisionId, this.memberA.actor()).personName()).isEqualTo("张某某");
		assertThatThrownBy(() -> this.queries.register(all, Paging.of(0, 10, 100), unit))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.queries.decision(decisionId, this.inspectorB.actor()))
			.isInstanceOf(NotFound.class);

		DisciplineFigures.Figures after = this.figures.figures(all, inspector);
		assertThat(after).isEqualTo(new DisciplineFigures.Figures(before.actions() + 1, before.inspections() + 1,
				before.findings() + 1, before.people() + 1));
		// The unit counts its issued inspection now; a foreign inspector none of this.
		assertThat(this.figures.figures(all, unit).inspections()).isEqualTo(unitCounted + 1);
		assertThat(this.figures.figures(all, this.inspectorB.actor())).isEqualTo(foreignBefore);
		assertThatThrownBy(() -> this.figures.figures(all, this.world.enterpriseA().actor()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aUnitFilesAProblemItFoundInItselfAndOnlyForItself() {
		long id = this.management.selfExamination("一次性告知不清", "服务中心一次性告知单表述不清", LocalDate.now().plusDays(10),
				this.world.handlerA().actor());
		Case item = this.cases.find(id, this.world.handlerA().actor());
		assertThat(item.getLeadUnitId()).isEqualTo(this.world.deptA().getId());
		assertThat(item.getState()).isEqualTo(CaseState.ASSIGNED);
		assertThatThrownBy(() -> this.management.selfExamination("x", "y", LocalDate.now().plusDays(1),
				this.world.enterpriseA().actor()))
			.isInstanceOf(NotAllowed.class);
	}

	@Test
	void onlyAnInspectorOfTheRegionSetsUpAnActionAndAFinishedInspectionTakesNoMoreFindings() {
		assertThatThrownBy(() -> this.management.createAction(
				new NewAction("越权", this.world.centreA().getId(), LocalDate.now(), LocalDate.now(), List.of(),
						List.of(), List.of("要点"),
						List.of(new NewAction.Group("组", this.inspectorB.actor().personId(), List.of()))),
				this.inspectorB.actor()))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> this.management
			.createAction(new NewAction(" ", null, null, null, null, null, null, null), this.inspectorA.actor()))
			.isInstanceOf(InvalidInput.class);
		long actionId = action();
		long groupId = this.queries.action(actionId, this.inspectorA.actor()).groups().get(0).id();
		// A unit of another county is not covered by the action.
		assertThatThrownBy(
				() -> this.management
					.recordInspection(actionId,
							new NewInspection(groupId, this.world.deptB().getId(), InspectionMode.PLANNED,
									LocalDate.now(), null, List.of(), null),
							this.inspectorA.actor()))
			.isInstanceOf(InvalidInput.class);
		long planned = this.management.recordInspection(actionId, new NewInspection(groupId,
				this.world.otherDeptA().getId(), InspectionMode.PLANNED, LocalDate.now(), null, List.of(), null),
				this.inspectorA.actor());
		// A planned inspection is seen by its unit at once.
		assertThat(this.queries.inspection(planned, this.world.otherHandlerA().actor()).id()).isEqualTo(planned);
		this.management.issueFindings(planned, null, this.inspectorA.actor());
		assertThatThrownBy(() -> this.management.recordFinding(planned,
				new NewFinding(kind("FORMALISM"), null, "补记", null, null), List.of(), this.inspectorA.actor()))
			.isInstanceOf(NotAllowed.class);
	}

	@Test
	void theApiAnswersBadInputWithProblemsNeverA500() throws Exception {
		Api api = new Api(this.mvc);
		MvcResult bad = api.post(this.inspectorA, "/api/v1/discipline/actions", "{\"theme\": 5, \"startsOn\": \"x\"}");
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentType()).contains("problem");
		MvcResult empty = api.post(this.inspectorA, "/api/v1/discipline/actions", "{}");
		assertThat(empty.getResponse().getStatus()).isEqualTo(400);
		assertThat(api.get(this.inspectorA, "/api/v1/discipline/actions/999999").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(api.get(this.inspectorA, "/api/v1/discipline/figures?from=nonsense").getResponse().getStatus())
			.isEqualTo(400);
		assertThat(api.get(this.inspectorA, "/api/v1/discipline/figures?region=330481").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(api.get(this.world.enterpriseA(), "/api/v1/discipline/figures").getResponse().getStatus())
			.isEqualTo(403);
		assertThat(api.get(this.inspectorA, "/api/v1/discipline/figures?region=330421").getResponse().getStatus())
			.isEqualTo(200);
		MvcResult export = api.get(this.inspectorA, "/api/v1/discipline/figures/export");
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getContentAsByteArray()).startsWith('P', 'K');
		assertThat(api.get(this.world.handlerA(), "/api/v1/discipline/accountability").getResponse().getStatus())
			.isEqualTo(403);
	}

	/**
	 * A planned inspection scheduled ahead is moved and cancelled before its day by the
	 * group, at the version read, on the API: the unit sees the move and the cancellation
	 * (who, when, why) as it sees the plan; a cancelled one takes no findings, is never
	 * issued and changes no more; a stale version, a day before today or outside the
	 * action, and an inspection whose day has come are refused and change nothing.
	 */
	@Test
	void aScheduledInspectionIsMovedAndCancelledBeforeItsDayAndNothingElse() throws Exception {
		Api api = new Api(this.mvc);
		long actionId = action();
		long group = this.queries.action(actionId, this.inspectorA.actor()).groups().get(0).id();
		LocalDate today = LocalDate.now(PlatformClock.CHINA);
		LocalDate ends = this.queries.action(actionId, this.inspectorA.actor()).action().endsOn();
		long ahead = this.management.recordInspection(actionId, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, today.plusDays(5), null, List.of(), null), this.memberA.actor());
		String path = "/api/v1/discipline/inspections/" + ahead;

		MvcResult moved = api.put(this.memberA, path,
				"{\"version\": 0, \"inspectedOn\": \"" + today.plusDays(7) + "\"}");
		assertThat(moved.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(moved, "$.inspectedOn")).isEqualTo(today.plusDays(7).toString());
		assertThat(Api.read(moved, "$.movedFrom")).isEqualTo(today.plusDays(5).toString());
		assertThat(Api.read(moved, "$.version")).isEqualTo(1);
		// A stale version, a day before today, after the action, without a version, not
		// a day: refused with a problem, nothing changed.
		MvcResult stale = api.put(this.inspectorA, path,
				"{\"version\": 0, \"inspectedOn\": \"" + today.plusDays(9) + "\"}");
		assertThat(stale.getResponse().getStatus()).isEqualTo(412);
		assertThat(stale.getResponse().getContentType()).contains("problem");
		for (String body : List.of("{\"version\": 1, \"inspectedOn\": \"" + today.minusDays(1) + "\"}",
				"{\"version\": 1, \"inspectedOn\": \"" + ends.plusDays(1) + "\"}",
				"{\"version\": 1, \"inspectedOn\": \"" + ends.minusDays(90) + "\"}",
				"{\"inspectedOn\": \"" + today.plusDays(9) + "\"}", "{\"version\": 1, \"inspectedOn\": \"x\"}",
				"{\"version\": 1}")) {
			MvcResult bad = api.put(this.inspectorA, path, body);
			assertThat(bad.getResponse().getStatus()).as(body).isEqualTo(400);
			assertThat(bad.getResponse().getContentType()).as(body).contains("problem");
		}
		assertThat(this.queries.inspection(ahead, this.inspectorA.actor()).inspectedOn()).isEqualTo(today.plusDays(7));
		// The unit sees the new day, and may not change it; another county sees nothing.
		assertThat(Api.read(api.get(this.world.handlerA(), path), "$.inspection.inspectedOn"))
			.isEqualTo(today.plusDays(7).toString());
		assertThat(
				api.put(this.world.handlerA(), path, "{\"version\": 1, \"inspectedOn\": \"" + today.plusDays(8) + "\"}")
					.getResponse()
					.getStatus())
			.isEqualTo(403);
		assertThat(api.post(this.inspectorB, path + "/cancel", "{\"version\": 1, \"reason\": \"越权\"}")
			.getResponse()
			.getStatus()).isEqualTo(404);

		// Cancelled with a reason (none is refused): it stays on record, as cancelled.
		assertThat(api.post(this.inspectorA, path + "/cancel", "{\"version\": 1, \"reason\": \" \"}")
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(api.post(this.inspectorA, path + "/cancel", "{\"version\": 0, \"reason\": \"被检查单位搬迁\"}")
			.getResponse()
			.getStatus()).isEqualTo(412);
		MvcResult cancelled = api.post(this.inspectorA, path + "/cancel", "{\"version\": 1, \"reason\": \"被检查单位搬迁\"}");
		assertThat(cancelled.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(cancelled, "$.version")).isEqualTo(2);
		MvcResult seen = api.get(this.world.handlerA(), path);
		assertThat(Api.read(seen, "$.inspection.cancelReason")).isEqualTo("被检查单位搬迁");
		assertThat(Api.read(seen, "$.inspection.cancelledByName")).isEqualTo("t.d.inspector.a");
		assertThat(Api.read(seen, "$.inspection.cancelledAt")).isNotNull();
		// Nothing more: no move, no second cancellation, no finding, no issue.
		assertThat(api.put(this.inspectorA, path, "{\"version\": 2, \"inspectedOn\": \"" + today.plusDays(8) + "\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		assertThat(api.post(this.inspectorA, path + "/cancel", "{\"version\": 2, \"reason\": \"再次\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		assertThatThrownBy(() -> this.management.recordFinding(ahead,
				new NewFinding(kind("DILIGENCE"), null, "取消后的问题", null, null), List.of(), this.inspectorA.actor()))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> this.management.issueFindings(ahead, null, this.inspectorA.actor()))
			.isInstanceOf(NotAllowed.class);
		// Both changes are audited.
		assertThat(this.jdbc.sql("""
				select count(*) from audit_entry where action = 'DISCIPLINE_CHANGED' and target_kind = 'inspection'
				  and target_id = :id""").param("id", Long.toString(ahead)).query(Integer.class).single()).isEqualTo(2);

		// Once its day has come (today), or with findings, nothing is moved or cancelled.
		long held = this.management.recordInspection(actionId, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, today, null, List.of(), null), this.memberA.actor());
		this.management.recordFinding(held, new NewFinding(kind("DILIGENCE"), null, "当天的问题", null, null), List.of(),
				this.memberA.actor());
		assertThat(api
			.put(this.memberA, "/api/v1/discipline/inspections/" + held,
					"{\"version\": 0, \"inspectedOn\": \"" + today.plusDays(3) + "\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		assertThat(api
			.post(this.memberA, "/api/v1/discipline/inspections/" + held + "/cancel",
					"{\"version\": 0, \"reason\": \"晚了\"}")
			.getResponse()
			.getStatus()).isEqualTo(409);
		assertThat(this.queries.inspection(held, this.memberA.actor()).cancelled()).isFalse();
	}

	/**
	 * On the inspection's page: the group's form moves it, its cancel button (which asks
	 * to confirm) cancels it; a stale page or a bad day says so on the page; the unit's
	 * page shows the move and the cancellation, without the forms.
	 */
	@Test
	void theInspectionsPageMovesAndCancelsItAndSaysWhatIsWrong() throws Exception {
		long actionId = action();
		long group = this.queries.action(actionId, this.inspectorA.actor()).groups().get(0).id();
		LocalDate today = LocalDate.now(PlatformClock.CHINA);
		long ahead = this.management.recordInspection(actionId, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, today.plusDays(4), null, List.of(), null), this.memberA.actor());
		String page = "/discipline/inspections/" + ahead;
		MockHttpSession member = this.api.login(this.memberA);
		MockHttpSession unit = this.api.login(this.world.handlerA());
		String html = this.api.pageText(member, page);
		assertThat(html).contains("id=\"change-inspection\"", "name=\"version\" value=\"0\"", "data-confirm=\"确定取消");
		assertThat(this.api.pageText(unit, page)).contains("id=\"planned-ahead\"")
			.doesNotContain("id=\"change-inspection\"");

		MvcResult moved = post(member, page + "/move", "version", "0", "inspectedOn", today.plusDays(6).toString());
		assertThat(moved.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.api.pageText(unit, page)).contains("id=\"inspection-moves\"",
				"t.d.member.a：由 " + today.plusDays(4) + " 改期到 " + today.plusDays(6));
		String card = this.api.pageText(member, "/discipline");
		assertThat(card.substring(card.indexOf("id=\"my-planned\""))).contains(page, today.plusDays(6).toString());
		MvcResult stale = post(member, page + "/move", "version", "0", "inspectedOn", today.plusDays(8).toString());
		assertThat(stale.getResponse().getStatus()).isEqualTo(412);
		assertThat(stale.getResponse().getContentAsString()).contains("id=\"inspection-problem\"", "已被他人改期、取消或填写",
				"name=\"version\" value=\"1\"");
		MvcResult early = post(member, page + "/move", "version", "1", "inspectedOn", today.minusDays(2).toString());
		assertThat(early.getResponse().getStatus()).isEqualTo(400);
		assertThat(early.getResponse().getContentAsString()).contains("新的检查日期不能早于今天");
		assertThat(post(member, page + "/move", "version", "1", "inspectedOn", "明天").getResponse().getStatus())
			.isEqualTo(400);
		MvcResult noReason = post(member, page + "/cancel", "version", "1", "reason", "");
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(noReason.getResponse().getContentAsString()).contains("id=\"inspection-problem\"");

		MvcResult cancelled = post(member, page + "/cancel", "version", "1", "reason", "与巡察撞期");
		assertThat(cancelled.getResponse().getStatus()).isEqualTo(302);
		String seen = this.api.pageText(unit, page);
		assertThat(seen).contains("id=\"inspection-cancelled\"", "与巡察撞期", "t.d.member.a", "已取消")
			.doesNotContain("id=\"planned-ahead\"", "id=\"add-finding\"", "id=\"issue\"");
		assertThat(this.api.pageText(member, page)).doesNotContain("id=\"change-inspection\"");
		assertThat(this.api.pageText(member, "/discipline")).doesNotContain(page + "\"");
		assertThat(post(member, page + "/cancel", "version", "2", "reason", "再次").getResponse().getStatus())
			.isEqualTo(409);
		assertThat(this.api.pageText(member, "/discipline/actions/" + actionId)).contains("已取消");
	}

	private MvcResult post(MockHttpSession session, String path, String... params) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).session(session).with(csrf());
		for (int p = 0; p < params.length; p += 2) {
			request = request.param(params[p], params[p + 1]);
		}
		return this.mvc.perform(request).andReturn();
	}

}
