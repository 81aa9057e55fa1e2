package org.qiqing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The same refused step is told in Chinese by default and in English to whoever chose
 * English: in the API's problem detail (Accept-Language, or the language switch) and on
 * the case page.
 */
@IntegrationTest
class RefusalLanguageIntegrationTests {

	static final String CHINESE = "案件当前处于“待受理”状态，不能“办结”";

	static final String ENGLISH = "“Resolve” is not possible while the case is “Submitted”";

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	private long caseId;

	@BeforeEach
	void aSubmittedCase() throws Exception {
		this.caseId = new Api(this.mvc).fileCase(this.world.enterpriseA(), this.world.firmA().getId(),
				this.world.category().id());
	}

	@Test
	void aPageAskedForInAnotherChineseIsInChinese() throws Exception {
		for (String lang : new String[] { "zh", "zh_TW", "zh_CN" }) {
			MvcResult page = this.mvc.perform(get("/login").param("lang", lang)).andReturn();
			assertThat(page.getResponse().getStatus()).as(lang).isEqualTo(200);
			assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(lang)
				.contains("企情在线")
				.doesNotContain("??");
		}
	}

	@Test
	void theApiRefusesInChineseUnlessAskedForEnglish() throws Exception {
		MvcResult chinese = this.mvc.perform(resolve(this.world.dispatcherA())).andReturn();
		assertThat(chinese.getResponse().getStatus()).isEqualTo(409);
		assertThat(detail(chinese)).isEqualTo(CHINESE);

		assertThat(detail(this.mvc
			.perform(resolve(this.world.dispatcherA()).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
			.andReturn())).isEqualTo(ENGLISH);
		assertThat(detail(this.mvc.perform(resolve(this.world.dispatcherA()).param("lang", "en")).andReturn()))
			.isEqualTo(ENGLISH);
		assertThat(detail(this.mvc
			.perform(resolve(this.world.dispatcherA()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8"))
			.andReturn())).isEqualTo(CHINESE);
		// A language we do not have is answered in Chinese.
		assertThat(detail(this.mvc.perform(resolve(this.world.dispatcherA()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
			.andReturn())).isEqualTo(CHINESE);
	}

	@Test
	void theCasePageRefusesInTheLanguageThePersonChose() throws Exception {
		MockHttpSession session = this.api.login(this.world.dispatcherA());
		MvcResult chinese = this.mvc.perform(resolvePage(session).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andReturn();
		assertThat(chinese.getFlashMap().get("problem")).isEqualTo("操作未完成：办结 " + CHINESE);

		// His account's language, not the cookie of the browser he uses.
		MvcResult stillChinese = this.mvc.perform(resolvePage(session).cookie(new Cookie("qiqing-lang", "en")))
			.andReturn();
		assertThat(stillChinese.getFlashMap().get("problem")).isEqualTo("操作未完成：办结 " + CHINESE);

		MvcResult english = this.mvc.perform(resolvePage(session).param("lang", "en")).andReturn();
		assertThat(english.getFlashMap().get("problem")).isEqualTo("Not done: Resolve " + ENGLISH);
		MvcResult kept = this.mvc.perform(resolvePage(session)).andReturn();
		assertThat(kept.getFlashMap().get("problem")).isEqualTo("Not done: Resolve " + ENGLISH);
	}

	private MockHttpServletRequestBuilder resolve(Member who) {
		return post("/api/v1/cases/" + this.caseId + "/resolve").header(HttpHeaders.AUTHORIZATION, who.bearer())
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\": \"已办结\"}");
	}

	private MockHttpServletRequestBuilder resolvePage(MockHttpSession session) {
		return post("/cases/" + this.caseId + "/steps/resolve").param("version", "0")
			.param("answer", "已办结")
			.session(session)
			.with(csrf());
	}

	private static String detail(MvcResult result) throws Exception {
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		return (String) Api.read(result, "$.detail");
	}

}
