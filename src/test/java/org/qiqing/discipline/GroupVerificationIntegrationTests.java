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
import org.qiqing.casework.CaseState;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The members of an action's supervision groups, drawn from several departments and
 * without the inspector's role, file their findings as rectification items and verify
 * them (销号): the items waiting on them are in their queue (我的待办) with its counts, and
 * nobody else's; a member of another county's action, or a colleague of the member who is
 * in no group, can do none of it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupVerificationIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineFixture discipline;

	@Autowired
	CaseManagement cases;

	@Autowired
	MockMvc mvc;

	Member inspectorA;

	Member inspectorB;

	/** A group member of 嘉善县's action: a handler of the propaganda department. */
	Member memberA;

	/** A group member of 海宁市's action. */
	Member memberB;

	@BeforeAll
	void people() {
		this.inspectorA = this.officials.official("t.g.inspector.a", Role.INSPECTOR, this.world.centreA(), "330421");
		this.inspectorB = this.officials.official("t.g.inspector.b", Role.INSPECTOR, this.world.centreB(), "330481");
		this.memberA = this.officials.official("t.g.member.a", Role.HANDLER, this.world.otherDeptA(), null);
		this.memberB = this.officials.official("t.g.member.b", Role.HANDLER, this.world.deptB(), null);
	}

	long action(Member inspector, Unit organiser, String region, Member member) {
		return this.discipline.action("作风建设专项检查", organiser, LocalDate.now().minusDays(10),
				LocalDate.now().plusDays(30), List.of(region), "是否按时办结", inspector,
				DisciplineFixture.group("督查组", inspector, member));
	}

	/** An issued finding of the member's own inspection of a unit, filed as an item. */
	long itemFiledBy(Member member, long actionId, Unit unit) {
		long inspection = this.discipline.inspection(actionId, this.discipline.firstGroup(actionId, member), unit,
				member);
		return this.discipline.item(inspection, "超期未办结", 15, member);
	}

	@Test
	void aGroupMemberFilesHisFindingAndVerifiesTheItemFromHisQueueAndNobodyForeignCan() throws Exception {
		long actionA = action(this.inspectorA, this.world.centreA(), "330421", this.memberA);
		long actionB = action(this.inspectorB, this.world.centreB(), "330481", this.memberB);
		// The member, no inspector, files his group's finding as an item (refused
		// before).
		long itemId = itemFiledBy(this.memberA, actionA, this.world.deptA());
		itemFiledBy(this.memberB, actionB, this.world.deptB());
		Case item = this.discipline.resolved(itemId, this.world.handlerA(), "措施：当周清零", "已全部办结");
		assertThat(item.getState()).isEqualTo(CaseState.RESOLVED);

		// It waits on the member: in his queue, counted in its tabs and its kind.
		Api api = new Api(this.mvc);
		MvcResult queue = api.get(this.memberA, "/api/v1/queue?size=100");
		assertThat(ids(queue)).contains(itemId);
		int counted = ((Number) Api.read(queue, "$.counts.kinds.RECTIFICATION")).intValue();
		assertThat(counted).isPositive();
		assertThat(ids(api.get(this.memberA, "/api/v1/queue?kind=RECTIFICATION&size=100"))).contains(itemId)
			.hasSize(counted);
		assertThat(ids(api.get(this.memberA, "/api/v1/queue?tab=waiting&size=100"))).doesNotContain(itemId);
		// Not in the queue of a member of another county's action, nor of the member's
		// colleague in no group, who does not see the item at all.
		assertThat(ids(api.get(this.memberB, "/api/v1/queue?size=100"))).doesNotContain(itemId);
		assertThat(ids(api.get(this.world.otherHandlerA(), "/api/v1/queue?size=100"))).doesNotContain(itemId);
		assertThatThrownBy(() -> this.cases.find(itemId, this.world.otherHandlerA().actor()))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.cases.find(itemId, this.memberB.actor())).isInstanceOf(NotFound.class);
		int version = item.getVersion();
		assertThatThrownBy(() -> this.cases.perform(itemId, version, CaseAction.CONFIRM, StepInput.note("越权"),
				this.memberB.actor()))
			.isInstanceOf(NotFound.class);
		// The unit that rectified cannot close its own item; the case page offers the
		// member his steps.
		assertThatThrownBy(() -> this.cases.perform(itemId, version, CaseAction.CONFIRM, StepInput.note("自己销号"),
				this.world.handlerA().actor()))
			.isInstanceOf(NotAllowed.class);
		assertThat(this.cases.allowedActions(this.cases.find(itemId, this.memberA.actor()), this.memberA.actor()))
			.contains(CaseAction.CONFIRM, CaseAction.SEND_BACK)
			.doesNotContain(CaseAction.APPROVE_EXTENSION, CaseAction.URGE);
		assertThat(api.get(this.memberA, "/api/v1/cases/" + itemId).getResponse().getStatus()).isEqualTo(200);
		assertThat(api.get(this.memberB, "/api/v1/cases/" + itemId).getResponse().getStatus()).isEqualTo(404);

		// He verifies it (销号); it leaves his queue.
		item = this.cases.perform(itemId, version, CaseAction.CONFIRM, StepInput.note("验收合格，予以销号"),
				this.memberA.actor());
		assertThat(item.getState()).isEqualTo(CaseState.CLOSED);
		MvcResult after = api.get(this.memberA, "/api/v1/queue?size=100");
		assertThat(ids(after)).doesNotContain(itemId);
		assertThat(((Number) Api.read(after, "$.counts.kinds.RECTIFICATION")).intValue()).isEqualTo(counted - 1);
		// A second look (回头看) is his group's too.
		item = this.cases.perform(itemId, item.getVersion(), CaseAction.SEND_BACK, StepInput.note("回头看"),
				this.memberA.actor());
		assertThat(item.getState()).isEqualTo(CaseState.REOPENED);
	}

	@Test
	void aMemberOfAnotherActionFilesNothingOfThisOne() {
		long actionA = action(this.inspectorA, this.world.centreA(), "330421", this.memberA);
		long inspection = this.discipline.inspection(actionA, this.discipline.firstGroup(actionA, this.inspectorA),
				this.world.deptA(), this.inspectorA);
		this.management.recordFinding(inspection, new NewFinding(this.discipline.kind(), null, "台账缺失", null, null),
				List.of(), this.inspectorA.actor());
		assertThatThrownBy(
				() -> this.management.issueFindings(inspection, LocalDate.now().plusDays(10), this.memberB.actor()))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.management.recordFinding(inspection,
				new NewFinding(this.discipline.kind(), null, "越权", null, null), List.of(), this.memberB.actor()))
			.isInstanceOf(NotFound.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Long> ids(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		List<Number> ids = (List<Number>) Api.read(result, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

}
