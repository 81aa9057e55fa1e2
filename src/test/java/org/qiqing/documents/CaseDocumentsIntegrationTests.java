package org.qiqing.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.CaseTransitioned;
import org.qiqing.casework.NoticeTopic;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A supervisor's written criticism (书面通报) is a step of the case: a required reason, one
 * event in the history, a notice to the unit, a count in the statistics. Each urging,
 * order and criticism is an official document with its number, printed as a PDF for those
 * who may see the case, and for nobody else.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseDocumentsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aSupervisorCriticisesTheUnitInWritingWithAReasonOnceInTheHistoryToldAndCounted() throws Exception {
		Api api = new Api(this.mvc);
		long id = caseInProgress(api);
		long before = criticised(this.world.deptA().getId());
		int v = version(api, id);

		MvcResult noReason = api.step(this.world.supervisorA(), id, v, "criticise", "{}");
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(noReason.getResponse().getContentAsString()).contains("note");
		MvcResult byHandler = api.step(this.world.handlerA(), id, v, "criticise", "{\"note\": \"自我批评\"}");
		assertThat(byHandler.getResponse().getStatus()).isEqualTo(409);

		MvcResult criticised = api.step(this.world.supervisorA(), id, v, "criticise", "{\"note\": \"超期未联系企业，答复敷衍\"}");
		assertThat(criticised.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(criticised, "$.state")).as("the case stays where it is").isEqualTo("IN_PROGRESS");

		String timeline = api.get(this.world.handlerA(), "/api/v1/cases/" + id + "/timeline")
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(timeline, "$[*].action")).containsOnlyOnce("CRITICISE")
			.endsWith("CRITICISE");
		assertThat(JsonPath.<List<String>>read(timeline, "$[-1:].note")).containsExactly("超期未联系企业，答复敷衍");
		String seen = api.get(this.world.enterpriseA(), "/api/v1/cases/" + id + "/timeline")
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(seen).as("the enterprise does not see the criticism").doesNotContain("CRITICISE", "答复敷衍");

		assertThat(this.events.stream(CaseNotice.class)
			.filter(n -> n.caseId() == id && n.topic() == NoticeTopic.CRITICISM)).singleElement().satisfies(notice -> {
				assertThat(notice.topic()).isEqualTo(NoticeTopic.CRITICISM);
				assertThat(notice.subject().resolve()).contains("书面通报");
				assertThat(notice.body().resolve()).contains("答复敷衍");
				assertThat(notice.personIds()).contains(this.world.handlerA().actor().personId())
					.doesNotContain(this.world.supervisorA().actor().personId());
			});
		assertThat(this.events.stream(CaseTransitioned.class)
			.filter(step -> step.caseId() == id && step.action() == CaseAction.CRITICISE)).hasSize(1);
		assertThat(criticised(this.world.deptA().getId())).as("CRITICISED of the lead unit").isEqualTo(before + 1);
	}

	@Test
	void eachUrgingOrderAndCriticismIsANumberedDocumentWithTheCaseAndItsHistory() throws Exception {
		Api api = new Api(this.mvc);
		long id = caseInProgress(api);
		Member supervisor = this.world.supervisorA();
		int v = version(api, id);
		v = Api.version(api.step(supervisor, id, v, "urge", "{\"note\": \"请加快办理进度\"}"));
		v = Api.version(api.step(supervisor, id, v, "order", "{\"note\": \"请说明未按期联系的原因\"}"));
		Api.version(api.step(supervisor, id, v, "criticise", "{\"note\": \"多次催办仍未落实\"}"));

		MvcResult listed = api.get(supervisor, "/api/v1/cases/" + id + "/documents");
		assertThat(listed.getResponse().getStatus()).isEqualTo(200);
		String json = listed.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(json, "$[*].kind")).containsExactly("URGING_NOTICE", "SUPERVISION_ORDER",
				"WRITTEN_CRITICISM");
		List<String> numbers = JsonPath.read(json, "$[*].number");
		String year = Integer.toString(java.time.LocalDate.now(org.qiqing.platform.PlatformClock.CHINA).getYear());
		String issuer = this.world.centreA().getName();
		assertThat(numbers.get(0)).matches(issuer + "催〔" + year + "〕\\d+号");
		assertThat(numbers.get(1)).matches(issuer + "督〔" + year + "〕\\d+号");
		assertThat(numbers.get(2)).matches(issuer + "通〔" + year + "〕\\d+号");
		List<Integer> seqs = JsonPath.read(json, "$[*].seq");

		MvcResult pdf = api.get(supervisor, "/api/v1/cases/" + id + "/documents/" + seqs.get(2));
		assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		String text = text(pdf.getResponse().getContentAsByteArray());
		String number = (String) Api.read(api.get(supervisor, "/api/v1/cases/" + id), "$.number");
		assertThat(text).contains(issuer, numbers.get(2), "书面通报", "多次催办仍未落实", number, this.world.deptA().getName(),
				this.world.firmA().getName(), "办理经过", "催办", "下发督办单", "请加快办理进度");
		String order = text(api.get(supervisor, "/api/v1/cases/" + id + "/documents/" + seqs.get(1))
			.getResponse()
			.getContentAsByteArray());
		assertThat(order).contains(numbers.get(1), "督办单", "请说明未按期联系的原因", "前将办理情况书面报告")
			.as("the history up to the order, not after")
			.doesNotContain("多次催办仍未落实");

		// On the pages: the handling unit prints it from the case.
		MvcResult page = this.mvc
			.perform(get("/cases/" + id + "/documents/" + seqs.get(0) + ".pdf")
				.session(this.api.login(this.world.handlerA())))
			.andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getHeader("Content-Disposition")).startsWith("inline");
		assertThat(text(page.getResponse().getContentAsByteArray())).contains(numbers.get(0), "催办通知书");
		String list = this.mvc.perform(get("/cases/" + id + "/documents").session(this.api.login(supervisor)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(numbers.get(0), numbers.get(1), numbers.get(2));
		String casePage = this.mvc.perform(get("/cases/" + id).session(this.api.login(supervisor)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(casePage).contains("/cases/" + id + "/documents/" + seqs.get(2) + ".pdf", "data-confirm=");

		// Nobody else: another county, the enterprise, a step that is no document.
		for (Member outsider : List.of(this.world.dispatcherB(), this.world.handlerB(), this.world.enterpriseA())) {
			assertThat(api.get(outsider, "/api/v1/cases/" + id + "/documents/" + seqs.get(2)).getResponse().getStatus())
				.as(outsider.username())
				.isEqualTo(404);
			assertThat(api.get(outsider, "/api/v1/cases/" + id + "/documents").getResponse().getStatus())
				.as(outsider.username())
				.isEqualTo(404);
		}
		assertThat(api.get(supervisor, "/api/v1/cases/" + id + "/documents/1").getResponse().getStatus())
			.isEqualTo(404);
	}

	private long caseInProgress(Api api) throws Exception {
		long id = api.assignedCase(this.world);
		int v = version(api, id);
		MvcResult contacted = api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}");
		assertThat(Api.read(contacted, "$.state")).isEqualTo("IN_PROGRESS");
		return id;
	}

	private int version(Api api, long id) throws Exception {
		return Api.version(api.get(this.world.dispatcherA(), "/api/v1/cases/" + id));
	}

	private long criticised(long unitId) {
		return this.jdbc.sql("""
				select coalesce(sum(n), 0) from stat_rollup
				where measure = 'CRITICISED' and unit_id = :unit and unit_role = 'L'""")
			.param("unit", unitId)
			.query(Long.class)
			.single();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
