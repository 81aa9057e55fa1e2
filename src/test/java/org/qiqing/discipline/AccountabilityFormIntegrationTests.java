package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
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
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.platform.Paging;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An inspector records an accountability decision on the register's page (问责追究): from a
 * finding's page, its unit chosen already, for a person (通报, 诫勉, 组织调整或组织处理, 纪律处分) or an
 * organisation (检查, 通报, 改组), with who decided, when, the document number and the document
 * itself. What is wrong is said beside its field, in the page, with what was typed kept,
 * and nothing is recorded.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountabilityFormIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	Member inspector;

	long inspection;

	long finding;

	@BeforeAll
	void aFindingIssued() {
		this.inspector = this.officials.official("t.acf.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		Actor actor = this.inspector.actor();
		long action = this.management.createAction(new NewAction("问责表单专项", this.world.centreA().getId(),
				LocalDate.now().minusDays(5), LocalDate.now().plusDays(5), List.of(), List.of(), List.of("要点"),
				List.of(new NewAction.Group("督查组", actor.personId(), List.of()))), actor);
		long group = this.queries.action(action, actor).groups().get(0).id();
		this.inspection = this.management.recordInspection(action, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, LocalDate.now(), null, List.of(), null), actor);
		this.finding = this.management.recordFinding(this.inspection,
				new NewFinding(this.queries.kinds().get(0).id(), null, "一次性告知不清晰", null, "王五"), List.of(), actor);
		this.management.issueFindings(this.inspection, null, actor);
	}

	MockMultipartHttpServletRequestBuilder form(String target, String person, String number, String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("causeType", "FINDING");
		fields.put("causeId", Long.toString(this.finding));
		fields.put("target", target);
		fields.put("personName", person);
		fields.put("unitId", Long.toString(this.world.deptA().getId()));
		fields.put("decidedBy", "中共嘉善县纪委");
		fields.put("decidedOn", LocalDate.now().toString());
		fields.put("documentNumber", number);
		for (int i = 0; i + 1 < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockMultipartHttpServletRequestBuilder form = MockMvcRequestBuilders.multipart("/discipline/accountability");
		fields.forEach((name, value) -> form.param(name, value));
		return form;
	}

	@Test
	void anInspectorHoldsAPersonAccountableFromAFindingsPage() throws Exception {
		MockHttpSession session = this.api.login(this.inspector);
		String inspectionPage = this.api.page(session, "/discipline/inspections/" + this.inspection)
			.getResponse()
			.getContentAsString();
		String link = "/discipline/accountability?causeType=FINDING&amp;causeId=" + this.finding;
		assertThat(inspectionPage).contains(link);
		MvcResult form = this.api.page(session, "/discipline/accountability?causeType=FINDING&causeId=" + this.finding);
		String html = form.getResponse().getContentAsString();
		assertThat(html).contains("id=\"accountability-form\"", "一次性告知不清晰", "诫勉", "组织调整或组织处理", "纪律处分", "改组");
		// The finding's unit is chosen already.
		assertThat(html)
			.containsPattern("<option value=\"" + this.world.deptA().getId() + "\"\\s+selected=\"selected\"");
		MvcResult sent = this.mvc
			.perform(form("PERSON:ADMONITION", "王五", "嘉善纪〔2026〕1号")
				.file(new MockMultipartFile("document", "decision.pdf", "application/pdf", PDF))
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/discipline/accountability");
		Views.Decision decision = decisions().stream()
			.filter(d -> d.documentNumber().equals("嘉善纪〔2026〕1号"))
			.findFirst()
			.orElseThrow();
		assertThat(decision.subject()).isEqualTo(Subject.PERSON);
		assertThat(decision.form()).isEqualTo(AccountabilityForm.ADMONITION);
		assertThat(decision.personName()).isEqualTo("王五");
		assertThat(decision.causeType()).isEqualTo(CauseType.FINDING);
		assertThat(decision.causeId()).isEqualTo(this.finding);
		assertThat(decision.documentName()).isEqualTo("decision.pdf");
		String register = this.api.page(session, "/discipline/accountability").getResponse().getContentAsString();
		assertThat(register).contains("王五", "诫勉", "嘉善纪〔2026〕1号",
				"/discipline/accountability/" + decision.id() + "/document");
		assertThat(this.api.page(session, "/discipline/accountability/" + decision.id() + "/document")
			.getResponse()
			.getContentAsByteArray()).isEqualTo(PDF);
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where action = 'DISCIPLINE_CHANGED' and target_kind = 'accountability'"
						+ " and target_id = :id")
			.param("id", Long.toString(decision.id()))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anOrganisationIsHeldAccountableWithoutAName() throws Exception {
		MockHttpSession session = this.api.login(this.inspector);
		MvcResult sent = this.mvc
			.perform(form("ORGANISATION:REORGANISATION", "", "嘉善纪〔2026〕2号").session(session).with(csrf()))
			.andReturn();
		assertThat(sent.getResponse().getStatus()).isEqualTo(302);
		Views.Decision decision = decisions().stream()
			.filter(d -> d.documentNumber().equals("嘉善纪〔2026〕2号"))
			.findFirst()
			.orElseThrow();
		assertThat(decision.subject()).isEqualTo(Subject.ORGANISATION);
		assertThat(decision.form()).isEqualTo(AccountabilityForm.REORGANISATION);
		assertThat(decision.personName()).isNull();
	}

	@Test
	void whatIsWrongIsSaidBesideItsFieldInThePageAndNothingIsRecorded() throws Exception {
		MockHttpSession session = this.api.login(this.inspector);
		int before = decisions().size();
		// A person without a name, a date that is none, a form of the other subject.
		MvcResult missing = this.mvc
			.perform(form("PERSON:NOTICE", " ", "嘉善纪〔2026〕9号", "decidedOn", "2026-13-40").session(session).with(csrf()))
			.andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		String html = missing.getResponse().getContentAsString();
		assertThat(html).contains("未登记，请更正标出的内容", "日期格式无效", "id=\"accountability-form\"")
			// the form is open and keeps what was typed
			.contains("嘉善纪〔2026〕9号", "中共嘉善县纪委")
			.containsPattern("<details[^>]*id=\"accountability-form\"[^>]*open");
		MvcResult unnamed = this.mvc.perform(form("PERSON:NOTICE", "", "嘉善纪〔2026〕9号").session(session).with(csrf()))
			.andReturn();
		assertThat(unnamed.getResponse().getStatus()).isEqualTo(400);
		assertThat(unnamed.getResponse().getContentAsString()).contains("请填写被问责人");
		MvcResult wrongForm = this.mvc
			.perform(form("ORGANISATION:ADMONITION", "", "嘉善纪〔2026〕9号").session(session).with(csrf()))
			.andReturn();
		assertThat(wrongForm.getResponse().getStatus()).isEqualTo(400);
		assertThat(wrongForm.getResponse().getContentAsString()).contains("该问责方式不适用于此问责对象");
		// A cause that is no number, and one he does not see.
		MvcResult notANumber = this.mvc
			.perform(form("PERSON:NOTICE", "王五", "嘉善纪〔2026〕9号", "causeId", "第三条").session(session).with(csrf()))
			.andReturn();
		assertThat(notANumber.getResponse().getStatus()).isEqualTo(400);
		assertThat(notANumber.getResponse().getContentAsString()).contains("请选择起因类型并填写其编号");
		MvcResult unseen = this.mvc
			.perform(form("PERSON:NOTICE", "王五", "嘉善纪〔2026〕9号", "causeId", "987654321").session(session).with(csrf()))
			.andReturn();
		assertThat(unseen.getResponse().getStatus()).isEqualTo(400);
		assertThat(unseen.getResponse().getContentAsString()).contains("找不到该编号的问题或案件");
		// A unit of another county, and a file that is not what it says.
		MvcResult foreign = this.mvc
			.perform(form("ORGANISATION:NOTICE", "", "嘉善纪〔2026〕9号", "unitId", Long.toString(this.world.deptB().getId()),
					"causeType", "ASSESSMENT")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(foreign.getResponse().getStatus()).isEqualTo(409);
		assertThat(foreign.getResponse().getContentAsString()).contains("只有被问责单位所在区域的纪检监察人员可以登记问责决定");
		MvcResult badFile = this.mvc
			.perform(form("PERSON:NOTICE", "王五", "嘉善纪〔2026〕9号").file(new MockMultipartFile("document", "decision.pdf",
					"application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(badFile.getResponse().getStatus()).isEqualTo(400);
		assertThat(badFile.getResponse().getContentAsString()).contains("id=\"accountability-form\"");
		assertThat(decisions()).hasSize(before);
	}

	@Test
	void inEnglishTheMessagesAreEnglish() throws Exception {
		MockHttpSession session = this.api.login(this.inspector);
		MvcResult unnamed = this.mvc
			.perform(form("PERSON:NOTICE", "", "X-1", "lang", "en").session(session).with(csrf()))
			.andReturn();
		assertThat(unnamed.getResponse().getStatus()).isEqualTo(400);
		assertThat(unnamed.getResponse().getContentAsString()).contains("Person held accountable is required",
				"Record an accountability decision");
	}

	private List<Views.Decision> decisions() {
		return this.queries.register(DisciplineFilter.none(), Paging.of(0, 100, 100), this.inspector.actor());
	}

}
