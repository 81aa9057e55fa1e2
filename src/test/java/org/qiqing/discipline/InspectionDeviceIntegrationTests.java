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
 * The inspection page's device queue over HTTP: an inspection with its findings and
 * photos is stored once however often the phone sends it; a refused one is answered with
 * its reason in Chinese or English while the others of its batch are stored; a key used
 * for another action's inspection is a conflict; without a session the answer is 401, and
 * the page itself is for discipline roles only.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionDeviceIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	Member inspector;

	Member member;

	long action;

	long otherAction;

	long group;

	long kind;

	@BeforeAll
	void anActionWithAGroup() {
		this.inspector = this.officials.official("t.dev.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		this.member = this.officials.official("t.dev.member", Role.HANDLER, this.world.otherDeptA(), null);
		this.action = action("窗口暗访");
		this.otherAction = action("作风暗访");
		this.group = this.queries.action(this.action, this.inspector.actor()).groups().get(0).id();
		this.kind = this.queries.kinds()
			.stream()
			.filter(k -> k.code().equals("DILIGENCE"))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void anInspectionWithItsFindingsAndPhotosIsStoredOnceHoweverOftenThePhoneSendsIt() throws Exception {
		MockHttpSession session = this.api.login(this.member);
		String key = "dev-" + System.nanoTime();
		String inspection = inspection(key, this.action, "UNANNOUNCED", today(), "窗口暗访 一次");
		MockMultipartHttpServletRequestBuilder first = sync(inspection);
		for (int p = 0; p < 5; p++) {
			first.file(new MockMultipartFile("photos.0.0", "p" + p + ".png", "image/png", PNG));
		}
		first.file(new MockMultipartFile("photos.0.1", "q.png", "image/png", PNG));
		MvcResult sent = this.mvc.perform(first.session(session).with(csrf())).andReturn();
		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(((Number) Api.read(sent, "$[0].status")).intValue()).isEqualTo(201);
		long id = ((Number) Api.read(sent, "$[0].inspectionId")).longValue();
		List<Long> findings = this.jdbc.sql("select id from finding where inspection_id = :id order by id")
			.param("id", id)
			.query(Long.class)
			.list();
		assertThat(findings).hasSize(2);
		assertThat(evidence(id)).isEqualTo(6);

		// The answer was lost; the phone sends it all again.
		MockMultipartHttpServletRequestBuilder again = sync(inspection);
		again.file(new MockMultipartFile("photos.0.0", "p.png", "image/png", PNG));
		MvcResult repeat = this.mvc.perform(again.session(session).with(csrf())).andReturn();
		assertThat(((Number) Api.read(repeat, "$[0].status")).intValue()).isEqualTo(200);
		assertThat(((Number) Api.read(repeat, "$[0].inspectionId")).longValue()).isEqualTo(id);
		assertThat(this.jdbc.sql("select count(*) from inspection where client_key = :k")
			.param("k", key)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from finding where inspection_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(evidence(id)).isEqualTo(6);

		// The same key for another action's inspection is a conflict, stored nowhere.
		MvcResult conflict = this.mvc
			.perform(sync(inspection(key, this.otherAction, "PLANNED", today(), "另一行动")).session(session).with(csrf()))
			.andReturn();
		assertThat(((Number) Api.read(conflict, "$[0].status")).intValue()).isEqualTo(409);
		assertThat((String) Api.read(conflict, "$[0].detail")).contains("另一个专项行动");
	}

	@Test
	void aRefusedInspectionComesBackWithItsReasonInThePersonsLanguageAndTheRestOfTheBatchIsStored() throws Exception {
		MockHttpSession session = this.api.login(this.member);
		String tomorrow = inspection("dev-t-" + System.nanoTime(), this.action, "PLANNED", today().plusDays(1), "明天");
		String six = inspection("dev-6-" + System.nanoTime(), this.action, "PLANNED", today(), "六张照片");
		String fine = inspection("dev-f-" + System.nanoTime(), this.action, "PLANNED", today(), "同批送达");
		MockMultipartHttpServletRequestBuilder batch = MockMvcRequestBuilders.multipart("/discipline/device/sync");
		batch.file(new MockMultipartFile("inspections", "", MediaType.APPLICATION_JSON_VALUE,
				("[" + tomorrow + "," + six + "," + fine + "]").getBytes()));
		for (int p = 0; p < 6; p++) {
			batch.file(new MockMultipartFile("photos.1.0", "p" + p + ".png", "image/png", PNG));
		}
		MvcResult answer = this.mvc.perform(batch.session(session).with(csrf())).andReturn();
		assertThat(((Number) Api.read(answer, "$[0].status")).intValue()).isEqualTo(400);
		assertThat((String) Api.read(answer, "$[0].errors.inspectedOn")).contains("晚于今天");
		assertThat(((Number) Api.read(answer, "$[1].status")).intValue()).isEqualTo(400);
		assertThat((String) Api.read(answer, "$[1].detail")).contains("最多 5 张照片");
		assertThat(((Number) Api.read(answer, "$[2].status")).intValue()).isEqualTo(201);
		assertThat(summaries("明天", "六张照片", "同批送达")).containsExactly("同批送达");

		// The person who chose English on the language switch reads it in English.
		MockMultipartHttpServletRequestBuilder english = sync(
				inspection("dev-e-" + System.nanoTime(), this.action, "PLANNED", today().plusDays(1), "tomorrow"));
		this.mvc.perform(MockMvcRequestBuilders.get("/discipline/inspect").param("lang", "en").session(session));
		MvcResult refused = this.mvc.perform(english.session(session).with(csrf())).andReturn();
		assertThat((String) Api.read(refused, "$[0].errors.inspectedOn")).isEqualTo("The date is after today");

		// Someone outside the action's groups is refused, readably.
		MvcResult foreign = this.mvc
			.perform(sync(inspection("dev-x-" + System.nanoTime(), this.action, "PLANNED", today(), "外人"))
				.session(this.api.login(this.world.handlerB()))
				.with(csrf()))
			.andReturn();
		assertThat(((Number) Api.read(foreign, "$[0].status")).intValue()).isBetween(400, 499);
		assertThat(summaries("外人")).isEmpty();
	}

	@Test
	void withoutASessionTheQueueIsAnswered401AndThePageIsForDisciplineRolesOnly() throws Exception {
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/discipline/device/session"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);
		assertThat(this.mvc.perform(sync("[]").with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(401);
		MockHttpSession session = this.api.login(this.member);
		MvcResult who = this.mvc.perform(MockMvcRequestBuilders.get("/discipline/device/session").session(session))
			.andReturn();
		assertThat((String) Api.read(who, "$.user")).isEqualTo("t.dev.member");
		assertThat(this.mvc.perform(sync("[]").session(session)).andReturn().getResponse().getStatus())
			.as("no CSRF token")
			.isEqualTo(403);
		String page = this.mvc.perform(MockMvcRequestBuilders.get("/discipline/inspect").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("窗口暗访", "一次性告知是否清楚", "inspect-data");
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.get("/discipline/inspect").session(this.api.login(this.world.handlerA())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc
			.perform(
					MockMvcRequestBuilders.get("/discipline/inspect").session(this.api.login(this.world.enterpriseA())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private String inspection(String key, long action, String mode, LocalDate on, String summary) {
		long group = this.queries.action(action, this.inspector.actor()).groups().get(0).id();
		return """
				{"clientKey": "%s", "actionId": %d, "groupId": %d, "unitId": %d, "mode": "%s", "inspectedOn": "%s",
				 "summary": "%s", "checks": [{"position": 1, "passed": false, "note": "告知单不清楚"}],
				 "findings": [{"kindId": %d, "what": "一次性告知单不清楚", "place": "3 号窗口", "people": "张某某"},
				              {"kindId": %d, "what": "工作人员离岗"}]}""".formatted(key, action, group,
				this.world.deptA().getId(), mode, on, summary, this.kind, this.kind);
	}

	private static MockMultipartHttpServletRequestBuilder sync(String inspection) {
		MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart("/discipline/device/sync");
		String body = inspection.strip().startsWith("[") ? inspection : "[" + inspection + "]";
		request.file(new MockMultipartFile("inspections", "", MediaType.APPLICATION_JSON_VALUE, body.getBytes()));
		return request;
	}

	private List<String> summaries(String... summaries) {
		return this.jdbc.sql("select summary from inspection where summary in (:s) order by summary")
			.param("s", List.of(summaries))
			.query(String.class)
			.list();
	}

	private int evidence(long inspectionId) {
		return this.jdbc.sql("""
				select count(*) from finding_evidence e join finding f on f.id = e.finding_id
				where f.inspection_id = :id""").param("id", inspectionId).query(Integer.class).single();
	}

	private long action(String theme) {
		return this.management.createAction(new NewAction(
				theme, this.world.centreA().getId(), today().minusDays(10), today().plusDays(30), List.of("330421"),
				List.of(), List.of("一次性告知是否清楚", "办事是否来回跑"), List.of(new NewAction.Group("第一督查组",
						this.inspector.actor().personId(), List.of(this.member.actor().personId())))),
				this.inspector.actor());
	}

	private static LocalDate today() {
		return LocalDate.now(PlatformClock.CHINA);
	}

}
