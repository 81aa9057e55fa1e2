package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriUtils;

/**
 * The administration pages: lists with search, and an import whose report is shown on the
 * page it returns to.
 */
@IntegrationTest
class AdministrationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.qiqing.organisation.Units units;

	@Test
	void anAdministratorSeesTheUnitsAndTheReportOfHisImport() throws Exception {
		MockHttpSession session = this.api.login(this.world.admin());
		assertThat(body(this.mvc.perform(get("/admin/units").session(session)).andReturn())).contains("嘉善县经信局")
			.contains("批量导入");
		String code = AdminFixtures.unique("PAGE-");
		MvcResult imported = this.mvc.perform(multipart("/admin/units/import").file(csv("""
				code,name,kind,region_code
				%s,嘉善县商务局,DEPARTMENT,330421
				%s-2,坏行,DEPARTMENT,999999
				""".formatted(code, code))).session(session).with(csrf())).andReturn();
		assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/admin/units");
		String page = body(
				this.mvc.perform(get("/admin/units").session(session).flashAttrs(imported.getFlashMap())).andReturn());
		assertThat(page).contains("新增 1 条，更新 0 条，未导入 1 条").contains("<td data-label=\"行号\">3</td>").contains("嘉善县商务局");
	}

	@Test
	void aFileWithAWrongHeaderIsRefusedWithItsReason() throws Exception {
		MockHttpSession session = this.api.login(this.world.admin());
		MvcResult imported = this.mvc
			.perform(multipart("/admin/people/import").file(csv("name\nx\n")).session(session).with(csrf()))
			.andReturn();
		String page = body(
				this.mvc.perform(get("/admin/people").session(session).flashAttrs(imported.getFlashMap())).andReturn());
		assertThat(page).contains("缺少：username");
	}

	@Test
	void dispatchersKeepEnterprisesButNotUnitsOrPeople() throws Exception {
		MockHttpSession session = this.api.login(this.world.dispatcherA());
		assertThat(body(this.mvc.perform(get("/admin/enterprises").param("lang", "en").session(session)).andReturn()))
			.contains(this.world.firmA().getName())
			.doesNotContain(this.world.firmB().getName())
			.contains("Enterprise registry");
		assertThat(this.mvc.perform(get("/admin/people").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(get("/admin/units").session(this.api.login(this.world.handlerA())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void aLongListPagesOnKeepingItsSearch() throws Exception {
		// Last by name, so that the first page of every other test's list stays as it
		// was.
		String name = AdminFixtures.unique("龘翻页") + "-";
		String query = UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8);
		StringBuilder rows = new StringBuilder("credit_code,name,region_code\n");
		for (int n = 0; n <= 50; n++) {
			rows.append(AdminFixtures.creditCode()).append(',').append(name).append(n).append(",330421\n");
		}
		MockHttpSession session = this.api.login(this.world.admin());
		this.mvc
			.perform(multipart("/admin/enterprises/import").file(csv(rows.toString())).session(session).with(csrf()));

		String first = body(this.mvc.perform(get("/admin/enterprises").param("q", name).session(session)).andReturn());
		String second = body(
				this.mvc.perform(get("/admin/enterprises").param("q", name).param("page", "1").session(session))
					.andReturn());

		assertThat(first).contains("<a href=\"/admin/enterprises?q=" + query + "&amp;page=1\">下一页</a>")
			.doesNotContain("上一页")
			.doesNotContain("hx-get");
		assertThat(second).contains("<a href=\"/admin/enterprises?q=" + query + "&amp;page=0\">上一页</a>")
			.doesNotContain("下一页");
	}

	@Test
	void theCaseListPagesInPlace() throws Exception {
		MockHttpSession session = this.api.login(this.world.admin());
		for (int n = 0; n <= 20; n++) {
			new Api(this.mvc).fileCase(this.world.enterpriseA(), this.world.firmA().getId(),
					this.world.category().id());
		}

		String first = body(this.mvc.perform(get("/cases").session(session)).andReturn());

		assertThat(first).contains("href=\"/cases?page=1\"")
			.contains("hx-get=\"/cases?page=1\"")
			.contains("hx-target=\"#case-table\"")
			.contains("hx-push-url=\"true\"");
	}

	/**
	 * Person 1 of every database is the platform's own person (系统, V9): no official of
	 * any unit, so no administrator's to open, and /admin/people/1 rightly answers 404.
	 * The list shows officials only, so it never links there, nor to any page that 404s.
	 */
	@Test
	void everyPersonTheListLinksToOpensAndThePlatformsOwnPersonIsNotListed() throws Exception {
		MockHttpSession session = this.api.login(this.world.admin());
		long system = this.jdbc.sql("select id from person where username = 'system'").query(Long.class).single();
		String list = body(this.mvc.perform(get("/admin/people").session(session)).andReturn());
		java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"/admin/people/(\\d+)\"").matcher(list);
		int opened = 0;
		while (links.find()) {
			assertThat(links.group(1)).isNotEqualTo(String.valueOf(system));
			body(this.mvc.perform(get("/admin/people/" + links.group(1)).session(session)).andReturn());
			opened++;
		}
		assertThat(opened).isGreaterThan(3);
		MvcResult platform = this.mvc.perform(get("/admin/people/" + system).session(session)).andReturn();
		assertThat(platform.getResponse().getStatus()).isEqualTo(404);
		assertThat(platform.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("未找到人员 " + system);
	}

	@Test
	void theFormsOfPeopleAndRobotsOfferNoDisabledUnit() throws Exception {
		org.qiqing.organisation.Unit open = this.units
			.save(new org.qiqing.organisation.Unit("000-" + AdminFixtures.unique("ON"),
					"启用单位" + AdminFixtures.unique(""), org.qiqing.organisation.UnitKind.DEPARTMENT, "330421", null));
		org.qiqing.organisation.Unit closed = new org.qiqing.organisation.Unit("000-" + AdminFixtures.unique("OFF"),
				"停用单位" + AdminFixtures.unique(""), org.qiqing.organisation.UnitKind.DEPARTMENT, "330421", null);
		closed.enable(false);
		closed = this.units.save(closed);
		MockHttpSession session = this.api.login(this.world.admin());
		for (String page : new String[] { "/admin/people/new", "/admin/notifications" }) {
			String form = body(this.mvc.perform(get(page).session(session)).andReturn());
			assertThat(form).as(page).contains(open.getName()).doesNotContain(closed.getName());
		}
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "rows.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private static String body(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getErrorMessage()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
