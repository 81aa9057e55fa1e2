package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * 公示: an inspector publishes a unit's self-examination list and the rectification of its
 * issued findings on the public page, read without a login, in Chinese and English; no
 * name of a person reaches it, wherever the name was written (the problem, the people a
 * finding names, its evidence's file name, the unit's plan and answer, the register), nor
 * an unannounced inspection's finding before it is issued, nor accountability. Withdrawn,
 * the page is gone. Both acts are audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureIntegrationTests {

	@Autowired
	World world;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	CaseManagement cases;

	@Autowired
	People people;

	@Autowired
	Regions regions;

	@Autowired
	ApiTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	Member inspectorA;

	/**
	 * An official of the first department, whose name the unit writes into its problem.
	 */
	Member official;

	@BeforeAll
	void people() {
		this.inspectorA = official("t.p.inspector.a", "纪检甲", Role.INSPECTOR, this.world.centreA(), "330421");
		this.official = official("t.p.official.a", "赵小明", Role.HANDLER, this.world.deptA(), null);
	}

	Member official(String username, String name, Role role, Unit unit, String jurisdiction) {
		Person person = this.people.save(Person.official(username, name, this.passwords.encode(TestWorld.PASSWORD),
				unit.getId(), jurisdiction, Set.of(role)));
		String path = jurisdiction == null ? null : this.regions.find(jurisdiction).orElseThrow().path();
		return new Member(new Actor(person.getId(), username, name, unit.getId(), null, path, Set.of(role)),
				this.tokens.issue(person.getId(), "test"));
	}

	@Test
	void aPublishedListTellsTheProblemsAndTheirProgressAndNoName() throws Exception {
		Actor inspector = this.inspectorA.actor();
		Unit dept = this.world.deptA();
		long actionId = this.management.createAction(new NewAction("公示检查", this.world.centreA().getId(),
				LocalDate.now().minusDays(5), LocalDate.now().plusDays(5), List.of("330421"), List.of(), List.of("要点"),
				List.of(new NewAction.Group("公示督查组", inspector.personId(), List.of()))), inspector);
		long groupId = this.queries.action(actionId, inspector).groups().get(0).id();
		long kind = this.queries.kinds().get(0).id();
		// A planned inspection's finding naming a person, with a photo named after him.
		long open = this.management.recordInspection(actionId, new NewInspection(groupId, dept.getId(),
				InspectionMode.PLANNED, LocalDate.now(), "窗口检查，王五六在岗", List.of(), null), inspector);
		long finding = this.management.recordFinding(open, new NewFinding(kind, null, "王五六在窗口推诿办事群众", "王五六的工位", "王五六"),
				List.of(new Evidence("王五六-现场照片.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })),
				inspector);
		long item = this.management.issueFindings(open, LocalDate.now().plusDays(20), inspector).get(0);
		// The unit works it, naming its own people in the plan and the answer.
		Actor unit = this.world.handlerA().actor();
		Case kase = this.cases.find(item, unit);
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.CONTACT, StepInput.note("责任人：赵小明，两周内整改"), unit);
		this.cases
			.perform(item, kase.getVersion(), CaseAction.RESOLVE,
					new StepInput(null, null, null, null, Outcome.SOLVED, "赵小明已约谈王五六", null, null,
							List.of(new NewAttachment("赵小明-整改报告.pdf", "application/pdf", "%PDF-1.4".getBytes()))),
					unit);
		// An unannounced inspection's finding, not yet issued.
		long hidden = this.management.recordInspection(actionId, new NewInspection(groupId, dept.getId(),
				InspectionMode.UNANNOUNCED, LocalDate.now(), null, List.of(), null), inspector);
		this.management.recordFinding(hidden, new NewFinding(kind, null, "暗访未通报问题", null, null), List.of(), inspector);
		// A problem the unit found in itself, written with an official's name.
		this.management.selfExamination("赵小明经办的首问负责制未落实", "赵小明本人说明情况", LocalDate.now().plusDays(30), unit);
		// Someone held accountable for the finding.
		this.management.recordAccountability(new NewAccountability(CauseType.FINDING, finding, Subject.PERSON, "钱七八",
				dept.getId(), AccountabilityForm.ADMONITION, "县纪委", LocalDate.now(), "善纪公示〔2026〕9号"), null, inspector);

		String path = "/disclosure/units/" + dept.getId();
		assertThat(anonymous(path).getResponse().getStatus()).as("not yet published").isEqualTo(404);
		MockHttpSession session = this.api.login(this.inspectorA);
		// The inspector previews exactly what will be told, then publishes.
		String preview = this.mvc
			.perform(MockMvcRequestBuilders.get("/discipline/disclosures")
				.param("unit", Long.toString(dept.getId()))
				.session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("×××在窗口推诿办事群众", "经办的首问负责制未落实");
		assertNoNames(preview);
		MvcResult published = this.mvc
			.perform(MockMvcRequestBuilders.post("/discipline/disclosures/" + dept.getId() + "/publish")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(published.getResponse().getStatus()).isEqualTo(302);
		assertThat(audited("published")).isEqualTo(1);

		// Anyone reads it, without a login, in Chinese and in English.
		MvcResult page = anonymous(path);
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains(dept.getName(), "×××在窗口推诿办事群众", "经办的首问负责制未落实", "已整改待验收", "已交办待签收", "自查查摆", "检查发现");
		assertNoNames(html);
		assertThat(html).doesNotContain("暗访未通报问题", "善纪公示", "县纪委", "诫勉", "工位", "两周内整改", "约谈", ".png", ".pdf", "窗口检查");
		String english = this.mvc
			.perform(MockMvcRequestBuilders.get("/discipline/disclosures")
				.param("unit", Long.toString(dept.getId()))
				.param("lang", "en")
				.session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Rectified, awaiting verification", "Self-examination");
		String anonymousEnglish = this.mvc.perform(MockMvcRequestBuilders.get(path).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(anonymousEnglish).contains("Rectified, awaiting verification", "Self-examination");
		assertNoNames(anonymousEnglish);
		assertNoNames(english);
		assertThat(anonymous("/disclosure").getResponse().getContentAsString()).contains(dept.getName());
		// Issued later, the unannounced inspection's finding is told too.
		this.management.issueFindings(hidden, null, inspector);
		assertThat(anonymous(path).getResponse().getContentAsString()).contains("暗访未通报问题", "待整改");

		// Withdrawn, the page is gone.
		this.mvc
			.perform(MockMvcRequestBuilders.post("/discipline/disclosures/" + dept.getId() + "/withdraw")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(anonymous(path).getResponse().getStatus()).isEqualTo(404);
		assertThat(anonymous("/disclosure").getResponse().getContentAsString()).doesNotContain(dept.getName());
		assertThat(audited("withdrawn")).isEqualTo(1);
	}

	@Test
	void aNameIsMaskedWhereverItStandsInTheText() {
		assertThat(Disclosures.mask("王五六与王五推诿", Set.of("王五", "王五六"))).isEqualTo("×××与×××推诿");
		assertThat(Disclosures.mask("窗口推诿", Set.of("窗"))).isEqualTo("窗口推诿");
	}

	private void assertNoNames(String html) {
		assertThat(html).doesNotContain("王五六", "赵小明", "钱七八");
	}

	private long audited(String detail) {
		return this.jdbc
			.sql("select count(*) from audit_entry where action = 'DISCLOSURE_CHANGED' and target_id = :unit"
					+ " and detail = :detail and person_id = :person")
			.param("unit", Long.toString(this.world.deptA().getId()))
			.param("detail", detail)
			.param("person", this.inspectorA.actor().personId())
			.query(Long.class)
			.single();
	}

	private MvcResult anonymous(String path) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path)).andReturn();
	}

}
