package org.qiqing.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The regions a unit serves besides its own place: read and replaced by an administrator
 * of the unit's jurisdiction only, with regions of that jurisdiction only, on the API and
 * on its page.
 */
@IntegrationTest
class ServedRegionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Test
	void theCitysAdministratorMarksACityBureauAsServingACounty() throws Exception {
		Unit bureau = fixtures().unitIn("330400");
		MvcResult put = put(this.world.admin(), bureau, "{\"regionCodes\": [\"330421\"]}");
		assertThat(put.getResponse().getStatus()).as(put.getResponse().getContentAsString()).isEqualTo(200);
		assertThat((List<String>) Api.read(put, "$.regionCodes")).containsExactly("330421");
		MvcResult read = new Api(this.mvc).get(this.world.admin(),
				"/api/v1/units/" + bureau.getId() + "/served-regions");
		assertThat((List<String>) Api.read(read, "$.regions[*].name")).containsExactly("嘉善县");

		// The whole set is replaced: an empty list serves no other region.
		assertThat(put(this.world.admin(), bureau, "{\"regionCodes\": []}").getResponse().getStatus()).isEqualTo(200);
		assertThat(served(bureau)).isEmpty();
	}

	@Test
	void anAdministratorOfJiashanCannotChangeHainingsUnitsNorServeHainingWithHisOwn() throws Exception {
		Member jiashanAdmin = fixtures().adminOf(AdminFixtures.JIASHAN);
		MvcResult foreign = put(jiashanAdmin, this.world.deptB(), "{\"regionCodes\": [\"330481\"]}");
		assertThat(foreign.getResponse().getStatus()).isEqualTo(403);
		assertThat(
				new Api(this.mvc).get(jiashanAdmin, "/api/v1/units/" + this.world.deptB().getId() + "/served-regions")
					.getResponse()
					.getStatus())
			.isEqualTo(403);
		assertThat(served(this.world.deptB())).isEmpty();

		MvcResult intoHaining = put(jiashanAdmin, this.world.deptA(), "{\"regionCodes\": [\"330481\"]}");
		assertThat(intoHaining.getResponse().getStatus()).isEqualTo(400);
		assertThat(intoHaining.getResponse().getContentAsString()).contains("regionCodes");
		assertThat(served(this.world.deptA())).isEmpty();

		MvcResult unknown = put(jiashanAdmin, this.world.deptA(), "{\"regionCodes\": [\"999999\"]}");
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(put(jiashanAdmin, this.world.deptA(), "{}").getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void onlyAdministratorsReadOrChangeWhatAUnitServes() throws Exception {
		for (Member other : List.of(this.world.dispatcherA(), this.world.handlerA(), this.world.leaderA(),
				this.world.enterpriseA())) {
			assertThat(put(other, this.world.deptA(), "{\"regionCodes\": [\"330421100\"]}").getResponse().getStatus())
				.as(other.username())
				.isEqualTo(403);
		}
		assertThat(served(this.world.deptA())).isEmpty();
	}

	@Test
	void thePageShowsTheRegionsOfTheJurisdictionAndSavesTheTickedOnes() throws Exception {
		Unit bureau = fixtures().unitIn("330400");
		MockHttpSession admin = this.api.login(this.world.admin());
		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/admin/units/" + bureau.getId() + "/serves").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("嘉善县", "海宁市", "西塘镇", "data-checklist");
		MvcResult saved = this.mvc
			.perform(MockMvcRequestBuilders.post("/admin/units/" + bureau.getId() + "/serves")
				.session(admin)
				.with(csrf())
				.param("regionCodes", "330421", "330481"))
			.andReturn();
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(served(bureau)).containsExactly("330421", "330481");

		// A county's administrator opens no page of another county's unit.
		MockHttpSession jiashan = this.api.login(fixtures().adminOf(AdminFixtures.JIASHAN));
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.get("/admin/units/" + this.world.deptB().getId() + "/serves")
				.session(jiashan))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		MvcResult refused = this.mvc
			.perform(MockMvcRequestBuilders.post("/admin/units/" + this.world.deptA().getId() + "/serves")
				.session(jiashan)
				.with(csrf())
				.param("regionCodes", "330481"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(refused.getResponse().getContentAsString()).contains("flash bad");
		assertThat(served(this.world.deptA())).isEmpty();
	}

	private MvcResult put(Member who, Unit unit, String json) throws Exception {
		return this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/units/" + unit.getId() + "/served-regions")
				.header(HttpHeaders.AUTHORIZATION, who.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	private List<String> served(Unit unit) {
		return this.jdbc.sql("select region_code from unit_served_region where unit_id = :unit order by region_code")
			.param("unit", unit.getId())
			.query(String.class)
			.list();
	}

	private AdminFixtures fixtures() {
		return new AdminFixtures(this.regions, this.units, this.people, this.tokens);
	}

}
