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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The page's form sets up an action with several supervision groups, each with its leader
 * and members from several units by login name (a group left blank is skipped); what is
 * wrong is said of the group it is in, and nothing is set up.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionFormIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineQueries queries;

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
		this.inspector = this.officials.official("t.af.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		this.party = this.officials.official("t.af.party", Role.HANDLER, this.world.deptA(), null);
		this.organisation = this.officials.official("t.af.organisation", Role.HANDLER, this.world.otherDeptA(), null);
		this.propaganda = this.officials.official("t.af.propaganda", Role.HANDLER, this.world.centreA(), null);
	}

	MockHttpServletRequestBuilder form(String theme) {
		return MockMvcRequestBuilders.post("/discipline/actions")
			.param("theme", theme)
			.param("organiserUnitId", Long.toString(this.world.centreA().getId()))
			.param("startsOn", LocalDate.now().toString())
			.param("endsOn", LocalDate.now().plusDays(20).toString())
			.param("checklist", "要点一\n要点二");
	}

	@Test
	void anInspectorSetsUpSeveralGroupsOnThePage() throws Exception {
		MockHttpSession session = this.api.login(this.inspector);
		String page = this.mvc.perform(MockMvcRequestBuilders.get("/discipline").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-add-group", "第 2 督查组", "/js/groups.js");
		MvcResult made = this.mvc
			.perform(form("多组专项检查").param("groupName", "第一督查组", "第二督查组", "")
				.param("leader", "", "t.af.organisation", "")
				.param("members", "t.af.party, t.af.propaganda", "t.af.party\nt.af.propaganda", "")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(made.getResponse().getStatus()).isEqualTo(302);
		long id = Long.parseLong(made.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		Views.ActionDetail action = this.queries.action(id, this.inspector.actor());
		assertThat(action.groups()).extracting(Views.Group::name).containsExactly("第一督查组", "第二督查组");
		assertThat(action.groups().get(0).leaderId()).isEqualTo(this.inspector.actor().personId());
		assertThat(action.groups().get(0).members()).extracting(Views.Member::personId)
			.containsExactlyInAnyOrder(this.inspector.actor().personId(), this.party.actor().personId(),
					this.propaganda.actor().personId());
		Views.Group second = action.groups().get(1);
		assertThat(second.leaderId()).isEqualTo(this.organisation.actor().personId());
		// Members from three units.
		assertThat(second.members()).extracting(Views.Member::unitId)
			.containsExactlyInAnyOrder(this.world.otherDeptA().getId(), this.world.deptA().getId(),
					this.world.centreA().getId());
		// One group, the old way, still works.
		assertThat(this.mvc.perform(
				form("单组专项检查").param("groupName", "督查组").param("members", "t.af.party").session(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
	}

	@Test
	void whatIsWrongIsSaidOfItsGroupAndNothingIsSetUp() throws Exception {
		MockHttpSession session = this.api.login(this.inspector);
		int before = this.queries
			.actions(DisciplineFilter.none(), org.qiqing.platform.Paging.of(0, 100, 100), this.inspector.actor())
			.size();
		MvcResult unknown = this.mvc
			.perform(form("有误的专项检查").param("groupName", "第一督查组", "第二督查组")
				.param("leader", "", "")
				.param("members", "t.af.party", "t.af.party, nobody.here")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(unknown.getResponse().getContentAsString()).contains("第 2 督查组：找不到登录名“nobody.here”的机关人员");
		MvcResult unnamed = this.mvc
			.perform(form("有误的专项检查").param("groupName", "第一督查组", " ")
				.param("leader", "", "t.af.missing")
				.param("members", "", "t.af.party")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(unnamed.getResponse().getStatus()).isEqualTo(400);
		assertThat(unnamed.getResponse().getContentAsString()).contains("第 2 督查组：请填写组名",
				"第 2 督查组：找不到登录名“t.af.missing”的机关人员");
		List<Views.Action> after = this.queries.actions(DisciplineFilter.none(),
				org.qiqing.platform.Paging.of(0, 100, 100), this.inspector.actor());
		assertThat(after).hasSize(before);
	}

}
