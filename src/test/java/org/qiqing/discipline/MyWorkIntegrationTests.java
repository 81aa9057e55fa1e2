package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

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
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An inspector's and a group member's own work on their daily surfaces: the discipline
 * start page lists the running actions of their groups with their progress, the
 * inspections whose findings wait to be issued, and the rectification items waiting for
 * their verification (销号); the jurisdiction's inspectors have those items in their queue
 * (我的待办) as the groups' members do, until closed; an inspector of another county never.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyWorkIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	CaseManagement cases;

	@Autowired
	MockMvc mvc;

	Member leader;

	Member member;

	/** An inspector of the county in no group. */
	Member colleague;

	Member foreign;

	@BeforeAll
	void people() {
		this.leader = this.officials.official("t.mw.leader", Role.INSPECTOR, this.world.centreA(), "330421");
		this.member = this.officials.official("t.mw.member", Role.HANDLER, this.world.otherDeptA(), null);
		this.colleague = this.officials.official("t.mw.colleague", Role.INSPECTOR, this.world.centreA(), "330421");
		this.foreign = this.officials.official("t.mw.foreign", Role.INSPECTOR, this.world.centreB(), "330481");
	}

	@Test
	void eachFindsHisOwnInspectionWorkAndTheItemsWaitingForHisVerification() throws Exception {
		long action = this.management.createAction(new NewAction(
				"我的督查专项", this.world.centreA().getId(), LocalDate.now().minusDays(3), LocalDate.now().plusDays(30),
				List.of(), List.of(), List.of("要点"), List.of(new NewAction.Group("我的督查组",
						this.leader.actor().personId(), List.of(this.member.actor().personId())))),
				this.leader.actor());
		long group = this.queries.action(action, this.leader.actor()).groups().get(0).id();
		long kind = this.queries.kinds().get(0).id();
		// One inspection still to issue, one issued and filed as an item the unit
		// rectifies.
		long pending = this.management.recordInspection(action, new NewInspection(group, this.world.centreA().getId(),
				InspectionMode.PLANNED, LocalDate.now(), null, List.of(), null), this.member.actor());
		long done = this.management.recordInspection(action, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, LocalDate.now(), null, List.of(), null), this.member.actor());
		this.management.recordFinding(done, new NewFinding(kind, null, "办事指南未公开", null, null), List.of(),
				this.member.actor());
		long item = this.management.issueFindings(done, LocalDate.now().plusDays(10), this.member.actor()).get(0);
		Case kase = this.cases.find(item, this.world.handlerA().actor());
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.CONTACT, StepInput.note("措施：一周内公开"),
				this.world.handlerA().actor());
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.RESOLVE,
				new StepInput(null, null, null, null, Outcome.SOLVED, "已公开", null, null,
						List.of(new NewAttachment("guide.pdf", "application/pdf", "%PDF-1.4".getBytes()))),
				this.world.handlerA().actor());

		// The member's and the leader's start page: the action, its progress, the
		// inspection to issue, the item to verify.
		for (Member who : List.of(this.member, this.leader)) {
			String page = page(login(who), "/discipline");
			assertThat(page).as(who.username()).contains("id=\"my-work\"");
			assertThat(list(page, "my-verify")).as(who.username()).contains("/cases/" + item, "已整改，待验收销号");
			assertThat(list(page, "my-actions")).as(who.username())
				.contains("我的督查专项", "我的督查组", "本组已检查 2 家次，其中 1 次的问题待反馈");
			assertThat(list(page, "my-to-issue")).as(who.username())
				.contains("/discipline/inspections/" + pending)
				.doesNotContain("/discipline/inspections/" + done + "\"");
		}
		// The jurisdiction's inspector in no group has it in his queue and on his page,
		// without the group's inspections; another county's inspector has nothing of it.
		Api api = new Api(this.mvc);
		assertThat(ids(api.get(this.colleague, "/api/v1/queue?size=100"))).contains(item);
		assertThat(ids(api.get(this.colleague, "/api/v1/queue?kind=RECTIFICATION&size=100"))).contains(item);
		String colleagues = page(login(this.colleague), "/discipline");
		assertThat(list(colleagues, "my-verify")).contains("/cases/" + item);
		assertThat(colleagues).doesNotContain("id=\"my-to-issue\"", "id=\"my-actions\"");
		assertThat(ids(api.get(this.foreign, "/api/v1/queue?size=100"))).doesNotContain(item);
		assertThat(page(login(this.foreign), "/discipline")).doesNotContain("/cases/" + item, "我的督查专项");
		// A handler of another unit sees no such card.
		assertThat(page(login(this.world.otherHandlerA()), "/discipline")).doesNotContain("id=\"my-work\"");

		// Verified by the colleague (销号): it leaves every queue and page.
		this.cases.perform(item, kase.getVersion(), CaseAction.CONFIRM, StepInput.note("验收合格"), this.colleague.actor());
		assertThat(ids(api.get(this.colleague, "/api/v1/queue?size=100"))).doesNotContain(item);
		assertThat(ids(api.get(this.member, "/api/v1/queue?size=100"))).doesNotContain(item);
		String after = page(login(this.member), "/discipline");
		assertThat(after.substring(after.indexOf("id=\"my-work\""), after.indexOf("id=\"my-actions\"")))
			.doesNotContain("/cases/" + item);
	}

	/** The list of the start page's card of one's own work with that id. */
	private static String list(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		return page.substring(start, page.indexOf("</ul>", start));
	}

	private String page(MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession login(Member who) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(who.username()).password(TestWorld.PASSWORD))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	@SuppressWarnings("unchecked")
	private static List<Long> ids(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		List<Number> ids = (List<Number>) Api.read(result, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

}
