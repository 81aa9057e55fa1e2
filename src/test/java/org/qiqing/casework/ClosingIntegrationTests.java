package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A resolved case always closes: the service centre records the enterprise's answer on a
 * return visit (回访), the platform closes it unrated (未评价) when nobody rates it in ten
 * working days, and a supervisor may judge a bad rating after review (差评复核). The dates
 * are around the National Day holiday of 2026 (1–7 October off, Saturday 10 October
 * worked), all in the past, so that no row is left dated after the tests.
 */
@IntegrationTest
@RecordApplicationEvents
class ClosingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

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

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void aResolvedCaseNobodyRatesInTenWorkingDaysClosesUnratedByThePlatform() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = resolvedCase(api);

		// Ten working days from 30 September: 8, 9, 10 (a Saturday worked), 12–16, 19
		// and 20 October.
		at("2026-10-20T16:00");
		this.sweep.sweep();
		assertThat(state(id)).isEqualTo("RESOLVED");
		assertThat(fired(id, "RATING_INVITE")).isEqualTo(1);

		at("2026-10-21T09:00");
		this.sweep.sweep();
		this.sweep.sweep();
		MvcResult closed = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id);
		assertThat(Api.read(closed, "$.state")).isEqualTo("CLOSED");
		assertThat(Api.read(closed, "$.rating")).isNull();
		assertThat(Api.read(closed, "$.ratingSource")).isEqualTo("NOT_RATED");
		assertThat(fired(id, "CLOSE_UNRATED")).isEqualTo(1);
		MvcResult timeline = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline");
		assertThat(JsonPath.<List<String>>read(timeline.getResponse().getContentAsString(), "$[*].action"))
			.containsOnlyOnce("CLOSE_UNRATED")
			.endsWith("CLOSE_UNRATED");
		assertThat(JsonPath.<List<String>>read(timeline.getResponse().getContentAsString(), "$[-1:].actorName"))
			.containsExactly("系统");
		assertThat(this.events.stream(CaseTransitioned.class)
			.filter(e -> e.caseId() == id && e.action() == CaseAction.CLOSE_UNRATED)
			.map(CaseTransitioned::to)).containsExactly(CaseState.CLOSED);
		assertThat(this.history.verify(id)).isEmpty();
	}

	@Test
	void aCaseReopenedInTimeIsNotClosedUnratedItsTimerIsSkipped() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = resolvedCase(api);
		at("2026-10-09T10:00");
		int v = Api.version(api.get(this.world.enterpriseA(), "/api/v1/cases/" + id));
		assertThat(
				Api.read(api.step(this.world.enterpriseA(), id, v, "rate", "{\"rating\": \"UNSATISFIED\"}"), "$.state"))
			.isEqualTo("REOPENED");

		at("2026-10-21T09:00");
		this.sweep.sweep();
		assertThat(state(id)).isEqualTo("REOPENED");
		assertThat(this.jdbc.sql("""
				select count(*) from case_timer where case_id = :id and kind = 'CLOSE_UNRATED'
				and fired_at is not null and skipped""").param("id", id).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theServiceCentreRecordsAReturnVisitWhichClosesTheCaseAndTheEnterpriseSeesIt() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = resolvedCase(api);
		at("2026-10-09T15:30");
		int v = Api.version(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id));
		String visit = """
				{"rating": "SATISFIED", "note": "企业表示已送电，生产恢复正常", "respondentName": "王经理",
				 "respondentRole": "总经理", "answeredAt": "2026-10-09T15:00:00+08:00", "answerMethod": "PHONE"}""";

		MvcResult byHandler = api.step(this.world.handlerA(), id, v, "return-visit", visit);
		assertThat(byHandler.getResponse().getStatus()).isEqualTo(409);
		MvcResult incomplete = api.step(this.world.dispatcherA(), id, v, "return-visit", "{\"rating\": \"SATISFIED\"}");
		assertThat(incomplete.getResponse().getStatus()).isEqualTo(400);
		assertThat(incomplete.getResponse().getContentAsString()).contains("respondentName", "answeredAt",
				"answerMethod");

		MvcResult visited = api.step(this.world.dispatcherA(), id, v, "return-visit", visit);
		assertThat(visited.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(visited, "$.state")).isEqualTo("CLOSED");

		MvcResult seen = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id);
		assertThat(Api.read(seen, "$.rating")).isEqualTo("SATISFIED");
		assertThat(Api.read(seen, "$.ratingSource")).isEqualTo("RETURN_VISIT");
		assertThat(Api.read(seen, "$.respondentName")).isEqualTo("王经理");
		assertThat(Api.read(seen, "$.answerMethod")).isEqualTo("PHONE");
		MvcResult timeline = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline");
		assertThat(JsonPath.<List<String>>read(timeline.getResponse().getContentAsString(), "$[*].action"))
			.endsWith("RETURN_VISIT")
			.doesNotContain("RATE");
		assertThat(this.jdbc.sql("select facts from case_event where case_id = :id and action = 'RETURN_VISIT'")
			.param("id", id)
			.query(String.class)
			.single()).contains("rating_source=RETURN_VISIT", "respondent_name=王经理", "answer_method=PHONE");
		assertThat(this.events.stream(CaseTransitioned.class)
			.filter(e -> e.caseId() == id && e.action() == CaseAction.RETURN_VISIT)
			.map(CaseTransitioned::to)).containsExactly(CaseState.CLOSED);
		assertThat(this.api.pageText(this.world.enterpriseA(), "/cases/" + id)).contains("回访代评",
				"王经理 · 总经理 · 电话回访 · 2026-10-09 15:00");
		assertThat(this.history.verify(id)).isEmpty();

		// Its unrated close, set at the resolution, finds the case closed and is skipped.
		at("2026-10-21T09:00");
		this.sweep.sweep();
		assertThat(Api.read(api.get(this.world.enterpriseA(), "/api/v1/cases/" + id), "$.ratingSource"))
			.isEqualTo("RETURN_VISIT");
	}

	@Test
	void aSupervisorJudgesABadRatingUnreasonableTheRatingStaysAndTheEnterpriseSeesTheJudgement() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		long id = resolvedCase(api);
		MvcResult reopened = api.step(this.world.enterpriseA(), id, version(api, id), "rate",
				"{\"rating\": \"VERY_UNSATISFIED\", \"note\": \"没有解决\"}");
		assertThat(reopened.getResponse().getContentAsString()).contains("REOPENED");
		int v = Api.version(reopened);
		v = Api.version(api.step(this.world.handlerA(), id, v, "resolve",
				"{\"outcome\": \"NOT_SUPPORTED_BY_LAW\", \"answer\": \"按现行政策不能支持，已当面解释\"}"));
		MvcResult closed = api.step(this.world.enterpriseA(), id, v, "rate", "{\"rating\": \"VERY_UNSATISFIED\"}");
		assertThat(Api.read(closed, "$.state")).isEqualTo("CLOSED");
		v = Api.version(closed);
		assertThat(JsonPath.<List<String>>read(
				api.get(this.world.supervisorA(), "/api/v1/cases/" + id).getResponse().getContentAsString(),
				"$.allowedActions"))
			.contains("review-rating");

		String review = "{\"review\": \"UNREASONABLE\", \"note\": \"诉求超出政策范围，单位已依规解释到位\"}";
		assertThat(api.step(this.world.dispatcherA(), id, v, "review-rating", review).getResponse().getStatus())
			.isEqualTo(409);
		assertThat(api.step(this.world.enterpriseA(), id, v, "review-rating", review).getResponse().getStatus())
			.isEqualTo(409);
		assertThat(api.step(this.world.supervisorA(), id, v, "review-rating", "{\"note\": \"无结论\"}")
			.getResponse()
			.getStatus()).isEqualTo(400);
		MvcResult reviewed = api.step(this.world.supervisorA(), id, v, "review-rating", review);
		assertThat(reviewed.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(reviewed, "$.state")).isEqualTo("CLOSED");
		assertThat(api.step(this.world.supervisorA(), id, Api.version(reviewed), "review-rating", review)
			.getResponse()
			.getStatus()).isEqualTo(409);

		MvcResult seen = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id);
		assertThat(Api.read(seen, "$.rating")).isEqualTo("VERY_UNSATISFIED");
		assertThat(Api.read(seen, "$.ratingSource")).isEqualTo("ENTERPRISE");
		assertThat(Api.read(seen, "$.ratingReview")).isEqualTo("UNREASONABLE");
		assertThat(Api.read(seen, "$.ratingReviewReason")).isEqualTo("诉求超出政策范围，单位已依规解释到位");
		assertThat(this.api.pageText(this.world.enterpriseA(), "/cases/" + id)).contains("差评不合理", "诉求超出政策范围，单位已依规解释到位",
				"非常不满意");
		MvcResult timeline = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline");
		assertThat(JsonPath.<List<String>>read(timeline.getResponse().getContentAsString(), "$[*].action"))
			.endsWith("REVIEW_RATING");
		assertThat(this.jdbc.sql("select facts from case_event where case_id = :id and action = 'REVIEW_RATING'")
			.param("id", id)
			.query(String.class)
			.single()).contains("rating_review=UNREASONABLE").doesNotContain("rating=");
		assertThat(this.events.stream(CaseTransitioned.class)
			.filter(e -> e.caseId() == id && e.action() == CaseAction.REVIEW_RATING)).hasSize(1);
		assertThat(this.history.verify(id)).isEmpty();
	}

	/** Filed by firm A, assigned to department A, contacted and resolved, now. */
	private long resolvedCase(Api api) throws Exception {
		long id = api.assignedCase(this.world);
		int v = version(api, id);
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}"));
		MvcResult resolved = api.step(this.world.handlerA(), id, v, "resolve",
				"{\"outcome\": \"SOLVED\", \"answer\": \"已协调供电公司送电\"}");
		assertThat(Api.read(resolved, "$.state")).isEqualTo("RESOLVED");
		return id;
	}

	private int version(Api api, long id) throws Exception {
		return Api.version(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id));
	}

	private void at(String chinaTime) {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
	}

	private String state(long id) {
		return this.jdbc.sql("select state from cases where id = :id").param("id", id).query(String.class).single();
	}

	private int fired(long id, String kind) {
		return this.jdbc.sql("""
				select count(*) from case_timer where case_id = :id and kind = :kind and fired_at is not null
				and not skipped""").param("id", id).param("kind", kind).query(Integer.class).single();
	}

}
