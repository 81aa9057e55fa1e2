package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
	DisciplineFixture discipline;

	@Autowired
	DisciplineManagement management;

	@Autowired
	CaseManagement cases;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

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
		long action = this.discipline.action("我的督查专项", this.world.centreA(), LocalDate.now().minusDays(3),
				LocalDate.now().plusDays(30), this.leader, DisciplineFixture.group("我的督查组", this.leader, this.member));
		long group = this.discipline.firstGroup(action, this.leader);
		// One inspection still to issue, one issued and filed as an item the unit
		// rectifies.
		long pending = this.discipline.inspection(action, group, this.world.centreA(), this.member);
		long done = this.discipline.inspection(action, group, this.world.deptA(), this.member);
		long item = this.discipline.item(done, "办事指南未公开", 10, this.member);
		Case kase = this.discipline.resolved(item, this.world.handlerA(), "措施：一周内公开", "已公开");

		// The member's and the leader's start page: the action, its progress, the
		// inspection to issue, the item to verify.
		for (Member who : List.of(this.member, this.leader)) {
			String page = this.api.pageText(this.api.login(who), "/discipline");
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
		String colleagues = this.api.pageText(this.api.login(this.colleague), "/discipline");
		assertThat(list(colleagues, "my-verify")).contains("/cases/" + item);
		assertThat(colleagues).doesNotContain("id=\"my-to-issue\"", "id=\"my-actions\"");
		assertThat(ids(api.get(this.foreign, "/api/v1/queue?size=100"))).doesNotContain(item);
		assertThat(this.api.pageText(this.api.login(this.foreign), "/discipline")).doesNotContain("/cases/" + item,
				"我的督查专项");
		// A handler of another unit sees no such card.
		assertThat(this.api.pageText(this.api.login(this.world.otherHandlerA()), "/discipline"))
			.doesNotContain("id=\"my-work\"");

		// Verified by the colleague (销号): it leaves every queue and page.
		this.cases.perform(item, kase.getVersion(), CaseAction.CONFIRM, StepInput.note("验收合格"), this.colleague.actor());
		assertThat(ids(api.get(this.colleague, "/api/v1/queue?size=100"))).doesNotContain(item);
		assertThat(ids(api.get(this.member, "/api/v1/queue?size=100"))).doesNotContain(item);
		String after = this.api.pageText(this.api.login(this.member), "/discipline");
		assertThat(after.substring(after.indexOf("id=\"my-work\""), after.indexOf("id=\"my-actions\"")))
			.doesNotContain("/cases/" + item);
	}

	@Test
	void theCardShowsOnlyTheListsThatHoldSomethingAndFoldsToOneLineWhenNoneDoes() throws Exception {
		Member quiet = this.officials.official("t.mw.quiet", Role.HANDLER, this.world.otherDeptA(), null);
		// A member of a group whose action is over: a discipline role with nothing to do.
		this.discipline.action("已结束的专项", this.world.centreA(), LocalDate.now().minusDays(60),
				LocalDate.now().minusDays(30), this.leader, DisciplineFixture.group("旧督查组", this.leader, quiet));
		String empty = this.api.pageText(this.api.login(quiet), "/discipline");
		String top = empty.substring(0, empty.indexOf("id=\"figures\""));
		assertThat(top).contains("id=\"my-work-none\"", "我的督查工作：暂无").doesNotContain("id=\"my-work\"", "暂无记录");

		// A running action of his group: that list alone, none of the empty ones.
		this.discipline.action("进行中的专项", this.world.centreA(), LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(30), this.leader, DisciplineFixture.group("新督查组", this.leader, quiet));
		String busy = this.api.pageText(this.api.login(quiet), "/discipline");
		assertThat(busy).doesNotContain("id=\"my-work-none\"");
		String card = busy.substring(busy.indexOf("id=\"my-work\""), busy.indexOf("id=\"figures\""));
		assertThat(list(card, "my-actions")).contains("进行中的专项").doesNotContain("已结束的专项");
		assertThat(card).doesNotContain("id=\"my-verify\"", "id=\"my-to-issue\"", "暂无记录", "等我验收或审批的整改事项", "问题待反馈的检查");
	}

	/**
	 * A member of many groups (a city's inspector is in thousands) sees on his card the
	 * running actions that end soonest, and a pointer to the list that holds the rest.
	 */
	@Test
	void theCardListsTheActionsEndingSoonestAndPointsToTheRest() throws Exception {
		Member busy = this.officials.official("t.mw.busy", Role.HANDLER, this.world.otherDeptA(), null);
		int shown = 10; // DisciplinePagesController.MY_ACTIONS
		int running = shown + 2;
		for (int n = 1; n <= running; n++) {
			this.discipline.action("多组专项" + (char) ('A' + n), this.world.centreA(), LocalDate.now().minusDays(1),
					LocalDate.now().plusDays(n), this.leader, DisciplineFixture.group("多组督查组" + n, this.leader, busy));
		}
		String card = this.api.pageText(this.api.login(busy), "/discipline");
		String actions = list(card, "my-actions");
		assertThat(actions).contains("多组专项" + (char) ('A' + 1))
			.contains("多组专项" + (char) ('A' + shown))
			.doesNotContain("多组专项" + (char) ('A' + running));
		assertThat(card).contains("id=\"my-actions-more\"", "href=\"/discipline/actions\"");
	}

	@Test
	void aPlannedInspectionIsScheduledAheadOnTheMembersCardAndTakesFindingsFromItsDay() throws Exception {
		Member planner = this.officials.official("t.mw.planner", Role.HANDLER, this.world.otherDeptA(), null);
		long action = this.discipline.action("预先安排的专项", this.world.centreA(), LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(30), this.leader, DisciplineFixture.group("明查组", this.leader, planner));
		long group = this.discipline.firstGroup(action, this.leader);
		LocalDate nextWeek = LocalDate.now(PlatformClock.CHINA).plusDays(7);
		// A planned inspection (明查) next week: the unit is told ahead.
		long ahead = this.discipline.inspection(action, group, this.world.deptA(), nextWeek, planner);
		// Not an unannounced one (暗访), not after the action ends, not with its
		// checklist ticked before the day.
		assertThatThrownBy(
				() -> this.management.recordInspection(action,
						new NewInspection(group, this.world.deptA().getId(), InspectionMode.UNANNOUNCED, nextWeek, null,
								List.of(), null),
						planner.actor()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("暗访");
		assertThatThrownBy(() -> this.management.recordInspection(action,
				new NewInspection(group, this.world.deptA().getId(), InspectionMode.PLANNED, nextWeek.plusDays(30),
						null, List.of(), null),
				planner.actor()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("结束日");
		assertThatThrownBy(() -> this.management.recordInspection(action,
				new NewInspection(group, this.world.deptA().getId(), InspectionMode.PLANNED, nextWeek, null,
						List.of(new NewInspection.Check(1, true, "提前打勾")), null),
				planner.actor()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("届时再记录检查要点");
		// Its findings wait for its day, and so does issuing them.
		assertThatThrownBy(() -> this.discipline.item(ahead, "提前写下的问题", 10, planner)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> this.management.issueFindings(ahead, LocalDate.now().plusDays(10), planner.actor()))
			.isInstanceOf(NotAllowed.class);

		// On the member's card: planned, not yet inspected nor waiting to be issued.
		MockHttpSession session = this.api.login(planner);
		String page = this.api.pageText(session, "/discipline");
		assertThat(list(page, "my-planned")).contains("/discipline/inspections/" + ahead, nextWeek.toString(),
				"预先安排的专项");
		assertThat(list(page, "my-actions")).contains("本组已检查 0 家次，其中 0 次的问题待反馈");
		assertThat(page).doesNotContain("id=\"my-to-issue\"");
		String inspection = this.api.pageText(session, "/discipline/inspections/" + ahead);
		assertThat(inspection).contains("id=\"planned-ahead\"", "本次明查计划于 " + nextWeek)
			.doesNotContain("id=\"add-finding\"", "id=\"issue\"");
	}

	/** The list of the start page's card of one's own work with that id. */
	private static String list(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		return page.substring(start, page.indexOf("</ul>", start));
	}

	@SuppressWarnings("unchecked")
	private static List<Long> ids(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		List<Number> ids = (List<Number>) Api.read(result, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

}
