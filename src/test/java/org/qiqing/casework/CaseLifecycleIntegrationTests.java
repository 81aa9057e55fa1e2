package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An enterprise request walks the whole way through the API, each step by the party the
 * workflow names, and leaves an intact history.
 */
@IntegrationTest
class CaseLifecycleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	CaseHistory history;

	@Test
	void requestIsFiledAssignedHandledReopenedByABadRatingAndClosed() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		// Within the category's five working days, and more than a working day away, so
		// an extension may be asked.
		LocalDate due = LocalDate.now(CHINA).plusDays(5);

		int v = expect(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"), "ACCEPTED");
		v = expect(api.step(this.world.dispatcherA(), id, v, "assign", """
				{"leadUnitId": %d, "coUnitIds": [%d], "dueDate": "%s"}""".formatted(this.world.deptA().getId(),
				this.world.otherDeptA().getId(), due)), "ASSIGNED");
		v = expect(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}"), "IN_PROGRESS");
		v = expect(api.step(this.world.otherHandlerA(), id, v, "stage-reply", "{\"note\": \"协办单位已出具意见\"}"),
				"IN_PROGRESS");
		v = expect(
				api.step(this.world.handlerA(), id, v, "request-extension",
						"{\"note\": \"等待电力公司排期\", \"dueDate\": \"%s\"}".formatted(due.plusDays(10))),
				"EXTENSION_REQUESTED");
		v = expect(api.step(this.world.dispatcherA(), id, v, "approve-extension", "{}"), "IN_PROGRESS");
		v = expect(api.step(this.world.handlerA(), id, v, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"已协调电力公司完成增容\"}"), "RESOLVED");
		MvcResult reopened = api.step(this.world.enterpriseA(), id, v, "rate",
				"{\"rating\": \"UNSATISFIED\", \"note\": \"只答复未落实\"}");
		v = expect(reopened, "REOPENED");
		assertThat(Api.read(reopened, "$.reopenCount")).isEqualTo(1);
		assertThat(Api.read(reopened, "$.leadUnitId")).isEqualTo(this.world.deptA().getId().intValue());
		// A reopened case gets fifteen working days to fix the matter.
		String fixBy = (String) Api.read(reopened, "$.dueDate");
		assertThat(LocalDate.parse(fixBy)).isAfter(due.plusDays(10));
		v = expect(
				api.step(this.world.handlerA(), id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"增容已送电\"}"),
				"RESOLVED");
		MvcResult closed = api.step(this.world.enterpriseA(), id, v, "rate", "{\"rating\": \"VERY_SATISFIED\"}");
		expect(closed, "CLOSED");
		assertThat(Api.read(closed, "$.dueDate")).isEqualTo(fixBy);
		assertThat(Api.read(closed, "$.timeState")).isNull();
		assertThat(Api.read(closed, "$.allowedActions")).asList().isEmpty();

		MvcResult officials = api.get(this.world.dispatcherA(), "/api/v1/cases/" + id + "/timeline");
		List<String> actions = com.jayway.jsonpath.JsonPath.read(officials.getResponse().getContentAsString(),
				"$[*].action");
		assertThat(actions).containsExactly("SUBMIT", "ACCEPT", "ASSIGN", "CONTACT", "STAGE_REPLY", "REQUEST_EXTENSION",
				"APPROVE_EXTENSION", "RESOLVE", "REOPEN", "RESOLVE", "RATE");
		MvcResult enterprises = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline");
		List<String> seen = com.jayway.jsonpath.JsonPath.read(enterprises.getResponse().getContentAsString(),
				"$[*].action");
		assertThat(seen).doesNotContain("REQUEST_EXTENSION").contains("APPROVE_EXTENSION", "RESOLVE");
		assertThat(this.history.verify(id)).isEmpty();
	}

	@Test
	void disputedAssignmentIsReassignedAndCountedAsAHandOff() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.dispatcherA(), this.world.firmA().getId(), this.world.category().id());
		String due = LocalDate.now(CHINA).plusDays(5).toString();
		int v = expect(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"), "ACCEPTED");
		v = expect(
				api.step(this.world.dispatcherA(), id, v, "assign",
						"{\"leadUnitId\": %d, \"dueDate\": \"%s\"}".formatted(this.world.otherDeptA().getId(), due)),
				"ASSIGNED");
		v = expect(api.step(this.world.otherHandlerA(), id, v, "dispute", "{\"note\": \"不属本单位职责\"}"), "DISPUTED");
		MvcResult reassigned = api.step(this.world.dispatcherA(), id, v, "reassign",
				"{\"leadUnitId\": %d, \"dueDate\": \"%s\"}".formatted(this.world.deptA().getId(), due));
		expect(reassigned, "ASSIGNED");
		assertThat(Api.read(reassigned, "$.handoffs")).isEqualTo(1);
		assertThat(Api.read(reassigned, "$.leadUnitId")).isEqualTo(this.world.deptA().getId().intValue());
	}

	private static int expect(MvcResult result, String state) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(Api.read(result, "$.state")).isEqualTo(state);
		String etag = result.getResponse().getHeader("ETag");
		int version = Api.version(result);
		assertThat(etag).isEqualTo("\"" + version + "\"");
		return version;
	}

}
