package org.qiqing.enterprise.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.enterprise.Enterprises;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class EnterpriseApiIntegrationTests {

	private static final String BODY = """
			{"creditCode": "%s", "name": "%s", "regionCode": "%s", "industry": "制造业", "scale": "SMALL",
			 "contactName": "王经理", "contactPhone": "13800000009", "tags": ["专精特新"]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	Enterprises enterprises;

	@Test
	void dispatcherRegistersAnEnterpriseOfHisCountyThenChangesItWithItsVersion() throws Exception {
		String code = AdminFixtures.creditCode();
		String location = call(post("/api/v1/enterprises"), this.world.dispatcherA(),
				BODY.formatted(code.toLowerCase(Locale.ROOT), "嘉善新材料有限公司", AdminFixtures.XITANG))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.creditCode").value(code))
			.andExpect(jsonPath("$.tags", hasItem("专精特新")))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);

		call(get(location), this.world.dispatcherA()).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.scale").value("SMALL"));
		call(get("/api/v1/enterprises").param("q", "嘉善新材料"), this.world.dispatcherA())
			.andExpect(jsonPath("$.items[0].creditCode").value(code));
		call(put(location).header(HttpHeaders.IF_MATCH, "\"0\""), this.world.dispatcherA(), """
				{"name": "嘉善新材料股份有限公司", "regionCode": "330421"}""").andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.name").value("嘉善新材料股份有限公司"))
			.andExpect(jsonPath("$.creditCode").value(code));
	}

	@Test
	void staleVersionIsRefusedAndChangesNothing() throws Exception {
		String code = AdminFixtures.creditCode();
		String location = call(post("/api/v1/enterprises"), this.world.admin(),
				BODY.formatted(code, "嘉善纺织有限公司", AdminFixtures.JIASHAN))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		call(put(location).header(HttpHeaders.IF_MATCH, "\"0\""), this.world.admin(), """
				{"name": "first", "regionCode": "330421"}""").andExpect(status().isOk());
		call(put(location).header(HttpHeaders.IF_MATCH, "\"0\""), this.world.admin(), """
				{"name": "second", "regionCode": "330421"}""").andExpect(status().isPreconditionFailed());
		assertThat(this.enterprises.findByCreditCode(code).orElseThrow().getName()).isEqualTo("first");
	}

	@Test
	void invalidCreditCodeIsRefusedByName() throws Exception {
		String valid = AdminFixtures.creditCode();
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		for (String bad : new String[] { wrongCheck, valid.substring(0, 17), "91330421MA2B8OXXXX" }) {
			call(post("/api/v1/enterprises"), this.world.dispatcherA(), BODY.formatted(bad, "x", AdminFixtures.JIASHAN))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.creditCode", containsString("不是有效的统一社会信用代码")));
		}
	}

	@Test
	void aRegisteredCreditCodeIsRefusedClearly() throws Exception {
		String taken = this.world.firmA().getCreditCode();
		call(post("/api/v1/enterprises"), this.world.dispatcherA(), BODY.formatted(taken, "x", AdminFixtures.JIASHAN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.creditCode").value("统一社会信用代码为 " + taken + " 的企业已存在"));
	}

	@Test
	void enterprisesOfAnotherJurisdictionAreNeitherSeenNorChangedNorRegistered() throws Exception {
		long foreign = this.world.firmB().getId();
		call(get("/api/v1/enterprises/" + foreign), this.world.dispatcherA()).andExpect(status().isNotFound());
		call(put("/api/v1/enterprises/" + foreign).header(HttpHeaders.IF_MATCH, "\"0\""), this.world.dispatcherA(), """
				{"name": "x", "regionCode": "330421"}""").andExpect(status().isNotFound());
		call(post("/api/v1/enterprises"), this.world.dispatcherA(),
				BODY.formatted(AdminFixtures.creditCode(), "x", AdminFixtures.HAINING))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.regionCode").exists());
	}

	@Test
	void onlyAdministratorsAndDispatchersKeepTheRegistry() throws Exception {
		call(post("/api/v1/enterprises"), this.world.handlerA(),
				BODY.formatted(AdminFixtures.creditCode(), "x", AdminFixtures.JIASHAN))
			.andExpect(status().isForbidden());
		call(put("/api/v1/enterprises/" + this.world.firmA().getId()).header(HttpHeaders.IF_MATCH, "\"0\""),
				this.world.enterpriseA(), """
						{"name": "x", "regionCode": "330421"}""")
			.andExpect(status().isForbidden());
		call(get("/api/v1/enterprises/" + this.world.firmA().getId()), this.world.enterpriseA())
			.andExpect(status().isOk());
	}

	private ResultActions call(MockHttpServletRequestBuilder request, Member caller) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, caller.bearer()));
	}

	private ResultActions call(MockHttpServletRequestBuilder request, Member caller, String json) throws Exception {
		return call(request.contentType(MediaType.APPLICATION_JSON).content(json), caller);
	}

}
