package org.qiqing.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A campaign's life: made to open on a later day, edited until then (its invitations made
 * anew), open to its enterprises from that day, closed early with a reason (written to
 * the audit log) after which nobody answers, and its results exported to Excel; every
 * wrong move a problem (400, 403, 404, 409), never a 500.
 */
@IntegrationTest
class CampaignLifecycleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCampaignIsEditedBeforeItOpensClosedEarlyWithAReasonAndExported() throws Exception {
		Api api = new Api(this.mvc);
		// a case of enterprise A led by department A, resolved in April 2023
		this.clock.set(LocalDateTime.parse("2023-04-11T10:00").atZone(CHINA).toInstant());
		try {
			long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
			int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
			v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
					"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
			v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}"));
			api.step(this.world.handlerA(), id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已答复\"}");
		}
		finally {
			this.clock.reset();
		}
		LocalDate today = LocalDate.now(CHINA);
		String terms = """
				{"title": "%s", "from": "%s", "to": "%s", "opensOn": "%s", "closesOn": "%s", "scale": "FIVE",
				 "questions": %s}""";
		MvcResult created = api.post(this.world.dispatcherA(), "/api/v1/evaluation/campaigns", terms.formatted("四月评议",
				"2023-04-01", "2023-04-30", today.plusDays(3), today.plusDays(20), "[\"办事效率\"]"));
		assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
		long campaign = ((Number) Api.read(created, "$.id")).longValue();
		String path = "/api/v1/evaluation/campaigns/" + campaign;
		assertThat(Api.read(created, "$.status")).isEqualTo("SCHEDULED");
		assertThat(((Number) Api.read(created, "$.invited")).intValue()).isPositive();
		// not yet open: the enterprise is not asked yet
		assertThat(invitationsOf(api, this.world.enterpriseA(), campaign)).isEmpty();
		MockHttpSession session = api.login(this.world.dispatcherA());
		MvcResult scheduled = api.page(session, "/evaluation/campaigns/" + campaign);
		assertThat(scheduled.getResponse().getStatus()).isEqualTo(200);
		assertThat(scheduled.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("未开始", "campaign-edit",
				"campaign-close", "办事效率</textarea>");

		// edited before it opens: bad terms are refused with their field, good ones kept
		MvcResult bad = api.put(this.world.dispatcherA(), path, 0, terms.formatted("四月评议", "2023-04-01", "2023-04-30",
				today.plusDays(10), today.plusDays(5), "[\"办事效率\"]"));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(body(bad)).contains("closesOn");
		String good = terms.formatted("2023 年四月评议", "2023-04-01", "2023-04-30", today, today.plusDays(20),
				"[\"办事效率\", \"服务态度\"]");
		// an edit must name the version it was made on, and one made on another is
		// refused
		assertThat(status(api.put(this.world.dispatcherA(), path, good))).isEqualTo(428);
		MvcResult stale = api.put(this.world.dispatcherA(), path, 3, good);
		assertThat(stale.getResponse().getStatus()).isEqualTo(412);
		assertThat(stale.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(Api.read(api.get(this.world.dispatcherA(), path + "/results"), "$.campaign.title"))
			.isEqualTo("四月评议");
		MvcResult edited = api.put(this.world.dispatcherA(), path, 0, good);
		assertThat(edited.getResponse().getStatus()).as(body(edited)).isEqualTo(200);
		assertThat(Api.read(edited, "$.title")).isEqualTo("2023 年四月评议");
		assertThat(Api.read(edited, "$.questions.length()")).isEqualTo(2);
		assertThat(Api.read(edited, "$.version")).isEqualTo(1);
		assertThat(edited.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
		// opening today: it is open, and no longer edited
		assertThat(Api.read(edited, "$.status")).isEqualTo("OPEN");
		assertThat(invitationsOf(api, this.world.enterpriseA(), campaign)).hasSize(1);
		MvcResult late = api.put(this.world.dispatcherA(), path, 1,
				terms.formatted("改名", "2023-04-01", "2023-04-30", today, today.plusDays(20), "[\"办事效率\"]"));
		assertThat(late.getResponse().getStatus()).isEqualTo(409);
		assertThat(late.getResponse().getContentType()).startsWith("application/problem+json");

		// closed early: not by the unit it rates, nor another county; a reason is
		// required
		assertThat(status(api.post(this.world.handlerA(), path + "/close", "{\"reason\": \"x\"}"))).isEqualTo(403);
		assertThat(status(api.post(this.world.dispatcherB(), path + "/close", "{\"reason\": \"x\"}"))).isEqualTo(404);
		MvcResult noReason = api.post(this.world.dispatcherA(), path + "/close", "{\"reason\": \"  \"}");
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noReason)).contains("reason");
		MvcResult closed = api.post(this.world.dispatcherA(), path + "/close", "{\"reason\": \"企业反映问卷有误\"}");
		assertThat(closed.getResponse().getStatus()).as(body(closed)).isEqualTo(200);
		assertThat(Api.read(closed, "$.status")).isEqualTo("CLOSED");
		assertThat(Api.read(closed, "$.closeReason")).isEqualTo("企业反映问卷有误");
		MvcResult again = api.post(this.world.dispatcherA(), path + "/close", "{\"reason\": \"再结束一次\"}");
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(again.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(status(api.post(this.world.dispatcherA(), path + "/close", "not json"))).isEqualTo(400);
		// nobody answers a closed campaign
		assertThat(invitationsOf(api, this.world.enterpriseA(), campaign)).isEmpty();
		long invitation = this.jdbc.sql("select id from eval_invitation where campaign_id = :c and enterprise_id = :e")
			.param("c", campaign)
			.param("e", this.world.firmA().getId())
			.query(Long.class)
			.single();
		assertThat(status(api.post(this.world.enterpriseA(), "/api/v1/evaluation/invitations/" + invitation + "/answer",
				"{\"scores\": {\"1\": 5, \"2\": 5}}")))
			.isEqualTo(409);
		// written to the audit log: made, edited, closed with its reason
		assertThat(this.jdbc.sql("""
				select detail from audit_entry where target_kind = 'evaluation-campaign' and target_id = :id
				order by id""").param("id", Long.toString(campaign)).query(String.class).list())
			.anyMatch(d -> d.startsWith("created"))
			.anyMatch(d -> d.startsWith("edited"))
			.anyMatch(d -> d.equals("closed: 企业反映问卷有误"));

		// the results in Excel: the unit's row per question, its figures blank under 3
		// answers
		MvcResult export = api.get(this.world.dispatcherA(), path + "/export");
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		List<String> rows = rows(export.getResponse().getContentAsByteArray());
		assertThat(rows.get(0)).startsWith("单位|邀请|已答|问题");
		assertThat(rows).anyMatch(r -> r.startsWith(this.world.deptA().getName() + "|") && r.contains("|服务态度"));
		assertThat(status(api.get(this.world.dispatcherB(), path + "/export"))).isEqualTo(404);
		assertThat(status(api.get(this.world.enterpriseA(), path + "/export"))).isEqualTo(404);
		assertThat(status(api.get(this.world.dispatcherA(), "/api/v1/evaluation/campaigns/abc/export"))).isEqualTo(400);

		// the page: its state and reason, the export, and a readable refusal to close it
		// again
		String page = this.mvc.perform(MockMvcRequestBuilders.get("/evaluation/campaigns/" + campaign).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("campaign-status", "已结束", "企业反映问卷有误", "campaign-export")
			.doesNotContain("campaign-close", "campaign-edit");
		MvcResult refused = this.mvc
			.perform(MockMvcRequestBuilders.post("/evaluation/campaigns/" + campaign + "/close")
				.param("reason", "again")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getFlashMap().get("problem")).asString().contains("已结束");
		MvcResult sheet = this.mvc
			.perform(MockMvcRequestBuilders.get("/evaluation/campaigns/" + campaign + "/export").session(session))
			.andReturn();
		assertThat(sheet.getResponse().getStatus()).isEqualTo(200);
	}

	private List<Object> invitationsOf(Api api, Member contact, long campaign) throws Exception {
		MvcResult result = api.get(contact, "/api/v1/evaluation/invitations");
		assertThat(status(result)).isEqualTo(200);
		return com.jayway.jsonpath.JsonPath.read(body(result), "$[?(@.campaignId == " + campaign + ")]");
	}

	private static List<String> rows(byte[] xlsx) throws Exception {
		List<String> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(cell.toString()));
				rows.add(String.join("|", cells));
			}
		}
		return rows;
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
