package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.qiqing.casework.CaseManagement;
import org.qiqing.organisation.Role;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A supervision group is changed once its action is set up (leader, members from several
 * units), on the action's page and through the API, at the version read: a stale edit is
 * refused and changes nothing; each change is kept in the group's history and the audit
 * log; the action's rectification items are verified by the group as it is now.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupEditIntegrationTests {

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
	DisciplineFixture discipline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	Member inspector;

	Member party;

	Member organisation;

	Member propaganda;

	@BeforeAll
	void people() {
		this.inspector = this.officials.official("t.ge.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		this.party = this.officials.official("t.ge.party", Role.HANDLER, this.world.deptA(), null);
		this.organisation = this.officials.official("t.ge.organisation", Role.HANDLER, this.world.otherDeptA(), null);
		this.propaganda = this.officials.official("t.ge.propaganda", Role.HANDLER, this.world.centreA(), null);
	}

	/**
	 * An action whose one group is led by the inspector with the party office's member.
	 */
	long action() {
		return this.discipline.action("督查组调整专项", this.world.centreA(), LocalDate.now().minusDays(5),
				LocalDate.now().plusDays(20), this.inspector,
				DisciplineFixture.group("第一督查组", this.inspector, this.party));
	}

	Views.Group group(long action) {
		return this.queries.action(action, this.inspector.actor()).groups().get(0);
	}

	MockHttpServletRequestBuilder form(long group, int version, String name, String leader, String members) {
		return MockMvcRequestBuilders.post("/discipline/groups/" + group)
			.param("version", Integer.toString(version))
			.param("groupName", name)
			.param("leader", leader)
			.param("members", members);
	}

	@Test
	void anInspectorChangesTheLeaderAndMembersOnTheActionsPage() throws Exception {
		long action = action();
		Views.Group before = group(action);
		assertThat(before.version()).isZero();
		MockHttpSession session = this.api.login(this.inspector);
		String page = this.api.pageText(session, "/discipline/actions/" + action);
		assertThat(page).contains("/discipline/groups/" + before.id(), "name=\"version\" value=\"0\"", "t.ge.party");
		MvcResult changed = this.mvc
			.perform(form(before.id(), 0, "第一督查组（调整）", "t.ge.organisation", "t.ge.party\nt.ge.propaganda")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(changed.getResponse().getStatus()).isEqualTo(302);
		Views.Group after = group(action);
		assertThat(after.version()).isEqualTo(1);
		assertThat(after.name()).isEqualTo("第一督查组（调整）");
		assertThat(after.leaderId()).isEqualTo(this.organisation.actor().personId());
		// Members from three units; the inspector, no longer named, is no member.
		assertThat(after.members()).extracting(Views.Member::personId)
			.containsExactlyInAnyOrder(this.organisation.actor().personId(), this.party.actor().personId(),
					this.propaganda.actor().personId());
		assertThat(after.members()).extracting(Views.Member::unitId)
			.containsExactlyInAnyOrder(this.world.otherDeptA().getId(), this.world.deptA().getId(),
					this.world.centreA().getId());
		// The history says what it was and what it became, and who changed it.
		List<Views.GroupChange> history = this.queries.groupChanges(action, this.inspector.actor());
		assertThat(history).hasSize(1);
		assertThat(history.get(0).beforeName()).isEqualTo("第一督查组");
		assertThat(history.get(0).beforeLeaderName()).isEqualTo("t.ge.inspector");
		assertThat(history.get(0).name()).isEqualTo("第一督查组（调整）");
		assertThat(history.get(0).changedByName()).isEqualTo("t.ge.inspector");
		assertThat(this.api.pageText(session, "/discipline/actions/" + action)).contains("督查组变更记录", "第 1 版",
				"name=\"version\" value=\"1\"");
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where action = 'DISCIPLINE_CHANGED' and target_kind = 'supervision_group'"
						+ " and target_id = :id")
			.param("id", Long.toString(before.id()))
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The new leader now sees the action; in English the history reads in English.
		assertThat(this.queries.action(action, this.organisation.actor())).isNotNull();
		assertThat(this.api.pageText(session, "/discipline/actions/" + action + "?lang=en"))
			.contains("Changes of the groups", "version 1");
	}

	@Test
	void aStaleEditIsRefusedAndChangesNothing() throws Exception {
		long action = action();
		Views.Group group = group(action);
		Api api = new Api(this.mvc);
		// Through the API: the first edit at version 0 wins, the second at 0 is refused.
		MvcResult first = api.put(this.inspector, "/api/v1/discipline/groups/" + group.id(),
				"{\"version\": 0, \"name\": \"甲组\", \"leaderId\": " + this.inspector.actor().personId()
						+ ", \"memberIds\": [" + this.propaganda.actor().personId() + "]}");
		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		assertThat(((Number) Api.read(first, "$.version")).intValue()).isEqualTo(1);
		MvcResult stale = api.put(this.inspector, "/api/v1/discipline/groups/" + group.id(),
				"{\"version\": 0, \"name\": \"乙组\", \"leaderId\": " + this.inspector.actor().personId()
						+ ", \"memberIds\": [" + this.party.actor().personId() + "]}");
		assertThat(stale.getResponse().getStatus()).isEqualTo(412);
		assertThat(group(action).name()).isEqualTo("甲组");
		assertThat(group(action).members()).extracting(Views.Member::personId)
			.containsExactlyInAnyOrder(this.inspector.actor().personId(), this.propaganda.actor().personId());
		// On the page: the stale form is refused and the group shown as it is now.
		MockHttpSession session = this.api.login(this.inspector);
		MvcResult page = this.mvc
			.perform(form(group.id(), 0, "丙组", "t.ge.inspector", "t.ge.party").session(session).with(csrf()))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(412);
		assertThat(page.getResponse().getContentAsString()).contains("该督查组已被他人修改，您的修改未保存", "甲组",
				"name=\"version\" value=\"1\"");
		assertThat(group(action).name()).isEqualTo("甲组");
		assertThat(this.queries.groupChanges(action, this.inspector.actor())).hasSize(1);
		// And in the service itself.
		assertThatThrownBy(() -> this.management.changeGroup(group.id(), 0,
				new NewAction.Group("丁组", this.inspector.actor().personId(), List.of()), this.inspector.actor()))
			.isInstanceOf(StaleVersion.class);
	}

	@Test
	void whatIsWrongIsSaidBesideTheGroupAndNothingChanges() throws Exception {
		long action = action();
		Views.Group group = group(action);
		MockHttpSession session = this.api.login(this.inspector);
		MvcResult wrong = this.mvc
			.perform(form(group.id(), 0, " ", "nobody.here", "t.ge.party, t.ge.missing").session(session).with(csrf()))
			.andReturn();
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrong.getResponse().getContentAsString()).contains("未修改，请更正标出的内容", "找不到登录名“nobody.here”的机关人员",
				"找不到登录名“t.ge.missing”的机关人员", "t.ge.party, t.ge.missing");
		MvcResult unnamed = this.mvc
			.perform(form(group.id(), 0, " ", "t.ge.inspector", "").session(session).with(csrf()))
			.andReturn();
		assertThat(unnamed.getResponse().getStatus()).isEqualTo(400);
		assertThat(unnamed.getResponse().getContentAsString()).contains("请填写督查组");
		assertThat(group(action)).isEqualTo(group);
	}

	@Test
	void theActionsItemsAreVerifiedByTheGroupAsItIsNow() {
		long action = action();
		Views.Group group = group(action);
		long inspection = this.discipline.inspection(action, group.id(), this.world.otherDeptA(), this.inspector);
		// Neither member works in the inspected unit: they see its item as verifiers
		// only.
		long item = this.discipline.item(inspection, "窗口告知不清", 15, this.inspector);
		assertThat(this.cases.find(item, this.party.actor()).getId()).isEqualTo(item);
		assertThatThrownBy(() -> this.cases.find(item, this.propaganda.actor())).isInstanceOf(NotFound.class);
		// The party office's member leaves the group, the propaganda department's joins.
		this.management.changeGroup(group.id(), 0, new NewAction.Group("第一督查组", this.inspector.actor().personId(),
				List.of(this.propaganda.actor().personId())), this.inspector.actor());
		assertThat(this.cases.find(item, this.propaganda.actor()).getId()).isEqualTo(item);
		assertThatThrownBy(() -> this.cases.find(item, this.party.actor())).isInstanceOf(NotFound.class);
	}

	@Test
	void onlyAnInspectorOfTheActionsJurisdictionChangesItsGroups() {
		long action = action();
		Views.Group group = group(action);
		NewAction.Group same = new NewAction.Group("第一督查组", this.inspector.actor().personId(),
				List.of(this.party.actor().personId()));
		// The member sees the action but may not change its groups; others do not see it.
		assertThatThrownBy(() -> this.management.changeGroup(group.id(), 0, same, this.party.actor()))
			.isInstanceOf(org.qiqing.platform.NotAllowed.class);
		assertThatThrownBy(() -> this.management.changeGroup(group.id(), 0, same, this.world.handlerB().actor()))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.management.changeGroup(-1, 0, same, this.inspector.actor()))
			.isInstanceOf(NotFound.class);
		assertThat(group(action).version()).isZero();
	}

}
