package org.qiqing.casework;

import java.time.LocalDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

/**
 * Time limits run on the working-day calendar, and the timers urge, order, list and
 * escalate a case that lets them pass, each once. The dates are around the National Day
 * holiday of 2026 (1–7 October off, Saturday 10 October worked).
 */
@IntegrationTest
class TimeLimitsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	TimerSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHistory history;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void assignmentGetsItsCategorysWorkingDaysAndTheTimersUrgeOrderListAndEscalateOnce() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		MvcResult filed = api.get(this.world.dispatcherA(), "/api/v1/cases/" + id);
		assertThat(Api.read(filed, "$.timeState")).isEqualTo("ON_TIME");
		assertThat(Api.read(filed, "$.limitAt")).isNotNull();

		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		MvcResult tooLong = api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d, \"dueDate\": \"2026-10-20\"}".formatted(this.world.deptA().getId()));
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
		assertThat(tooLong.getResponse().getContentAsString()).contains("2026-10-13");
		assertThat(Api.version(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id))).isEqualTo(v);

		// Five working days from 30 September: 8, 9, 10 (a Saturday worked), 12 and 13
		// October.
		MvcResult assigned = api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId()));
		assertThat(assigned.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(assigned, "$.dueDate")).isEqualTo("2026-10-13");
		assertThat(Api.read(assigned, "$.workingDaysLeft")).isEqualTo(5);
		v = Api.version(assigned);
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}"));

		at("2026-10-08T10:00");
		this.sweep.sweep();
		assertThat(timeState(id)).isEqualTo("ON_TIME");

		at("2026-10-12T10:00");
		this.sweep.sweep();
		assertThat(timeState(id)).isEqualTo("YELLOW");
		assertThat(fired(id, "YELLOW")).isEqualTo(1);

		at("2026-10-14T10:00");
		this.sweep.sweep();
		this.sweep.sweep();
		assertThat(timeState(id)).isEqualTo("RED");
		MvcResult late = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id);
		assertThat(Api.read(late, "$.timeState")).isEqualTo("RED");
		assertThat(Api.read(late, "$.workingDaysLeft")).isEqualTo(-1);
		assertThat(actions(api, id)).containsOnlyOnce("ORDER");
		MvcResult orders = api.get(this.world.supervisorA(), "/api/v1/cases/" + id + "/orders");
		assertThat((List<?>) Api.read(orders, "$")).hasSize(1);
		assertThat(Api.read(orders, "$[0].issuedByName")).isEqualTo("系统");
		assertThat(fired(id, "OVERDUE_NOTICE")).isEqualTo(1);
		assertThat(fired(id, "CRITICISM")).isZero();

		// Five working days past 13 October is the end of 20 October: listed for written
		// criticism.
		at("2026-10-21T10:00");
		this.sweep.sweep();
		MvcResult bulletin = api.get(this.world.supervisorA(), "/api/v1/supervision/bulletin");
		assertThat(JsonPath.<List<Integer>>read(bulletin.getResponse().getContentAsString(), "$[*].id"))
			.contains((int) id);

		// Ten working days past: raised to the unit above the lead unit, which now sees
		// it.
		at("2026-10-28T10:00");
		this.sweep.sweep();
		MvcResult escalated = api.get(this.world.supervisorA(), "/api/v1/cases/" + id);
		assertThat(((Number) Api.read(escalated, "$.escalatedUnitId")).longValue())
			.isEqualTo(this.world.centreA().getId());
		assertThat(actions(api, id)).containsOnlyOnce("ESCALATE");
		this.sweep.sweep();
		assertThat(actions(api, id)).containsOnlyOnce("ORDER").containsOnlyOnce("ESCALATE");
		assertThat(this.history.verify(id)).isEmpty();

		v = Api.version(escalated);
		MvcResult reply = api.step(this.world.handlerA(), id, v, "reply-order", "{\"note\": \"已协调电力公司，下周送电\"}");
		assertThat(reply.getResponse().getStatus()).isEqualTo(200);
		MvcResult again = api.step(this.world.handlerA(), id, Api.version(reply), "reply-order",
				"{\"note\": \"再次回复\"}");
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(Api.read(api.get(this.world.supervisorA(), "/api/v1/cases/" + id + "/orders"), "$[0].reply"))
			.isEqualTo("已协调电力公司，下周送电");
	}

	@Test
	void aSuspensionStopsTheClockAndTheResumptionGivesBackWhatWasLeft() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已联系\"}"));
		at("2026-10-09T20:00");
		v = Api.version(api.step(this.world.handlerA(), id, v, "request-suspension", "{\"note\": \"等待企业补充环评材料\"}"));
		MvcResult suspended = api.step(this.world.dispatcherA(), id, v, "approve-suspension", "{}");
		assertThat(Api.read(suspended, "$.state")).isEqualTo("SUSPENDED");
		assertThat(Api.read(suspended, "$.timeState")).isEqualTo("SUSPENDED");

		at("2026-10-30T10:00");
		this.sweep.sweep();
		assertThat(timeState(id)).isEqualTo("SUSPENDED");
		// Suspended after office hours on 9 October with three working days left (10, 12
		// and 13
		// October): resumed on Friday 30 October, it is due at the end of Wednesday 4
		// November.
		MvcResult resumed = api.step(this.world.handlerA(), id, Api.version(suspended), "resume",
				"{\"note\": \"材料已收到\"}");
		assertThat(Api.read(resumed, "$.state")).isEqualTo("IN_PROGRESS");
		assertThat(Api.read(resumed, "$.dueDate")).isEqualTo("2026-11-04");
		assertThat(Api.read(resumed, "$.timeState")).isEqualTo("YELLOW");
	}

	@Test
	void anExtensionIsAskedInTimeWithinTheMaximumAndItsApprovalMovesTheLimit() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已联系\"}"));

		at("2026-10-09T10:00");
		MvcResult tooFar = api.step(this.world.handlerA(), id, v, "request-extension",
				"{\"note\": \"需要排期\", \"dueDate\": \"2026-12-31\"}");
		assertThat(tooFar.getResponse().getStatus()).isEqualTo(400);
		v = Api.version(api.step(this.world.handlerA(), id, v, "request-extension",
				"{\"note\": \"需要排期\", \"dueDate\": \"2026-10-20\"}"));
		MvcResult approved = api.step(this.world.dispatcherA(), id, v, "approve-extension", "{}");
		assertThat(Api.read(approved, "$.dueDate")).isEqualTo("2026-10-20");
		assertThat(Api.read(approved, "$.timeState")).isEqualTo("ON_TIME");

		// On the due day itself it is too late to ask for more time.
		at("2026-10-20T09:00");
		MvcResult tooLate = api.step(this.world.handlerA(), id, Api.version(approved), "request-extension",
				"{\"note\": \"还需要时间\", \"dueDate\": \"2026-10-23\"}");
		assertThat(tooLate.getResponse().getStatus()).isEqualTo(400);
		assertThat(tooLate.getResponse().getContentAsString()).contains("在办结期限前至少");

		at("2026-10-21T10:00");
		this.sweep.sweep();
		assertThat(fired(id, "RED")).isEqualTo(1);
		assertThat(actions(api, id)).containsOnlyOnce("ORDER");
	}

	@Test
	void aSupervisorCannotOrderAClosedCaseAndASentBackCaseIsReopened() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已联系\"}"));
		v = Api.version(api.step(this.world.supervisorA(), id, v, "urge", "{\"note\": \"请加快办理\"}"));
		v = Api.version(
				api.step(this.world.handlerA(), id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已办理\"}"));
		MvcResult closed = api.step(this.world.enterpriseA(), id, v, "rate", "{\"rating\": \"SATISFIED\"}");
		v = Api.version(closed);
		MvcResult order = api.step(this.world.supervisorA(), id, v, "order", "{\"note\": \"请说明\"}");
		assertThat(order.getResponse().getStatus()).isEqualTo(409);
		assertThat(Api.version(api.get(this.world.supervisorA(), "/api/v1/cases/" + id))).isEqualTo(v);

		MvcResult toVerify = api.get(this.world.supervisorA(), "/api/v1/supervision/verification");
		assertThat(JsonPath.<List<Integer>>read(toVerify.getResponse().getContentAsString(), "$[*].id"))
			.contains((int) id);
		MvcResult sentBack = api.step(this.world.supervisorA(), id, v, "send-back", "{\"note\": \"核查发现未落实\"}");
		assertThat(Api.read(sentBack, "$.state")).isEqualTo("REOPENED");
		assertThat(Api.read(sentBack, "$.timeState")).isEqualTo("ON_TIME");
		assertThat(actions(api, id)).contains("URGE", "SEND_BACK");
		MvcResult handler = api.step(this.world.handlerA(), id, Api.version(sentBack), "urge", "{\"note\": \"x\"}");
		assertThat(handler.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void anOverdueDisputedCaseIsNotEscalatedAndItsTimerIsSkippedNotRetried() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-11-02T10:00");
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		assertThat(Api.read(api.step(this.world.handlerA(), id, v, "dispute", "{\"note\": \"不属本单位职责\"}"), "$.state"))
			.isEqualTo("DISPUTED");

		// Weeks later, long past the escalation day, the dispute still unsettled.
		at("2026-12-21T10:00");
		this.sweep.sweep();
		assertThat(actions(api, id)).doesNotContain("ESCALATE");
		assertThat(this.jdbc.sql("""
				select count(*) from case_timer where case_id = :id and kind = 'ESCALATE'
				and fired_at is not null and skipped""").param("id", id).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theSupervisionDeskPresetsNoReasonAndAsksBeforeAnOrderOrAnEscalation() throws Exception {
		at("2026-09-30T10:00");
		Api api = new Api(this.mvc);
		long id = api.assignedCase(this.world);
		at("2026-10-12T10:00");
		this.sweep.sweep();
		assertThat(timeState(id)).isEqualTo("YELLOW");
		MockHttpSession supervisor = api.login(this.world.supervisorA());
		// Page by page: the other test classes' cases share the county and may come
		// first.
		String page = "";
		for (int n = 0; n < 100; n++) {
			page = api.pageText(supervisor, "/supervision?page=" + n);
			if (page.contains("id=\"watched-" + id + "\"") || !page.contains("id=\"watched-")) {
				break;
			}
		}
		int start = page.indexOf("id=\"watched-" + id + "\"");
		assertThat(start).as("the case is on the desk").isPositive();
		String row = page.substring(start, page.indexOf("</tr>", start));
		assertThat(row).containsPattern("<input name=\"note\"[^>]*required").doesNotContain("value=\"请");
		assertThat(row).containsPattern("steps/order\"[^>]*data-confirm=\"[^\"]+\"")
			.containsPattern("steps/escalate\"[^>]*data-confirm=\"[^\"]+\"");
	}

	private void at(String chinaTime) {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
	}

	private String timeState(long id) {
		return this.jdbc.sql("select time_state from cases where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private int fired(long id, String kind) {
		return this.jdbc.sql("""
				select count(*) from case_timer where case_id = :id and kind = :kind and fired_at is not null
				and not skipped""").param("id", id).param("kind", kind).query(Integer.class).single();
	}

	private List<String> actions(Api api, long id) throws Exception {
		MvcResult timeline = api.get(this.world.supervisorA(), "/api/v1/cases/" + id + "/timeline");
		return JsonPath.read(timeline.getResponse().getContentAsString(), "$[*].action");
	}

}
