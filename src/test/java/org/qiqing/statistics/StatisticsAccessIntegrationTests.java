package org.qiqing.statistics;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statistics endpoint, for every role: the figures of one's own jurisdiction and
 * unit answer 200, a foreign unit or region 404 (as a foreign case), an enterprise
 * contact gets none; the counts a person reads are those of the cases he may see.
 */
@IntegrationTest
class StatisticsAccessIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/api/v1/statistics/measures",
			"/api/v1/statistics/measures/by/unit", "/api/v1/statistics/measures/by/region",
			"/api/v1/statistics/measures/by/category", "/api/v1/statistics/measures/by/day",
			"/api/v1/statistics/states", "/api/v1/statistics/states/by/unit", "/api/v1/statistics/watch");

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	/** A member, a filter that is his, and one that is not. */
	record Case(Member who, String own, String foreign) {
	}

	private List<Case> cases() {
		String deptA = "unit=" + this.world.deptA().getId();
		String deptB = "unit=" + this.world.deptB().getId();
		return List.of(new Case(this.world.dispatcherA(), "region=330421", "region=330481"),
				new Case(this.world.supervisorA(), deptA, deptB),
				new Case(this.world.leaderA(), "region=330421100", "region=330481100"),
				new Case(this.world.handlerA(), deptA, "unit=" + this.world.otherDeptA().getId()),
				new Case(this.world.visitorA(), "region=330421100", "region=330421"),
				new Case(this.world.dispatcherB(), "region=330481", "region=330421"),
				new Case(this.world.handlerB(), deptB, deptA),
				new Case(this.world.admin(), "region=330481", "region=999999"));
	}

	@Test
	void ownFiguresAnswerAndForeignOnesAreNotFound() throws Exception {
		Api api = new Api(this.mvc);
		for (Case c : cases()) {
			for (String endpoint : ENDPOINTS) {
				assertThat(status(api, c.who(), endpoint)).as(c.who().username() + " " + endpoint).isEqualTo(200);
				assertThat(status(api, c.who(), endpoint + "?" + c.own()))
					.as(c.who().username() + " " + endpoint + " " + c.own())
					.isEqualTo(200);
				assertThat(status(api, c.who(), endpoint + "?" + c.foreign()))
					.as(c.who().username() + " " + endpoint + " " + c.foreign())
					.isEqualTo(404);
			}
			assertThat(page(c.who(), "/dashboard?" + c.own())).as(c.who().username()).isEqualTo(200);
			assertThat(page(c.who(), "/dashboard?" + c.foreign())).as(c.who().username()).isEqualTo(404);
			for (String by : List.of("UNIT", "REGION", "CATEGORY")) {
				assertThat(page(c.who(), "/dashboard/export?by=" + by + "&" + c.own())).as(c.who().username())
					.isEqualTo(200);
				assertThat(page(c.who(), "/dashboard/export?by=" + by + "&" + c.foreign())).as(c.who().username())
					.isEqualTo(404);
			}
		}
	}

	@Test
	void anEnterpriseContactReadsNoFigures() throws Exception {
		Api api = new Api(this.mvc);
		for (String endpoint : ENDPOINTS) {
			assertThat(status(api, this.world.enterpriseA(), endpoint)).as(endpoint).isEqualTo(404);
		}
		assertThat(page(this.world.enterpriseA(), "/dashboard")).isEqualTo(404);
	}

	@Test
	void onlyAnAdministratorRebuilds() throws Exception {
		Api api = new Api(this.mvc);
		assertThat(api.post(this.world.leaderA(), "/api/v1/statistics/rebuild", "{}").getResponse().getStatus())
			.isEqualTo(403);
		MvcResult rebuilt = api.post(this.world.admin(), "/api/v1/statistics/rebuild", "{}");
		assertThat(rebuilt.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aCaseInOneCountyIsCountedForItsPeopleAndNotForTheOthers() throws Exception {
		Api api = new Api(this.mvc);
		long before = received(api, this.world.dispatcherA());
		long beforeB = received(api, this.world.dispatcherB());
		api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		assertThat(received(api, this.world.dispatcherA())).isEqualTo(before + 1);
		assertThat(received(api, this.world.dispatcherB())).isEqualTo(beforeB);
	}

	@Test
	void badInputIsAProblemNotAnError() throws Exception {
		Api api = new Api(this.mvc);
		assertThat(status(api, this.world.dispatcherA(), "/api/v1/statistics/measures?from=2026-05-01&to=2026-04-01"))
			.isEqualTo(400);
		assertThat(status(api, this.world.dispatcherA(), "/api/v1/statistics/measures?kind=NOPE")).isEqualTo(400);
		assertThat(status(api, this.world.dispatcherA(), "/api/v1/statistics/measures/by/colour")).isEqualTo(400);
		assertThat(status(api, this.world.dispatcherA(), "/api/v1/statistics/measures?from=yesterday")).isEqualTo(400);
	}

	@Test
	void theUnitRankingsLedgerCountsWhatWasAssignedToEachUnit() throws Exception {
		new Api(this.mvc).assignedCase(this.world);
		MockHttpSession session = session(this.world.dispatcherA());
		byte[] ledger = this.mvc.perform(MockMvcRequestBuilders.get("/dashboard/export?by=UNIT").session(session))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("交办");
			Row dept = null;
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && this.world.deptA().getName().equals(row.getCell(1).getStringCellValue())) {
					dept = row;
				}
			}
			assertThat(dept).as("the county's department is ranked").isNotNull();
			assertThat(dept.getCell(2).getNumericCellValue()).isGreaterThanOrEqualTo(1);
		}
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/dashboard/export?by=COLOUR").session(session))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void theRegionRankingCountsEachRegionOneLevelDownWithAllBelowIt() throws Exception {
		long county = ranked(this.world.admin(), "嘉善县");
		long otherCounty = ranked(this.world.admin(), "海宁市");
		long town = ranked(this.world.dispatcherA(), "西塘镇");
		new Api(this.mvc).fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		assertThat(ranked(this.world.admin(), "嘉善县")).as("the city's ranking of its counties").isEqualTo(county + 1);
		assertThat(ranked(this.world.admin(), "海宁市")).isEqualTo(otherCounty);
		assertThat(ranked(this.world.dispatcherA(), "西塘镇")).as("the county's ranking of its towns").isEqualTo(town + 1);
	}

	@Test
	void aUnitsRowInTheRankingHasTheRatesItsFiguresHaveInTheApi() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.assignedCase(this.world);
		int v = Api.version(api.get(this.world.handlerA(), "/api/v1/cases/" + id));
		v = Api.version(api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}"));
		v = Api.version(
				api.step(this.world.handlerA(), id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已协调解决\"}"));
		MvcResult rated = api.step(this.world.enterpriseA(), id, v, "rate", "{\"rating\": \"SATISFIED\"}");
		assertThat(Api.read(rated, "$.state")).isEqualTo("CLOSED");
		String unit = "$.groups[?(@.key == '" + this.world.deptA().getId() + "')].measures";
		MvcResult figures = api.get(this.world.dispatcherA(), "/api/v1/statistics/measures/by/unit");
		List<Double> row = ledgerRow(this.world.dispatcherA(), "UNIT", this.world.deptA().getName());
		assertThat(row).as("the ranking's row of the unit").isNotNull();
		assertThat(row.get(0)).isEqualTo(number(figures, unit + ".counts.assigned"));
		assertThat(row.get(1)).isEqualTo(number(figures, unit + ".counts.resolved")).isGreaterThanOrEqualTo(1);
		assertThat(row.get(2)).isEqualTo(percent(figures, unit + ".rates.solved"));
		assertThat(row.get(3)).isEqualTo(percent(figures, unit + ".rates.onTime"));
		assertThat(row.get(4)).as("satisfaction").isEqualTo(percent(figures, unit + ".rates.satisfaction"));
	}

	private static double number(MvcResult result, String path) throws Exception {
		return ((Number) ((List<?>) Api.read(result, path)).get(0)).doubleValue();
	}

	/** A rate of the API as the ledger shows it: a percentage with one decimal. */
	private static double percent(MvcResult result, String path) throws Exception {
		return Math.round(number(result, path) * 1000) / 10.0;
	}

	/**
	 * What a region took in, in the member's ledger of the regions' ranking (0 if
	 * absent).
	 */
	private long ranked(Member who, String region) throws Exception {
		List<Double> row = ledgerRow(who, "REGION", region);
		return row == null ? 0 : row.get(0).longValue();
	}

	/**
	 * The figures of a row of the member's ledger of a ranking (taken in, resolved, the
	 * three rates; null where empty), or null if no row has the name.
	 */
	private List<Double> ledgerRow(Member who, String by, String name) throws Exception {
		byte[] ledger = this.mvc.perform(MockMvcRequestBuilders.get("/dashboard/export?by=" + by).session(session(who)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
			for (Row row : workbook.getSheetAt(0)) {
				if (row.getRowNum() > 0 && name.equals(row.getCell(1).getStringCellValue())) {
					List<Double> figures = new ArrayList<>();
					for (int i = 2; i <= 6; i++) {
						Cell cell = row.getCell(i);
						figures.add(cell == null || cell.getCellType() != CellType.NUMERIC ? null
								: cell.getNumericCellValue());
					}
					return figures;
				}
			}
		}
		return null;
	}

	private long received(Api api, Member who) throws Exception {
		return ((Number) Api.read(api.get(who, "/api/v1/statistics/measures"), "$.counts.received")).longValue();
	}

	private static int status(Api api, Member who, String path) throws Exception {
		return api.get(who, path).getResponse().getStatus();
	}

	private final java.util.Map<String, MockHttpSession> sessions = new java.util.HashMap<>();

	/** The member's browser session: a real login with the form, once. */
	private MockHttpSession session(Member who) throws Exception {
		MockHttpSession session = this.sessions.get(who.username());
		if (session == null) {
			session = this.api.login(who);
			this.sessions.put(who.username(), session);
		}
		return session;
	}

	/** A page, in the member's browser session (a real login with the form). */
	private int page(Member who, String path) throws Exception {
		return this.api.page(session(who), path).getResponse().getStatus();
	}

}
