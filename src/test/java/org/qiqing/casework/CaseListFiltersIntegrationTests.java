package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The list of all cases, filtered by each of its parameters alone and together, on the
 * API and the page: every filter keeps what matches and drops what does not, a part of
 * the number, the title or the enterprise's name finds the case, a region outside the
 * person's jurisdiction gives nothing, and a value that names nothing is a 400.
 */
@IntegrationTest
class CaseListFiltersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	private Api api;

	/** A case only this test filed: its title carries a word nothing else has. */
	private long filed;

	private String number;

	private String word;

	/** Assigned to department A with department A2 as co-unit. */
	private long assigned;

	@BeforeEach
	void fileCases() throws Exception {
		this.api = new Api(this.mvc);
		this.word = "滤" + UUID.randomUUID().toString().substring(0, 8);
		MvcResult result = this.api.post(this.world.enterpriseA(), "/api/v1/cases", """
				{"categoryId": %d, "enterpriseId": %d, "title": "厂房消防验收 %s", "description": "验收排期过久。"}"""
			.formatted(this.world.category().id(), this.world.firmA().getId(), this.word));
		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		this.filed = ((Number) Api.read(result, "$.id")).longValue();
		this.number = (String) Api.read(result, "$.number");
		long id = this.api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int version = Api.version(this.api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		MvcResult done = this.api.step(this.world.dispatcherA(), id, version, "assign",
				"{\"leadUnitId\": %d, \"coUnitIds\": [%d]}".formatted(this.world.deptA().getId(),
						this.world.otherDeptA().getId()));
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		this.assigned = id;
	}

	@Test
	void anyPartOfTheNumberTheTitleOrTheEnterpriseFindsTheCase() throws Exception {
		String digits = this.number.substring(this.number.length() - 6);
		String middle = this.number.substring(5, this.number.length() - 2);
		assertThat(ids(this.world.dispatcherA(), "q=" + digits)).contains(this.filed);
		assertThat(ids(this.world.dispatcherA(), "q=" + middle)).contains(this.filed);
		assertThat(ids(this.world.dispatcherA(), "q=" + this.number.toLowerCase())).contains(this.filed);
		assertThat(ids(this.world.dispatcherA(), "q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(this.world.dispatcherA(), "q=" + this.word.substring(0, 5))).containsExactly(this.filed);
		assertThat(ids(this.world.dispatcherA(), "q=精密机械&size=100&sort=FILED")).contains(this.filed);
		assertThat(ids(this.world.dispatcherA(), "q=皮革有限")).doesNotContain(this.filed);
		// LIKE's own characters are text, not patterns.
		assertThat(ids(this.world.dispatcherA(), "q=%25")).isEmpty();
		assertThat(ids(this.world.dispatcherA(), "q=_")).isEmpty();
	}

	@Test
	void eachFilterKeepsWhatMatchesAndDropsWhatDoesNot() throws Exception {
		Member d = this.world.dispatcherA();
		String today = LocalDate.now(CHINA).toString();
		assertThat(ids(d, "state=SUBMITTED&q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(d, "state=closed&q=" + this.word)).isEmpty();
		assertThat(ids(d, "kind=ENTERPRISE_REQUEST&q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(d, "kind=LEADER_ASSIGNMENT&q=" + this.word)).isEmpty();
		assertThat(ids(d, "channel=SELF_SERVICE&q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(d, "channel=HOTLINE&q=" + this.word)).isEmpty();
		assertThat(ids(d, "category=" + this.world.category().id() + "&q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(d, "from=" + today + "&to=" + today + "&q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(d, "from=" + LocalDate.now(CHINA).plusDays(1) + "&q=" + this.word)).isEmpty();
		assertThat(ids(d, "to=" + LocalDate.now(CHINA).minusDays(1) + "&q=" + this.word)).isEmpty();
		assertThat(ids(d, "region=330421100&q=" + this.word)).containsExactly(this.filed);
		assertThat(ids(d, "region=330421&q=" + this.word)).containsExactly(this.filed);

		// The unit filter finds a case by its lead and by its co-unit.
		assertThat(ids(d, "unit=" + this.world.deptA().getId() + "&size=100")).contains(this.assigned)
			.doesNotContain(this.filed);
		assertThat(ids(d, "unit=" + this.world.otherDeptA().getId() + "&size=100")).contains(this.assigned);
		assertThat(ids(d, "unit=" + this.world.centreA().getId() + "&size=100")).doesNotContain(this.assigned);
		// Just assigned: on time, neither yellow nor red.
		assertThat(ids(d, "time=GREEN&unit=" + this.world.deptA().getId() + "&size=100")).contains(this.assigned);
		assertThat(ids(d, "time=RED&unit=" + this.world.deptA().getId() + "&size=100")).doesNotContain(this.assigned);
		assertThat(ids(d, "time=yellow&size=100")).doesNotContain(this.assigned);
		for (Object time : (List<?>) Api.read(get(d, "time=RED&size=100"), "$.items[*].timeState")) {
			assertThat(time).isEqualTo("RED");
		}
		// All together.
		assertThat(ids(d,
				"state=ASSIGNED&unit=%d&category=%d&kind=ENTERPRISE_REQUEST&channel=SELF_SERVICE&time=GREEN&from=%s&to=%s&region=330421&sort=URGENCY&size=100"
					.formatted(this.world.otherDeptA().getId(), this.world.category().id(), today, today)))
			.contains(this.assigned);
	}

	@Test
	void aRangeOfFilingDaysListsTheMostRecentlyFiledFirstUnlessAskedOtherwise() throws Exception {
		// The first case filed moves last: by movement it leads, by filing it follows.
		this.api.step(this.world.dispatcherA(), this.filed, 0, "accept", "{}");
		String today = LocalDate.now(CHINA).toString();
		String range = "from=" + today + "&to=" + today + "&size=100";
		List<Long> ours = List.of(this.filed, this.assigned);
		assertThat(ids(this.world.dispatcherA(), range)).filteredOn(ours::contains)
			.containsExactly(this.assigned, this.filed);
		assertThat(ids(this.world.dispatcherA(), range + "&sort=UPDATED")).filteredOn(ours::contains)
			.containsExactly(this.filed, this.assigned);
		assertThat(ids(this.world.dispatcherA(), "size=100")).filteredOn(ours::contains)
			.containsExactly(this.filed, this.assigned);
	}

	@Test
	void aRegionOutsideTheJurisdictionGivesNothingNeverForeignCases() throws Exception {
		long foreign = this.api.fileCase(this.world.enterpriseB(), this.world.firmB().getId(),
				this.world.category().id());
		assertThat(ids(this.world.dispatcherB(), "region=330481&size=100")).contains(foreign);
		assertThat(ids(this.world.dispatcherA(), "region=330481&size=100")).isEmpty();
		assertThat(ids(this.world.dispatcherA(), "region=330481100&size=100")).isEmpty();
		// The city holds the county: the dispatcher's own cases, never the other
		// county's.
		assertThat(ids(this.world.dispatcherA(), "region=330400&size=100")).doesNotContain(foreign);
		// A handler has no jurisdiction: a region narrows his unit's cases only.
		assertThat(ids(this.world.handlerA(), "region=330481&size=100")).doesNotContain(foreign);
		assertThat(ids(this.world.handlerA(), "region=330421&size=100")).contains(this.assigned);
	}

	@Test
	void aValueThatNamesNothingIsA400NamingTheParameter() throws Exception {
		for (String[] bad : new String[][] { { "state", "OPEN" }, { "unit", "abc" }, { "unit", "999999" },
				{ "category", "999999" }, { "kind", "TIP" }, { "channel", "FAX" }, { "time", "ON_TIME" },
				{ "from", "2026-13-01" }, { "to", "yesterday" }, { "region", "999999" }, { "sort", "NAME" } }) {
			MvcResult result = get(this.world.dispatcherA(), bad[0] + "=" + bad[1]);
			assertThat(result.getResponse().getStatus()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat((String) Api.read(result, "$.errors." + bad[0])).contains(bad[1]);
		}
		MvcResult reversed = get(this.world.dispatcherA(), "from=2026-05-02&to=2026-05-01");
		assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
		assertThat((String) Api.read(reversed, "$.errors.to")).isNotBlank();
	}

	@Test
	void thePageFiltersByTheSameParametersAndSaysWhatIsWrong() throws Exception {
		MockHttpSession session = this.api.login(this.world.dispatcherA());
		String found = this.mvc
			.perform(MockMvcRequestBuilders.get("/cases")
				.param("q", this.number.substring(this.number.length() - 6))
				.param("kind", "ENTERPRISE_REQUEST")
				.param("region", "330421")
				.session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found).contains(this.number).contains("清除筛选").contains("<details class=\"more\" open");
		MvcResult bad = this.mvc.perform(MockMvcRequestBuilders.get("/cases").param("time", "PURPLE").session(session))
			.andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentAsString()).contains("筛选条件 time 的值“PURPLE”无效").contains("清除筛选");
	}

	private List<Long> ids(Member who, String query) throws Exception {
		MvcResult result = get(who, query);
		assertThat(result.getResponse().getStatus()).as(query + ": " + result.getResponse().getContentAsString())
			.isEqualTo(200);
		List<Number> ids = (List<Number>) Api.read(result, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	private MvcResult get(Member who, String query) throws Exception {
		return this.api.get(who, "/api/v1/cases?" + query);
	}

}
