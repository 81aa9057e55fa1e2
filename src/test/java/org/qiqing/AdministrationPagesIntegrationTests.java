package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administration pages: lists with search, and an import whose report is shown on the
 * page it returns to.
 */
@IntegrationTest
class AdministrationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Test
	void anAdministratorSeesTheUnitsAndTheReportOfHisImport() throws Exception {
		MockHttpSession session = login(this.world.admin());
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
		MockHttpSession session = login(this.world.admin());
		MvcResult imported = this.mvc
			.perform(multipart("/admin/people/import").file(csv("name\nx\n")).session(session).with(csrf()))
			.andReturn();
		String page = body(
				this.mvc.perform(get("/admin/people").session(session).flashAttrs(imported.getFlashMap())).andReturn());
		assertThat(page).contains("missing: username");
	}

	@Test
	void dispatchersKeepEnterprisesButNotUnitsOrPeople() throws Exception {
		MockHttpSession session = login(this.world.dispatcherA());
		assertThat(body(this.mvc.perform(get("/admin/enterprises").param("lang", "en").session(session)).andReturn()))
			.contains(this.world.firmA().getName())
			.doesNotContain(this.world.firmB().getName())
			.contains("Enterprise registry");
		assertThat(this.mvc.perform(get("/admin/people").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(get("/admin/units").session(login(this.world.handlerA())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private MockHttpSession login(Member who) throws Exception {
		return (MockHttpSession) this.mvc.perform(formLogin().user(who.username()).password(TestWorld.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "rows.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}

	private static String body(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getErrorMessage()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
