package org.qiqing.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Administering the working-day calendar through the API and the page: edits and imports
 * take effect on {@link WorkingCalendar}, a bad file changes nothing and names every
 * problem, and only the administrators of a calendar change it. The tests use years far
 * ahead (2090s), which no other test's time limits reach, as they share the database.
 */
@IntegrationTest
class CalendarAdministrationIntegrationTests {

	static final String JIASHAN = AdminFixtures.JIASHAN;

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	Member jiashanAdmin;

	Member hainingAdmin;

	@BeforeEach
	void countyAdministrators() {
		AdminFixtures fixtures = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
		this.jiashanAdmin = fixtures.adminOf(JIASHAN);
		this.hainingAdmin = fixtures.adminOf(AdminFixtures.HAINING);
	}

	@Test
	void aGoodCsvReplacesTheRegionsYearAndTakesEffect() throws Exception {
		int year = 2098;
		LocalDate oldHoliday = weekday(year, 3);
		LocalDate monday = weekday(year, 4);
		LocalDate saturday = saturday(year, 5);
		assertThat(status(putDay(this.jiashanAdmin, oldHoliday, JIASHAN, "HOLIDAY", "旧的地方假日"))).isEqualTo(200);
		assertThat(this.calendar.isWorkingDay(oldHoliday, "330421100")).isFalse();

		MvcResult imported = importFile(this.jiashanAdmin, year, JIASHAN, "days.csv", """
				date,kind,name
				%s,休,地方纪念日
				%s,WORKDAY,地方调休上班
				""".formatted(monday, saturday));

		assertThat(status(imported)).as(body(imported)).isEqualTo(200);
		MvcResult shown = api(this.jiashanAdmin, get("/api/v1/calendar/{year}", year).param("region", JIASHAN));
		assertThat(JsonPath.<List<String>>read(body(shown), "$.days[*].date")).containsExactly(monday.toString(),
				saturday.toString());
		assertThat(JsonPath.<List<String>>read(body(shown), "$.days[*].kind")).containsExactly("HOLIDAY", "WORKDAY");
		assertThat(JsonPath.<Integer>read(body(shown), "$.workingDays")).isEqualTo(plainWorkingDays(year) - 1 + 1);
		assertThat(shown.getResponse().getHeader(HttpHeaders.ETAG))
			.isEqualTo("\"" + JsonPath.read(body(shown), "$.version") + "\"");
		// Taken effect for the county and its towns, not for its neighbour.
		assertThat(this.calendar.isWorkingDay(oldHoliday, JIASHAN)).isTrue();
		assertThat(this.calendar.isWorkingDay(monday, "330421100")).isFalse();
		assertThat(this.calendar.isWorkingDay(saturday, JIASHAN)).isTrue();
		assertThat(this.calendar.isWorkingDay(monday, AdminFixtures.HAINING)).isTrue();
	}

	@Test
	void aFileWithProblemsIsRefusedWholeNamingEachAndChangesNothing() throws Exception {
		int year = 2097;
		LocalDate kept = weekday(year, 2);
		putDay(this.jiashanAdmin, kept, JIASHAN, "HOLIDAY", "保留的假日");
		String before = body(api(this.jiashanAdmin, get("/api/v1/calendar/{year}", year).param("region", JIASHAN)));
		LocalDate tuesday = LocalDate.of(year, 6, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));

		MvcResult refused = importFile(this.jiashanAdmin, year, JIASHAN, "days.csv", """
				date,kind,name
				%1$s-13-01,HOLIDAY,不存在的日子
				%2$s,HOLIDAY,
				%3$s,WORKDAY,周二上班
				%4$s,HOLIDAY,一个好日子
				%4$s,WORKDAY,同一天又上班
				%5$s-12-31,HOLIDAY,去年的日子
				%6$s,假,未知类型
				""".formatted(year, weekday(year, 7), tuesday, saturday(year, 8), year - 1, weekday(year, 9)));

		assertThat(status(refused)).as(body(refused)).isEqualTo(422);
		assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(JsonPath.<String>read(body(refused), "$.type")).endsWith("/calendar-import-refused");
		List<Map<String, Object>> problems = JsonPath.read(body(refused), "$.problems");
		assertThat(problems).extracting(p -> p.get("line")).containsExactly(2, 3, 4, 6, 7, 8);
		assertThat(problems).extracting(p -> (String) p.get("reason"))
			.satisfiesExactly(r -> assertThat(r).contains("不是有效日期"), r -> assertThat(r).contains("请填写名称"),
					r -> assertThat(r).contains("星期二"), r -> assertThat(r).contains("在第 5 行为 HOLIDAY"),
					r -> assertThat(r).contains("不是 " + year + " 年的日期"), r -> assertThat(r).contains("“假”"));
		assertThat(body(api(this.jiashanAdmin, get("/api/v1/calendar/{year}", year).param("region", JIASHAN))))
			.isEqualTo(before);
		assertThat(this.calendar.isWorkingDay(kept, JIASHAN)).isFalse();
		assertThat(this.calendar.isWorkingDay(saturday(year, 8), JIASHAN)).isFalse();
	}

	@Test
	void anIcsFileGivesEachDayOfItsEventsAndTellsWorkedDaysBy班() throws Exception {
		int year = 2096;
		LocalDate first = LocalDate.of(year, 10, 1);
		LocalDate worked = saturday(year, 9);
		MvcResult imported = importFile(this.world.admin(), year, "", "holidays.ics", """
				BEGIN:VCALENDAR\r
				VERSION:2.0\r
				PRODID:-//qiqing//test//ZH\r
				BEGIN:VEVENT\r
				UID:national-day@test\r
				DTSTAMP:20250101T000000Z\r
				DTSTART;VALUE=DATE:%s\r
				DTEND;VALUE=DATE:%s\r
				SUMMARY:国庆节\r
				END:VEVENT\r
				BEGIN:VEVENT\r
				UID:worked@test\r
				DTSTAMP:20250101T000000Z\r
				DTSTART;VALUE=DATE:%s\r
				SUMMARY:国庆节调休上班\r
				END:VEVENT\r
				END:VCALENDAR\r
				""".formatted(basic(first), basic(first.plusDays(3)), basic(worked)));

		assertThat(status(imported)).as(body(imported)).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(body(imported), "$.days[*].date")).containsExactly(worked.toString(),
				first.toString(), first.plusDays(1).toString(), first.plusDays(2).toString());
		assertThat(JsonPath.<List<String>>read(body(imported), "$.days[*].kind")).containsExactly("WORKDAY", "HOLIDAY",
				"HOLIDAY", "HOLIDAY");
		assertThat(this.calendar.isWorkingDay(first.plusDays(2), "330481100")).isFalse();
		assertThat(this.calendar.isWorkingDay(first.plusDays(3), "330481100")).isEqualTo(isWeekday(first.plusDays(3)));
		assertThat(this.calendar.isWorkingDay(worked, "330481100")).isTrue();

		MvcResult timed = importFile(this.world.admin(), year, "", "holidays.ics", """
				BEGIN:VCALENDAR
				VERSION:2.0
				PRODID:-//qiqing//test//ZH
				BEGIN:VEVENT
				UID:timed@test
				DTSTAMP:20250101T000000Z
				DTSTART:%sT090000
				SUMMARY:一个会议
				END:VEVENT
				END:VCALENDAR
				""".formatted(basic(first)));
		assertThat(status(timed)).isEqualTo(422);
		assertThat(JsonPath.<Integer>read(body(timed), "$.problems[0].line")).isEqualTo(4);
		assertThat(this.calendar.isWorkingDay(first, "330481100")).isFalse();
	}

	@Test
	void anEditOfOneDayChangesTheWorkingDaysAndARemovalGivesItBack() throws Exception {
		LocalDate day = weekday(2095, 3);
		assertThat(this.calendar.isWorkingDay(day, JIASHAN)).isTrue();
		MvcResult put = putDay(this.world.admin(), day, "", "HOLIDAY", "全国临时假日");
		assertThat(status(put)).as(body(put)).isEqualTo(200);
		assertThat(this.calendar.isWorkingDay(day, JIASHAN)).isFalse();
		// The county works it: a WORKDAY on a weekday is allowed over a holiday above.
		assertThat(status(putDay(this.jiashanAdmin, day, JIASHAN, "班", "本县照常上班"))).isEqualTo(200);
		assertThat(this.calendar.isWorkingDay(day, "330421100")).isTrue();
		assertThat(this.calendar.isWorkingDay(day, AdminFixtures.HAINING)).isFalse();

		String etag = put.getResponse().getHeader(HttpHeaders.ETAG);
		putDay(this.world.admin(), day, "", "HOLIDAY", "全国临时假日（改名）");
		MvcResult stale = api(this.world.admin(), delete("/api/v1/calendar/2095/days/{date}", day).param("region", "")
			.header(HttpHeaders.IF_MATCH, etag));
		assertThat(status(stale)).isEqualTo(412);
		assertThat(this.calendar.isWorkingDay(day, AdminFixtures.HAINING)).isFalse();

		assertThat(status(api(this.world.admin(), delete("/api/v1/calendar/2095/days/{date}", day)))).isEqualTo(200);
		assertThat(this.calendar.isWorkingDay(day, AdminFixtures.HAINING)).isTrue();
		assertThat(status(api(this.world.admin(), delete("/api/v1/calendar/2095/days/{date}", day)))).isEqualTo(404);
	}

	@Test
	void nonsenseIsRefusedWithAReasonAndChangesNothing() throws Exception {
		LocalDate monday = weekday(2094, 5);
		for (String year : List.of("1800", "99999", "abc")) {
			MvcResult result = api(this.world.admin(), get("/api/v1/calendar/{year}", year));
			assertThat(status(result)).as(year).isEqualTo(400);
			assertThat(body(result)).contains("年份须在 2000 至 2100 之间");
		}
		assertThat(status(putDay(this.world.admin(), "2094-02-30", "", "HOLIDAY", "x"))).isEqualTo(400);
		MvcResult otherYear = api(this.world.admin(),
				put("/api/v1/calendar/2094/days/2093-05-03").contentType(MediaType.APPLICATION_JSON)
					.content("{\"kind\": \"HOLIDAY\", \"name\": \"x\"}"));
		assertThat(status(otherYear)).isEqualTo(400);
		assertThat(body(otherYear)).contains("“2093-05-03”不是 2094 年的日期");
		MvcResult weekday = putDay(this.world.admin(), monday.toString(), "", "WORKDAY", "周一上班");
		assertThat(status(weekday)).isEqualTo(400);
		assertThat(body(weekday)).contains("WORKDAY 用于调休上班的周末");
		assertThat(status(putDay(this.world.admin(), monday.toString(), "", "HOLIDAY", " "))).isEqualTo(400);
		assertThat(status(putDay(this.world.admin(), monday.toString(), "", "OFF", "x"))).isEqualTo(400);
		MvcResult unknown = putDay(this.world.admin(), monday.toString(), "999999", "HOLIDAY", "x");
		assertThat(status(unknown)).isEqualTo(404);
		assertThat(body(unknown)).contains("未找到区划 999999");
		MvcResult noFile = api(this.world.admin(),
				multipart("/api/v1/calendar/2094/import").file(file("days.txt", "date,kind,name\n")));
		assertThat(status(noFile)).isEqualTo(400);
		assertThat(this.calendar.isWorkingDay(monday, JIASHAN)).isTrue();
		assertThat(JsonPath.<List<?>>read(body(api(this.world.admin(), get("/api/v1/calendar/2094"))), "$.days"))
			.isEmpty();
	}

	@Test
	void onlyTheAdministratorsOfACalendarChangeIt() throws Exception {
		LocalDate monday = weekday(2093, 4);
		// Not an administrator: neither API nor page.
		assertThat(status(api(this.world.dispatcherA(), get("/api/v1/calendar/2093")))).isEqualTo(403);
		assertThat(status(putDay(this.world.dispatcherA(), monday, JIASHAN, "HOLIDAY", "越权"))).isEqualTo(403);
		assertThat(status(
				this.mvc.perform(get("/admin/calendar").session(this.api.login(this.world.dispatcherA()))).andReturn()))
			.isEqualTo(403);
		// An administrator of another county: not this county's override.
		assertThat(status(api(this.hainingAdmin, get("/api/v1/calendar/2093").param("region", JIASHAN))))
			.isEqualTo(403);
		assertThat(status(putDay(this.hainingAdmin, monday, JIASHAN, "HOLIDAY", "越权"))).isEqualTo(403);
		assertThat(status(importFile(this.hainingAdmin, 2093, JIASHAN, "days.csv",
				"date,kind,name\n" + monday + ",HOLIDAY,越权\n")))
			.isEqualTo(403);
		// A county's administrator reads the national calendar but does not change it.
		MvcResult national = api(this.jiashanAdmin, get("/api/v1/calendar/2093"));
		assertThat(status(national)).isEqualTo(200);
		assertThat(JsonPath.<Boolean>read(body(national), "$.editable")).isFalse();
		assertThat(status(putDay(this.jiashanAdmin, monday, "", "HOLIDAY", "越权"))).isEqualTo(403);
		assertThat(this.calendar.isWorkingDay(monday, JIASHAN)).isTrue();
		// His own county he does change.
		assertThat(status(putDay(this.jiashanAdmin, monday, JIASHAN, "HOLIDAY", "本县假日"))).isEqualTo(200);
		assertThat(this.calendar.isWorkingDay(monday, JIASHAN)).isFalse();
		assertThat(this.calendar.isWorkingDay(monday, AdminFixtures.HAINING)).isTrue();
	}

	@Test
	void thePageShowsTheYearAndEditsAndImportsIt() throws Exception {
		MockHttpSession session = this.api.login(this.jiashanAdmin);
		LocalDate monday = weekday(2092, 3);
		String page = body(
				this.mvc.perform(get("/admin/calendar").param("year", "2026").param("region", JIASHAN).session(session))
					.andReturn());
		assertThat(page).contains("2026 年工作日历 · 嘉善县").contains("元旦").contains("来自全国").contains("十二月");

		MvcResult saved = this.mvc
			.perform(post("/admin/calendar/days").param("year", "2092")
				.param("region", JIASHAN)
				.param("date", monday.toString())
				.param("kind", "HOLIDAY")
				.param("name", "页面上的假日")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/calendar?year=2092&region=" + JIASHAN);
		assertThat(this.calendar.isWorkingDay(monday, JIASHAN)).isFalse();
		assertThat(body(this.mvc
			.perform(get(saved.getResponse().getRedirectedUrl()).session(session).flashAttrs(saved.getFlashMap()))
			.andReturn())).contains("页面上的假日").contains(monday + " 已保存");

		MvcResult refused = this.mvc
			.perform(multipart("/admin/calendar/import")
				.file(file("days.csv", "date,kind,name\n2092-02-30,HOLIDAY,坏日子\n" + monday + ",HOLIDAY,\n"))
				.param("year", "2092")
				.param("region", JIASHAN)
				.session(session)
				.with(csrf()))
			.andReturn();
		String shown = body(this.mvc
			.perform(get(refused.getResponse().getRedirectedUrl()).session(session).flashAttrs(refused.getFlashMap()))
			.andReturn());
		assertThat(shown).contains("文件有 2 处问题，未导入任何内容")
			.contains("<td data-label=\"行号\">2</td>")
			.contains("<td data-label=\"行号\">3</td>")
			.contains("请填写名称");
		assertThat(this.calendar.isWorkingDay(monday, JIASHAN)).isFalse();

		MvcResult removed = this.mvc
			.perform(post("/admin/calendar/days/remove").param("year", "2092")
				.param("region", JIASHAN)
				.param("date", monday.toString())
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(removed.getResponse().getRedirectedUrl()).startsWith("/admin/calendar");
		assertThat(this.calendar.isWorkingDay(monday, JIASHAN)).isTrue();

		MvcResult badYear = this.mvc.perform(get("/admin/calendar").param("year", "1800").session(session)).andReturn();
		assertThat(status(badYear)).isEqualTo(400);
		assertThat(body(badYear)).contains("年份须在 2000 至 2100 之间");
		assertThat(
				status(this.mvc.perform(get("/admin/calendar").param("region", AdminFixtures.HAINING).session(session))
					.andReturn()))
			.isEqualTo(403);
	}

	private MvcResult putDay(Member who, Object date, String region, String kind, String name) throws Exception {
		int year = Integer.parseInt(date.toString().substring(0, 4));
		return api(who,
				put("/api/v1/calendar/{year}/days/{date}", year, date).param("region", region)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"kind\": \"%s\", \"name\": \"%s\"}".formatted(kind, name)));
	}

	private MvcResult importFile(Member who, int year, String region, String filename, String content)
			throws Exception {
		return api(who, multipart("/api/v1/calendar/{year}/import", year).file(file(filename, content))
			.param("region", region));
	}

	private MvcResult api(Member who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, who.bearer())).andReturn();
	}

	private static MockMultipartFile file(String filename, String content) {
		return new MockMultipartFile("file", filename, "application/octet-stream",
				content.getBytes(StandardCharsets.UTF_8));
	}

	/** The first Monday of a month. */
	private static LocalDate weekday(int year, int month) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
	}

	private static LocalDate saturday(int year, int month) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
	}

	private static boolean isWeekday(LocalDate day) {
		return day.getDayOfWeek().getValue() <= 5;
	}

	private static int plainWorkingDays(int year) {
		int count = 0;
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			count += isWeekday(day) ? 1 : 0;
		}
		return count;
	}

	private static String basic(LocalDate day) {
		return day.toString().replace("-", "");
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
