package org.qiqing.organisation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A logged-in person's pages are in the language he keeps with his account, whatever the
 * cookie of the browser he uses; {@code ?lang=} still switches them (and is kept); he
 * reads and sets it through the API; anonymous pages keep the cookie.
 */
@IntegrationTest
class PersonLanguageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	Languages languages;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Test
	void aPersonWhoChoseEnglishGetsEnglishPagesWithoutACookieAndInAnyBrowser() throws Exception {
		Member who = official();
		this.languages.choose(who.actor().personId(), Locale.ENGLISH);
		MockHttpSession session = this.api.login(who);
		assertThat(page(get("/queue").session(session))).contains("Qiqing").doesNotContain("企情在线");
		// Another browser's cookie does not change his language.
		assertThat(page(get("/inbox").session(session).cookie(new Cookie("qiqing-lang", "zh")))).doesNotContain("企情在线");

		// The switch still switches, and is kept.
		assertThat(page(get("/queue").session(session).param("lang", "zh"))).contains("企情在线");
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(page(get("/queue").session(session))).contains("企情在线");
		assertThat(page(get("/queue").session(session).cookie(new Cookie("qiqing-lang", "en")))).contains("企情在线");
	}

	@Test
	void aPersonsLanguageSetThroughTheApiIsTheLanguageOfHisPages() throws Exception {
		Member who = official();
		MockHttpSession session = this.api.login(who);
		assertThat(page(get("/queue").session(session))).contains("企情在线");
		assertThat(answer(get("/api/v1/account/language").header(HttpHeaders.AUTHORIZATION, who.bearer()), 200))
			.contains("\"language\":\"zh\"");

		assertThat(answer(setLanguage(who, "{\"language\":\"en\"}"), 200)).contains("\"language\":\"en\"");
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.ENGLISH);
		assertThat(answer(get("/api/v1/account/language").header(HttpHeaders.AUTHORIZATION, who.bearer()), 200))
			.contains("\"language\":\"en\"");
		assertThat(page(get("/queue").session(session))).contains("Qiqing").doesNotContain("企情在线");
		// The API itself still answers in the language each request asks for.
		assertThat(answer(get("/api/v1/cases/987654321").header(HttpHeaders.AUTHORIZATION, who.bearer()), 404))
			.contains("未找到案件 987654321");

		assertThat(answer(setLanguage(who, "{\"language\":\"zh-CN\"}"), 200)).contains("\"language\":\"zh\"");
		assertThat(page(get("/queue").session(session))).contains("企情在线");
	}

	@Test
	void anUnsupportedLanguageIsAProblemAndChangesNothing() throws Exception {
		Member who = official();
		this.languages.choose(who.actor().personId(), Locale.ENGLISH);
		MvcResult result = this.mvc.perform(setLanguage(who, "{\"language\":\"fr\"}")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"language\"",
				"语言只能是 zh（中文）或 en（英文），不能是 fr");
		for (String body : new String[] { "{}", "{\"language\":\"\"}", "{\"language\":42}" }) {
			assertThat(this.mvc.perform(setLanguage(who, body)).andReturn().getResponse().getStatus()).as(body)
				.isEqualTo(400);
		}
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void anonymousPagesKeepTheCookie() throws Exception {
		assertThat(page(get("/login"))).contains("企情在线");
		assertThat(page(get("/login").cookie(new Cookie("qiqing-lang", "en")))).doesNotContain("企情在线");
		assertThat(page(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))).contains("企情在线");
	}

	private MockHttpServletRequestBuilder setLanguage(Member who, String body) {
		return put("/api/v1/account/language").header(HttpHeaders.AUTHORIZATION, who.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private Member official() {
		return new AdminFixtures(this.regions, this.units, this.people, this.tokens).official(AdminFixtures.JIASHAN,
				Role.HANDLER);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return answer(request, 200);
	}

	private String answer(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
