package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The assign form offers a dispatcher the units he may assign to (his jurisdiction's and
 * those marked as serving it), and the engine refuses any other, on the page and in the
 * API, as lead or as co-unit.
 */
@IntegrationTest
class AssignableUnitsIntegrationTests {

	private static final Pattern LEAD_CHOICE = Pattern.compile("name=\"leadUnitId\" value=\"(\\d+)\"");

	private static final Pattern CO_CHOICE = Pattern.compile("name=\"coUnitIds\" value=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Test
	void jiashansDispatcherIsOfferedHisUnitsAndThoseServingHimNotHainings() throws Exception {
		Unit serving = servingJiashan();
		Unit cityOnly = fixtures().unitIn("330400");
		long id = acceptedCase();
		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/cases/" + id).session(this.api.login(this.world.dispatcherA())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> leads = ids(LEAD_CHOICE, page);
		assertThat(leads)
			.contains(id(this.world.deptA()), id(this.world.otherDeptA()), id(this.world.centreA()), id(serving))
			.doesNotContain(id(this.world.deptB()), id(this.world.centreB()), id(cityOnly));
		// The county's own units come first, then the units serving it.
		assertThat(leads.indexOf(id(this.world.deptA()))).isLessThan(leads.indexOf(id(serving)));
		assertThat(ids(CO_CHOICE, page)).containsExactlyElementsOf(leads);
		assertThat(page).contains("本辖区单位", "服务本辖区的上级单位", "data-checklist")
			.doesNotContain("海宁市经信局")
			.doesNotContain("<select name=\"leadUnitId\"");
	}

	@Test
	void assigningToAForeignUnitIsRefusedAndToAServingUnitIsDone() throws Exception {
		Api api = new Api(this.mvc);
		long id = acceptedCase();
		int version = version(id);
		MvcResult foreign = api.step(this.world.dispatcherA(), id, version, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptB().getId()));
		assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
		assertThat(foreign.getResponse().getContentType()).contains("problem+json");
		assertThat((String) Api.read(foreign, "$.errors.leadUnitId")).isNotBlank();

		MvcResult foreignCo = api.step(this.world.dispatcherA(), id, version, "assign",
				"{\"leadUnitId\": %d, \"coUnitIds\": [%d]}".formatted(this.world.deptA().getId(),
						this.world.deptB().getId()));
		assertThat(foreignCo.getResponse().getStatus()).isEqualTo(400);
		assertThat((String) Api.read(foreignCo, "$.errors.coUnitIds")).isNotBlank();
		assertThat(version(id)).isEqualTo(version);

		// On the page: the step is refused with a readable reason and the case stays.
		MockHttpSession dispatcher = this.api.login(this.world.dispatcherA());
		MvcResult posted = this.mvc
			.perform(MockMvcRequestBuilders.post("/cases/" + id + "/steps/assign")
				.session(dispatcher)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("leadUnitId", id(this.world.deptB())))
			.andReturn();
		assertThat(posted.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) posted.getFlashMap().get("problem")).contains(this.world.deptB().getName())
			.contains("不在您可以交办的范围内");
		assertThat(version(id)).isEqualTo(version);

		Unit serving = servingJiashan();
		MvcResult done = api.step(this.world.dispatcherA(), id, version, "assign",
				"{\"leadUnitId\": %d, \"coUnitIds\": [%d]}".formatted(serving.getId(),
						this.world.otherDeptA().getId()));
		assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(((Number) Api.read(done, "$.leadUnitId")).longValue()).isEqualTo(serving.getId());
	}

	@Test
	void hainingsDispatcherIsRefusedJiashansUnits() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseB(), this.world.firmB().getId(), this.world.category().id());
		int version = Api.version(api.step(this.world.dispatcherB(), id, 0, "accept", "{}"));
		MvcResult refused = api.step(this.world.dispatcherB(), id, version, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId()));
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(api
			.step(this.world.dispatcherB(), id, version, "assign",
					"{\"leadUnitId\": %d}".formatted(this.world.deptB().getId()))
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	/** A city bureau that serves county A (a vertical system's county branch). */
	private Unit servingJiashan() throws Exception {
		Unit bureau = fixtures().unitIn("330400");
		MvcResult put = this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/units/" + bureau.getId() + "/served-regions")
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"regionCodes\": [\"330421\"]}"))
			.andReturn();
		assertThat(put.getResponse().getStatus()).isEqualTo(200);
		return bureau;
	}

	private long acceptedCase() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		api.step(this.world.dispatcherA(), id, 0, "accept", "{}");
		return id;
	}

	private int version(long id) throws Exception {
		return Api.version(new Api(this.mvc).get(this.world.dispatcherA(), "/api/v1/cases/" + id));
	}

	private static List<String> ids(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		return matcher.results().map(result -> result.group(1)).toList();
	}

	private static String id(Unit unit) {
		return String.valueOf(unit.getId());
	}

	private AdminFixtures fixtures() {
		return new AdminFixtures(this.regions, this.units, this.people, this.tokens);
	}

}
