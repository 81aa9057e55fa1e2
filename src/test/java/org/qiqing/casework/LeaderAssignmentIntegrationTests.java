package org.qiqing.casework;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A leader's assignment (领导交办) is filed and assigned in one go with the leader's own due
 * date and priority, runs through the same engine, comes back to the leader to be
 * confirmed or sent back, and never reaches the enterprise it concerns.
 */
@IntegrationTest
class LeaderAssignmentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderAssignsHisOwnMatterWhichTheUnitHandlesAndHeConfirms() throws Exception {
		Api api = new Api(this.mvc);
		// Sixty days: far beyond what the category would give an enterprise request.
		LocalDate due = LocalDate.now().plusDays(60);
		MvcResult filed = api.post(this.world.leaderA(), "/api/v1/cases",
				assignment(this.world.deptA().getId(), due, "URGENT", this.world.firmA().getId()));
		assertThat(filed.getResponse().getStatus()).as(filed.getResponse().getContentAsString()).isEqualTo(201);
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		assertThat(Api.read(filed, "$.kind")).isEqualTo("LEADER_ASSIGNMENT");
		assertThat(Api.read(filed, "$.channel")).isEqualTo("LEADER");
		assertThat(Api.read(filed, "$.priority")).isEqualTo("URGENT");
		assertThat(Api.read(filed, "$.state")).isEqualTo("ASSIGNED");
		assertThat(Api.read(filed, "$.dueDate")).isEqualTo(due.toString());
		assertThat(Api.read(filed, "$.timeState")).isEqualTo("ON_TIME");
		assertThat(actions(id)).containsExactly("SUBMIT", "ASSIGN");

		assertThat(queue(this.world.handlerA())).contains(id);
		assertThat(api.get(this.world.enterpriseA(), "/api/v1/cases/" + id).getResponse().getStatus()).isEqualTo(404);
		assertThat(queue(this.world.enterpriseA())).doesNotContain(id);

		MvcResult seen = api.get(this.world.handlerA(), "/api/v1/cases/" + id);
		assertThat((List<String>) Api.read(seen, "$.allowedActions")).contains("contact", "dispute")
			.doesNotContain("accept");
		int v = Api.version(seen);
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已签收\"}"));
		v = Api.version(api.step(this.world.handlerA(), id, v, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"已协调供电公司完成增容。\"}"));
		assertThat(queue(this.world.leaderA())).contains(id);
		assertThat(told(this.world.handlerA(), "case:" + id + ":assign:%")).isEqualTo(1);
		assertThat(told(this.world.leaderA(), "case:" + id + ":resolve:%")).isEqualTo(1);
		assertThat(told(this.world.enterpriseA(), "case:" + id + ":%")).isZero();
		assertThat((List<String>) Api.read(api.get(this.world.leaderA(), "/api/v1/cases/" + id), "$.allowedActions"))
			.contains("confirm", "send-back");
		// No enterprise rates a leader's matter: no invitation is planned.
		assertThat(this.jdbc.sql("select count(*) from case_timer where case_id = :id and kind = 'RATING_INVITE'")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();

		v = Api.version(api.step(this.world.leaderA(), id, v, "send-back", "{\"note\": \"请补充书面材料\"}"));
		v = Api.version(
				api.step(this.world.handlerA(), id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已补充。\"}"));
		MvcResult confirmed = api.step(this.world.leaderA(), id, v, "confirm", "{}");
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(confirmed, "$.state")).isEqualTo("CLOSED");
		assertThat(actions(id)).containsExactly("SUBMIT", "ASSIGN", "CONTACT", "RESOLVE", "SEND_BACK", "RESOLVE",
				"CONFIRM");
	}

	@Test
	void anAssignmentWithoutUnitOrDateOrOutsideTheJurisdictionOrByAnotherRoleIsRefusedWhole() throws Exception {
		Api api = new Api(this.mvc);
		int before = count();
		MvcResult incomplete = api.post(this.world.leaderA(), "/api/v1/cases", """
				{"kind": "LEADER_ASSIGNMENT", "categoryId": %d, "title": "专题调研", "description": "请牵头调研。"}"""
			.formatted(this.world.category().id()));
		assertThat(incomplete.getResponse().getStatus()).isEqualTo(400);
		assertThat(incomplete.getResponse().getContentAsString()).contains("leadUnitId").contains("dueDate");

		MvcResult past = api.post(this.world.leaderA(), "/api/v1/cases",
				assignment(this.world.deptA().getId(), LocalDate.now().minusDays(1), "NORMAL", null));
		assertThat(past.getResponse().getStatus()).isEqualTo(400);

		MvcResult foreign = api.post(this.world.leaderA(), "/api/v1/cases",
				assignment(this.world.deptB().getId(), LocalDate.now().plusDays(10), "NORMAL", null));
		assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
		assertThat(foreign.getResponse().getContentAsString()).contains("辖区");

		MvcResult notALeader = api.post(this.world.dispatcherA(), "/api/v1/cases",
				assignment(this.world.deptA().getId(), LocalDate.now().plusDays(10), "NORMAL", null));
		assertThat(notALeader.getResponse().getStatus()).isEqualTo(409);

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theLeaderFilesFromHisPageAndOthersCannotOpenIt() throws Exception {
		MockHttpSession leader = this.api.login(this.world.leaderA());
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/assignments/new").session(leader))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		MvcResult posted = this.mvc
			.perform(MockMvcRequestBuilders.post("/assignments/new")
				.session(leader)
				.with(csrf())
				.param("categoryId", String.valueOf(this.world.category().id()))
				.param("title", "园区道路改造协调")
				.param("description", "请协调道路改造与企业物流。")
				.param("leadUnitId", String.valueOf(this.world.otherDeptA().getId()))
				.param("dueDate", LocalDate.now().plusDays(20).toString())
				.param("priority", "VERY_URGENT"))
			.andReturn();
		assertThat(posted.getResponse().getStatus()).isEqualTo(302);
		String location = posted.getResponse().getHeader(HttpHeaders.LOCATION);
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(
				this.jdbc.sql("select priority from cases where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("VERY_URGENT");
		String page = this.mvc.perform(MockMvcRequestBuilders.get(location).session(leader))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("领导交办").contains("特急");

		int status = this.mvc
			.perform(MockMvcRequestBuilders.get("/assignments/new").session(this.api.login(this.world.handlerA())))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(409);
	}

	private String assignment(long unitId, LocalDate due, String priority, Long enterpriseId) {
		return """
				{"kind": "LEADER_ASSIGNMENT", "categoryId": %d, "title": "协调解决企业用电增容", "description": "请经信局牵头协调。",
				 "leadUnitId": %d, "dueDate": "%s", "priority": "%s", "enterpriseId": %s}"""
			.formatted(this.world.category().id(), unitId, due, priority, enterpriseId);
	}

	private List<String> actions(long id) {
		return this.jdbc.sql("select action from case_event where case_id = :id order by seq")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private List<Long> queue(Member who) throws Exception {
		MvcResult result = new Api(this.mvc).get(who, "/api/v1/queue?size=100");
		List<Number> ids = (List<Number>) Api.read(result, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	/** The notifications a person got whose key matches. */
	private int told(Member who, String key) {
		return this.jdbc
			.sql("select count(*) from notification_received where person_id = :person and notice_key like :key")
			.param("person", who.actor().personId())
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private int count() {
		return this.jdbc.sql("select count(*) from cases").query(Integer.class).single();
	}

}
