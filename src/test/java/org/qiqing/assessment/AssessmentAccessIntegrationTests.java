package org.qiqing.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who reads and acts on which assessment result, through the API and the pages: a person
 * sees the results of his unit and of his jurisdiction, a foreign one is 404 as a foreign
 * case, an enterprise contact reads none; supervisors and leaders record follow-ups; only
 * the top administrator publishes the formula and freezes. And bad input is a problem
 * (400/404), never a 500.
 */
@IntegrationTest
class AssessmentAccessIntegrationTests {

	static final String MONTH = "2021-09";

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	AssessmentFreeze freeze;

	@Autowired
	JdbcTemplate jdbc;

	private Api api;

	@BeforeEach
	void frozenMonth() throws Exception {
		this.api = new Api(this.mvc);
		if (this.freeze.frozen(YearMonth.parse(MONTH)).isEmpty()) {
			AssessmentCases cases = new AssessmentCases(this.api, this.world, this.clock);
			cases.resolved("2021-09-06T10:00", this.world.deptA(), "SOLVED");
			cases.resolved("2021-09-06T11:00", this.world.deptB(), "EXPLAINED");
			this.freeze.freeze(YearMonth.parse(MONTH), null);
		}
	}

	@Test
	void eachReadsTheResultsOfHisUnitAndJurisdiction() throws Exception {
		String results = "/api/v1/assessment/months/" + MONTH + "/results";
		long a = this.world.deptA().getId();
		long b = this.world.deptB().getId();
		assertThat(unitIds(this.world.leaderA(), results)).contains(a).doesNotContain(b);
		assertThat(unitIds(this.world.handlerA(), results)).containsExactly(a);
		assertThat(unitIds(this.world.otherHandlerA(), results)).isEmpty();
		assertThat(unitIds(this.world.dispatcherB(), results)).contains(b).doesNotContain(a);
		assertThat(unitIds(this.world.admin(), results)).contains(a, b);
		List<String> regions = regions(this.world.leaderA(), results + "?subject=region");
		assertThat(regions).contains("330421").doesNotContain("330481", "330400");
		assertThat(regions(this.world.admin(), results + "?subject=region")).contains("330400", "330421", "330481");
		assertThat(this.api.get(this.world.leaderA(), results).getResponse().getContentAsString())
			.contains("\"movementMark\"", "\"formula\"");
		assertThat(status(this.world.enterpriseA(), results)).isEqualTo(404);
		assertThat(status(this.world.enterpriseA(), "/api/v1/assessment/months")).isEqualTo(404);

		long resultA = resultId(a);
		long resultB = resultId(b);
		assertThat(status(this.world.leaderA(), "/api/v1/assessment/results/" + resultA)).isEqualTo(200);
		assertThat(status(this.world.leaderA(), "/api/v1/assessment/results/" + resultB)).isEqualTo(404);
		assertThat(status(this.world.dispatcherB(), "/api/v1/assessment/results/" + resultB)).isEqualTo(200);
		assertThat(page(this.world.leaderA(), "/assessment/results/" + resultB)).isEqualTo(404);
		assertThat(page(this.world.leaderA(), "/assessment/results/" + resultA)).isEqualTo(200);

		MvcResult tables = pageResult(this.world.leaderA(), "/assessment?month=" + MONTH);
		assertThat(tables.getResponse().getStatus()).isEqualTo(200);
		String html = tables.getResponse().getContentAsString();
		assertThat(html).contains(this.world.deptA().getName()).doesNotContain(this.world.deptB().getName());
		assertThat(html).contains("formula-in-force");
		assertThat(page(this.world.enterpriseA(), "/assessment")).isEqualTo(404);

		// the export holds what the reader may see, the bulletin likewise
		MvcResult export = this.api.get(this.world.leaderA(), "/api/v1/assessment/months/" + MONTH + "/export");
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		String names = sheetText(export.getResponse().getContentAsByteArray());
		assertThat(names).contains(this.world.deptA().getName()).doesNotContain(this.world.deptB().getName());
		MvcResult bulletin = this.api.get(this.world.leaderA(), "/api/v1/assessment/months/" + MONTH + "/bulletin");
		assertThat(bulletin.getResponse().getStatus()).isEqualTo(200);
		assertThat(bulletin.getResponse().getContentAsString()).contains(this.world.deptA().getName())
			.doesNotContain(this.world.deptB().getName());
		assertThat(page(this.world.leaderA(), "/assessment/export?month=" + MONTH)).isEqualTo(200);
		assertThat(page(this.world.leaderA(), "/assessment/formula")).isEqualTo(200);

		// the printed bulletin: a PDF of the same words, in the reader's jurisdiction
		MvcResult printed = pageResult(this.world.leaderA(), "/assessment/bulletin.pdf?month=" + MONTH);
		assertThat(printed.getResponse().getStatus()).isEqualTo(200);
		assertThat(printed.getResponse().getContentType()).isEqualTo("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(printed.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(MONTH, "考核", this.world.deptA().getName())
				.doesNotContain(this.world.deptB().getName());
		}
		assertThat(page(this.world.enterpriseA(), "/assessment/bulletin.pdf?month=" + MONTH)).isEqualTo(404);
		assertThat(page(this.world.leaderA(), "/assessment/bulletin.pdf?month=someday")).isEqualTo(400);
	}

	@Test
	void theBulletinOfAJurisdictionIsNumberedOnceAndKeepsItsNumberAndDate() throws Exception {
		String first = bulletinNumber(this.world.leaderA());
		// 嘉善县's bulletin, issued by its service centre (no supervision office in the
		// world)
		assertThat(first).matches(this.world.centreA().getName() + "考〔\\d{4}〕\\d+号");
		// printed again, by him or another of the same jurisdiction: the same number
		assertThat(bulletinNumber(this.world.leaderA())).isEqualTo(first);
		assertThat(bulletinNumber(this.world.supervisorA())).isEqualTo(first);
		MvcResult content = this.api.get(this.world.leaderA(), "/api/v1/assessment/months/" + MONTH + "/bulletin");
		assertThat(com.jayway.jsonpath.JsonPath.<String>read(content.getResponse().getContentAsString(), "$.number"))
			.isEqualTo(first);
		// another jurisdiction's bulletin of the month has its own, from its own office
		String other = bulletinNumber(this.world.dispatcherB());
		assertThat(other).startsWith(this.world.centreB().getName() + "考〔").isNotEqualTo(first);
		assertThat(this.jdbc.queryForObject("select count(*) from assessment_bulletin where month_start = ?",
				Integer.class, java.sql.Date.valueOf(YearMonth.parse(MONTH).atDay(1))))
			.isEqualTo(2);
		// a handler's excerpt of his own unit is no issued bulletin: no number
		MvcResult excerpt = pageResult(this.world.handlerA(), "/assessment/bulletin.pdf?month=" + MONTH);
		assertThat(excerpt.getResponse().getStatus()).isEqualTo(200);
		assertThat(pdfText(excerpt)).doesNotContain("考〔");
	}

	/** The number printed on a person's bulletin of the month. */
	private String bulletinNumber(Member who) throws Exception {
		MvcResult printed = pageResult(who, "/assessment/bulletin.pdf?month=" + MONTH);
		assertThat(printed.getResponse().getStatus()).isEqualTo(200);
		java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\S+考〔\\d{4}〕\\d+号")
			.matcher(pdfText(printed));
		assertThat(number.find()).as("a number on the bulletin").isTrue();
		return number.group();
	}

	private static String pdfText(MvcResult printed) throws Exception {
		try (PDDocument pdf = Loader.loadPDF(printed.getResponse().getContentAsByteArray())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	@Test
	void supervisorsAndLeadersRecordWhatFollowed() throws Exception {
		long resultA = resultId(this.world.deptA().getId());
		long resultB = resultId(this.world.deptB().getId());
		String body = "{\"kind\": \"INTERVIEW\", \"reference\": \"嘉善督〔2021〕9号\", \"note\": \"约谈分管负责人\"}";
		assertThat(post(this.world.supervisorA(), "/api/v1/assessment/results/" + resultA + "/follow-ups", body))
			.isEqualTo(201);
		assertThat(post(this.world.handlerA(), "/api/v1/assessment/results/" + resultA + "/follow-ups", body))
			.isEqualTo(403);
		assertThat(post(this.world.supervisorA(), "/api/v1/assessment/results/" + resultB + "/follow-ups", body))
			.isEqualTo(404);
		MvcResult detail = this.api.get(this.world.leaderA(), "/api/v1/assessment/results/" + resultA);
		assertThat(detail.getResponse().getContentAsString()).contains("嘉善督〔2021〕9号");
		assertThat(post(this.world.supervisorA(), "/api/v1/assessment/results/" + resultA + "/follow-ups",
				"{\"kind\": \"PRAISE\", \"reference\": \"x\"}"))
			.isEqualTo(400);
		assertThat(post(this.world.supervisorA(), "/api/v1/assessment/results/" + resultA + "/follow-ups",
				"{\"kind\": \"NOTE\", \"reference\": \"\"}"))
			.isEqualTo(400);
	}

	@Test
	void onlyTheTopAdministratorPublishesAndFreezes() throws Exception {
		String formula = """
				{"validFrom": "2040-01", "weights": {"ON_TIME": 60, "SATISFACTION": 40},
				 "deductions": [{"measure": "ORDERED", "points": 1, "cap": 10}], "note": "测试"}""";
		assertThat(post(this.world.dispatcherA(), "/api/v1/assessment/formulas", formula)).isEqualTo(403);
		assertThat(post(this.world.leaderA(), "/api/v1/assessment/months/2021-10/freeze", "{}")).isEqualTo(403);
		assertThat(status(this.world.leaderA(), "/api/v1/assessment/months/" + MONTH + "/verification")).isEqualTo(403);
		assertThat(post(this.world.admin(), "/api/v1/assessment/formulas", formula)).isEqualTo(201);
		MvcResult again = this.api.post(this.world.admin(), "/api/v1/assessment/months/" + MONTH + "/freeze", "{}");
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(again, "$.frozenNow")).isEqualTo(false);
		MvcResult verified = this.api.get(this.world.admin(), "/api/v1/assessment/months/" + MONTH + "/verification");
		assertThat(Api.read(verified, "$.same")).isEqualTo(true);
	}

	@Test
	void badInputIsAProblemNotAnError() throws Exception {
		Member admin = this.world.admin();
		assertThat(status(admin, "/api/v1/assessment/months/2021-13/results")).isEqualTo(400);
		assertThat(status(admin, "/api/v1/assessment/months/soon/results")).isEqualTo(400);
		assertThat(status(admin, "/api/v1/assessment/months/" + MONTH + "/results?subject=colour")).isEqualTo(400);
		assertThat(status(admin, "/api/v1/assessment/months/" + MONTH + "/results?kind=<b>")).isEqualTo(400);
		assertThat(status(admin, "/api/v1/assessment/months/2001-01/results")).isEqualTo(404);
		assertThat(status(admin, "/api/v1/assessment/results/99999999")).isEqualTo(404);
		assertThat(status(admin, "/api/v1/assessment/results/abc")).isEqualTo(400);
		assertThat(status(admin, "/api/v1/assessment/formulas/999")).isEqualTo(404);
		assertThat(status(admin, "/api/v1/assessment/formula?month=x")).isEqualTo(400);
		assertThat(status(admin, "/api/v1/assessment/months/2001-02/verification")).isEqualTo(400);
		assertThat(post(admin, "/api/v1/assessment/months/2999-01/freeze", "{}")).isEqualTo(400);
		String[] formulas = { "{\"validFrom\": \"2041-13\", \"weights\": {\"ON_TIME\": 1}, \"note\": \"x\"}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"ON_TIME\": -1}, \"note\": \"x\"}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"KINDNESS\": 1}, \"note\": \"x\"}",
				"{\"validFrom\": \"2041-01\", \"weights\": {}, \"note\": \"x\"}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"ON_TIME\": 1}, \"note\": \"\"}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"ON_TIME\": 1}, \"note\": \"x\", \"deductions\": [{\"measure\": \"NOPE\", \"points\": 1}]}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"ON_TIME\": 1}, \"note\": \"x\", \"deductions\": [{\"measure\": \"ORDERED\", \"points\": -2}]}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"ON_TIME\": 1}, \"note\": \"x\", \"deductions\": [null]}",
				"{\"validFrom\": \"2041-01\", \"weights\": {\"ON_TIME\": \"many\"}, \"note\": \"x\"}", "{not json",
				"[]" };
		for (String formula : formulas) {
			assertThat(post(admin, "/api/v1/assessment/formulas", formula)).as(formula).isEqualTo(400);
		}
		assertThat(page(admin, "/assessment?month=13-2021")).isEqualTo(400);
	}

	private List<Long> unitIds(Member who, String path) throws Exception {
		MvcResult result = this.api.get(who, path);
		assertThat(result.getResponse().getStatus()).as(who.username()).isEqualTo(200);
		List<Number> ids = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
				"$.lines[*].unitId");
		return ids.stream().map(Number::longValue).toList();
	}

	private List<String> regions(Member who, String path) throws Exception {
		MvcResult result = this.api.get(who, path);
		assertThat(result.getResponse().getStatus()).as(who.username()).isEqualTo(200);
		return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.lines[*].regionCode");
	}

	private long resultId(long unit) {
		return this.jdbc.queryForObject(
				"select id from assessment_result where month_start = ? and subject = 'U' and unit_id = ?", Long.class,
				java.sql.Date.valueOf(YearMonth.parse(MONTH).atDay(1)), unit);
	}

	private int status(Member who, String path) throws Exception {
		return this.api.get(who, path).getResponse().getStatus();
	}

	private int post(Member who, String path, String json) throws Exception {
		return this.api.post(who, path, json).getResponse().getStatus();
	}

	private static String sheetText(byte[] xlsx) throws Exception {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				text.append(row.getCell(1).toString()).append('\n');
			}
		}
		return text.toString();
	}

	private final Map<String, MockHttpSession> sessions = new HashMap<>();

	private int page(Member who, String path) throws Exception {
		return pageResult(who, path).getResponse().getStatus();
	}

	/** A page, in the member's browser session (a real login with the form, once). */
	private MvcResult pageResult(Member who, String path) throws Exception {
		MockHttpSession session = this.sessions.get(who.username());
		if (session == null) {
			session = this.api.login(who);
			this.sessions.put(who.username(), session);
		}
		return this.api.page(session, path);
	}

}
