package org.qiqing.demo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The first start answers before the demonstration is written: until it is, a person
 * reads that it is loading (in his language) instead of the login page, and the API
 * answers 503 with Retry-After; once it is loaded, everything is as usual.
 */
@IntegrationTest
class DemoLoadingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoLoading loading;

	@AfterEach
	void loaded() {
		this.loading.finished();
	}

	@Test
	void whileTheDemonstrationLoadsPagesSaySoAndLoginsWait() throws Exception {
		this.loading.started();

		this.mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().string(containsString("正在加载演示数据")))
			.andExpect(content().string(containsString("<meta http-equiv=\"refresh\" content=\"5\">")))
			.andExpect(content().string(not(containsString("name=\"password\""))));
		this.mvc.perform(get("/queue").cookie(new Cookie("qiqing-lang", "en")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Loading the demonstration")));
		this.mvc.perform(post("/login").param("username", "dispatcher").param("password", "demo"))
			.andExpect(status().isServiceUnavailable());
		this.mvc.perform(get("/api/v1/queue"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(503));
		this.mvc.perform(get("/css/qiqing.css")).andExpect(status().isOk());
	}

	@Test
	void onceLoadedTheLoginPageIsBack() throws Exception {
		this.loading.started();
		this.loading.finished();

		this.mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"password\"")))
			.andExpect(content().string(not(containsString("正在加载演示数据"))));
	}

}
