package org.qiqing.platform;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The bundles have Chinese and English: any other language asked for (the switch's
 * {@code ?lang=fr}, a cookie of it, {@code Accept-Language: fr}) is answered in Chinese,
 * on pages and in the API, and never as {@code ??key??} or a 500; English stays English,
 * in the API too.
 */
@IntegrationTest
class UnsupportedLanguageIntegrationTests {

	@Autowired
	World world;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Test
	void pagesAskedForInFrenchAreChineseAndInEnglishEnglish() throws Exception {
		MockHttpSession session = this.api.login(this.world.leaderA());
		for (String page : new String[] { "/dashboard", "/inbox", "/queue" }) {
			assertThat(body(get(page).session(session).param("lang", "fr"), page)).contains("企情在线");
			assertThat(body(get(page).session(session).cookie(new Cookie("qiqing-lang", "fr")), page)).contains("企情在线");
			assertThat(body(get(page).session(session).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"), page))
				.contains("企情在线");
			assertThat(body(get(page).session(session).param("lang", "zh"), page)).contains("企情在线");
			assertThat(body(get(page).session(session).param("lang", "en"), page)).contains("Qiqing")
				.doesNotContain("企情在线");
		}
		assertThat(body(get("/login").param("lang", "fr"), "/login")).contains("企情在线");
		assertThat(body(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9"), "/login"))
			.contains("企情在线");
	}

	@Test
	void theApiAnswersEnglishWhenAskedAndChineseForFrench() throws Exception {
		Member who = this.world.dispatcherA();
		String missing = "/api/v1/cases/987654321";
		assertThat(problem(get(missing).header(HttpHeaders.AUTHORIZATION, who.bearer()).param("lang", "en")))
			.contains("Case 987654321 not found");
		assertThat(problem(
				get(missing).header(HttpHeaders.AUTHORIZATION, who.bearer()).header(HttpHeaders.ACCEPT_LANGUAGE, "en")))
			.contains("Case 987654321 not found");
		assertThat(problem(get(missing).header(HttpHeaders.AUTHORIZATION, who.bearer()).param("lang", "fr")))
			.contains("未找到案件 987654321");
		assertThat(problem(
				get(missing).header(HttpHeaders.AUTHORIZATION, who.bearer()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr")))
			.contains("未找到案件 987654321");
		assertThat(problem(get(missing).header(HttpHeaders.AUTHORIZATION, who.bearer()).param("lang", "zh")))
			.contains("未找到案件 987654321");
	}

	private String body(MockHttpServletRequestBuilder request, String page) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).as(page).doesNotContain("??");
		return body;
	}

	private String problem(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
