package org.qiqing.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.Enterprises;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Links, bulk assignment and coverage through the API, with visits written as the visit
 * module would write them (plain SQL). Each test makes its own enterprises, as the tests
 * share the database.
 */
@IntegrationTest
class LinkageIntegrationTests {

	static final LocalDate TODAY = LocalDate.now(CHINA);

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	Api api() {
		return new Api(this.mvc);
	}

	Enterprise firmIn(String town) {
		return this.enterprises.save(new Enterprise(AdminFixtures.creditCode(), AdminFixtures.unique("挂联测试企业"), town));
	}

	void visit(Member who, Enterprise firm, LocalDate on) {
		this.jdbc.sql("""
				insert into visit (client_key, visitor_id, enterprise_id, region_path, visited_on, created_at)
				values (:key, :visitor, :enterprise, '/330400/330421/330421100/', :on, current_timestamp)""")
			.param("key", UUID.randomUUID().toString())
			.param("visitor", who.actor().personId())
			.param("enterprise", firm.getId())
			.param("on", on)
			.update();
	}

	MvcResult link(Member who, String json) throws Exception {
		return api().post(who, "/api/v1/links", json);
	}

	String linkOf(Member holder, Enterprise firm, String frequency, LocalDate startsOn) {
		return """
				{"personId": %d, "creditCode": "%s", "frequency": "%s", "startsOn": "%s"}"""
			.formatted(holder.actor().personId(), firm.getCreditCode(), frequency, startsOn);
	}

	@Test
	void aDispatcherLinksAVisitorAndCoverageCountsHisVisitThisMonth() throws Exception {
		Enterprise visited = firmIn("330421100");
		Enterprise unvisited = firmIn("330421100");
		Member visitor = this.world.visitorA();
		LocalDate start = TODAY.withDayOfMonth(1);
		assertThat(status(link(this.world.dispatcherA(), linkOf(visitor, visited, "MONTHLY", start)))).isEqualTo(201);
		assertThat(status(link(this.world.dispatcherA(), linkOf(visitor, unvisited, "MONTHLY", start)))).isEqualTo(201);
		visit(visitor, visited, TODAY);
		// A visit by someone not linked does not count.
		visit(this.world.leaderA(), unvisited, TODAY);

		MvcResult mine = api().get(visitor, "/api/v1/coverage?show=ALL");
		assertThat(status(mine)).as(body(mine)).isEqualTo(200);
		assertThat(body(mine)).contains(visited.getName()).contains(unvisited.getName());
		List<Object> states = list(mine, "$.links[?(@.enterpriseId == " + visited.getId() + ")].state");
		assertThat(states).containsExactly("MET");

		MvcResult county = api().get(this.world.leaderA(), "/api/v1/coverage?region=330421");
		assertThat(status(county)).isEqualTo(200);
		assertThat(body(county)).contains(unvisited.getName()).doesNotContain(visited.getName());
		assertThat(body(county)).contains("西塘镇");
		// The other county sees none of it: not even its towns.
		MvcResult foreign = api().get(this.world.dispatcherB(), "/api/v1/coverage?region=330421&show=ALL");
		assertThat(status(foreign)).isEqualTo(404);
		assertThat(body(foreign)).doesNotContain(visited.getName()).doesNotContain("西塘镇");
		assertThat(status(this.mvc
			.perform(get("/coverage").param("region", "330421100").session(api().login(this.world.dispatcherB())))
			.andReturn())).isEqualTo(404);
		// Nor does the county see the city's other counties, nor is it led up there.
		assertThat(status(api().get(this.world.leaderA(), "/api/v1/coverage?region=330400"))).isEqualTo(404);
		assertThat(list(county, "$.focus.trail[*].key")).doesNotContain("330400");
		assertThat(status(api().get(this.world.dispatcherB(), "/api/v1/coverage?person=" + visitor.actor().personId())))
			.isEqualTo(404);
	}

	@Test
	void aQuarterlyLinkVisitedLastMonthOfTheQuarterIsMetAndAMonthlyOneUnvisitedLastMonthIsBehind() throws Exception {
		Enterprise firm = firmIn("330421100");
		Member visitor = this.world.visitorA();
		LocalDate lastMonth = TODAY.minusMonths(1).withDayOfMonth(1);
		assertThat(status(link(this.world.dispatcherA(), linkOf(visitor, firm, "MONTHLY", lastMonth)))).isEqualTo(201);
		MvcResult behind = api().get(visitor,
				"/api/v1/coverage?show=BEHIND&period=" + java.time.YearMonth.from(lastMonth));
		assertThat(list(behind, "$.links[?(@.enterpriseId == " + firm.getId() + ")].state")).containsExactly("BEHIND");
		MvcResult year = api().get(visitor, "/api/v1/coverage?show=ALL&period=" + TODAY.getYear());
		assertThat(status(year)).isEqualTo(200);
	}

	@Test
	void aRegionsRowsTallyEachSubRegionAsItsOwnCoverageDoes() throws Exception {
		Enterprise firm = firmIn("330421100");
		assertThat(status(link(this.world.dispatcherA(),
				linkOf(this.world.visitorA(), firm, "MONTHLY", TODAY.withDayOfMonth(1)))))
			.isEqualTo(201);
		MvcResult county = api().get(this.world.leaderA(), "/api/v1/coverage?region=330421");
		MvcResult town = api().get(this.world.leaderA(), "/api/v1/coverage?region=330421100");
		assertThat(list(county, "$.rows[*].key")).contains("330421100");
		assertThat(list(county, "$.rows[?(@.key == '330421100')].tally")).containsExactly(Api.read(town, "$.total"));
		assertThat((Integer) Api.read(town, "$.total.links")).isPositive();
		// Every link of the county lies in one of its rows.
		assertThat(list(county, "$.rows[*].tally.links").stream().mapToInt(links -> (Integer) links).sum())
			.isEqualTo((Integer) Api.read(county, "$.total.links"));
	}

	@Test
	void theCoveragePageWritesItsLinksAsTheyAreAndItsScriptIsServedThere() throws Exception {
		Enterprise firm = firmIn("330421100");
		assertThat(status(link(this.world.dispatcherA(),
				linkOf(this.world.visitorA(), firm, "MONTHLY", TODAY.withDayOfMonth(1)))))
			.isEqualTo(201);
		MvcResult page = this.mvc
			.perform(get("/coverage").param("region", "330421").session(api().login(this.world.leaderA())))
			.andReturn();
		assertThat(status(page)).isEqualTo(200);
		assertThat(body(page)).contains("西塘镇")
			.contains(firm.getName())
			.contains("href=\"/enterprises/" + firm.getId() + "\"")
			// Not looked up as a static resource to be given the webjar's version.
			.contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"");
		assertThat(status(this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn())).isEqualTo(200);
	}

	@Test
	void theSameHolderTargetAndOverlappingPeriodIsOneLink() throws Exception {
		Enterprise firm = firmIn("330421100");
		String json = linkOf(this.world.visitorA(), firm, "QUARTERLY", TODAY);
		assertThat(status(link(this.world.dispatcherA(), json))).isEqualTo(201);
		MvcResult again = link(this.world.dispatcherA(), json);
		assertThat(status(again)).isEqualTo(409);
		assertThat(links(firm)).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndNothingKept() throws Exception {
		Enterprise firm = firmIn("330421100");
		Member d = this.world.dispatcherA();
		long visitor = this.world.visitorA().actor().personId();
		assertThat(body(link(d, """
				{"personId": %d, "creditCode": "91330421MA0000000X", "frequency": "MONTHLY", "startsOn": "%s"}"""
			.formatted(visitor, TODAY)))).contains("不是有效的统一社会信用代码");
		assertThat(body(link(d, """
				{"personId": %d, "creditCode": "%s", "frequency": "MONTHLY", "startsOn": "%s"}""".formatted(visitor,
				AdminFixtures.creditCode(), TODAY))))
			.contains("没有统一社会信用代码为");
		assertThat(
				body(link(d,
						"""
								{"personId": %d, "creditCode": "%s", "frequency": "MONTHLY", "startsOn": "%s", "endsOn": "%s"}"""
							.formatted(visitor, firm.getCreditCode(), TODAY, TODAY.minusDays(1)))))
			.contains("不能早于开始日期");
		assertThat(body(link(d, """
				{"personId": %d, "creditCode": "%s", "frequency": "WEEKLY", "startsOn": "%s"}""".formatted(visitor,
				firm.getCreditCode(), TODAY))))
			.contains("frequency“WEEKLY”无效");
		MvcResult foreignPerson = link(d, linkOf(this.world.handlerB(), firm, "MONTHLY", TODAY));
		assertThat(status(foreignPerson)).isEqualTo(400);
		assertThat(body(foreignPerson)).contains("不在您的辖区内");
		MvcResult foreignFirm = link(d, linkOf(this.world.visitorA(), this.world.firmB(), "MONTHLY", TODAY));
		assertThat(body(foreignFirm)).contains("的注册地不在您的辖区内");
		assertThat(links(firm)).isZero();
		assertThat(status(link(this.world.visitorA(), linkOf(this.world.visitorA(), firm, "MONTHLY", TODAY))))
			.isEqualTo(403);
		assertThat(status(link(this.world.supervisorA(), linkOf(this.world.visitorA(), firm, "MONTHLY", TODAY))))
			.isEqualTo(403);
		MvcResult header = importFile(d, "code,name\n" + firm.getCreditCode() + ",x\n");
		assertThat(status(header)).isEqualTo(400);
		assertThat(body(header)).contains("缺少：credit_code");
		assertThat(links(firm)).isZero();
	}

	@Test
	void changingAndEndingNeedTheCurrentVersionAndAManagerOfTheJurisdiction() throws Exception {
		Enterprise firm = firmIn("330421100");
		MvcResult made = link(this.world.dispatcherA(), linkOf(this.world.visitorA(), firm, "MONTHLY", TODAY));
		long id = ((Number) Api.read(made, "$.id")).longValue();
		String terms = "{\"frequency\": \"QUARTERLY\", \"startsOn\": \"" + TODAY + "\"}";
		assertThat(status(put(this.world.dispatcherB(), "/api/v1/links/" + id, "\"0\"", terms))).isEqualTo(404);
		assertThat(status(put(this.world.leaderA(), "/api/v1/links/" + id, null, terms))).isEqualTo(428);
		assertThat(status(put(this.world.leaderA(), "/api/v1/links/" + id, "\"0\"", terms))).isEqualTo(200);
		assertThat(status(put(this.world.leaderA(), "/api/v1/links/" + id, "\"0\"", terms))).isEqualTo(412);
		MvcResult ended = this.mvc
			.perform(post(this.world.leaderA(), "/api/v1/links/" + id + "/end").header(HttpHeaders.IF_MATCH, "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"endsOn\": \"" + TODAY.plusDays(1) + "\"}"))
			.andReturn();
		assertThat(status(ended)).as(body(ended)).isEqualTo(200);
		assertThat((String) Api.read(ended, "$.endsOn")).isEqualTo(TODAY.plusDays(1).toString());
		assertThat((String) Api.read(ended, "$.frequency")).isEqualTo("QUARTERLY");
	}

	@Test
	void bulkFromPastedCodesReportsEachBadLineAndRepeatingItLinksNothingTwice() throws Exception {
		Enterprise one = firmIn("330421100");
		Enterprise two = firmIn("330421100");
		String codes = String.join("\n", one.getCreditCode(), "not-a-code", "", AdminFixtures.creditCode(),
				this.world.firmB().getCreditCode(), two.getCreditCode().toLowerCase());
		String json = """
				{"username": "%s", "frequency": "QUARTERLY", "startsOn": "%s", "creditCodes": "%s"}"""
			.formatted(this.world.visitorA().username(), TODAY, codes.replace("\n", "\\n"));
		MvcResult first = api().post(this.world.dispatcherA(), "/api/v1/links/bulk", json);
		assertThat(status(first)).as(body(first)).isEqualTo(200);
		assertThat((Integer) Api.read(first, "$.created")).isEqualTo(2);
		assertThat(list(first, "$.rejected[*].line")).containsExactly(2, 4, 5);
		MvcResult again = api().post(this.world.dispatcherA(), "/api/v1/links/bulk", json);
		assertThat((Integer) Api.read(again, "$.created")).isZero();
		assertThat((Integer) Api.read(again, "$.updated")).isEqualTo(2);
		assertThat(links(one)).isEqualTo(1);
		assertThat(links(two)).isEqualTo(1);
	}

	@Test
	void twoBulkAssignmentsOfTheSameHolderSentTogetherLinkEachEnterpriseOnce() throws Exception {
		List<Enterprise> firms = IntStream.range(0, 300).mapToObj(i -> firmIn("330421100")).toList();
		String json = """
				{"username": "%s", "frequency": "MONTHLY", "startsOn": "%s", "creditCodes": "%s"}""".formatted(
				this.world.visitorA().username(), TODAY,
				String.join("\\n", firms.stream().map(Enterprise::getCreditCode).toList()));
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<MvcResult>> sent = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
			try {
				together.await();
				return api().post(this.world.dispatcherA(), "/api/v1/links/bulk", json);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).limit(2).toList();
		int created = 0;
		for (CompletableFuture<MvcResult> one : sent) {
			MvcResult result = one.get();
			assertThat(status(result)).as(body(result)).isEqualTo(200);
			created += (Integer) Api.read(result, "$.created");
		}
		assertThat(created).isEqualTo(firms.size());
		assertThat(firms.stream().mapToInt(this::links).sum()).isEqualTo(firms.size());
	}

	@Test
	void aGroupsLinksAreMetByAVisitOfAMemberAndItsFileImportIsStreamed() throws Exception {
		Enterprise firm = firmIn("330421100");
		MvcResult group = api().post(this.world.leaderA(), "/api/v1/work-groups", """
				{"name": "%s", "leaderUsername": "%s", "regionCode": "330421", "memberUsernames": ["%s"]}"""
			.formatted(AdminFixtures.unique("专班"), this.world.leaderA().username(), this.world.visitorA().username()));
		assertThat(status(group)).as(body(group)).isEqualTo(201);
		long groupId = ((Number) Api.read(group, "$.id")).longValue();
		MvcResult imported = this.mvc
			.perform(multipart("/api/v1/links/import")
				.file(new MockMultipartFile("file", "links.csv", "text/csv",
						("credit_code,frequency\n" + firm.getCreditCode() + ",MONTHLY\n")
							.getBytes(StandardCharsets.UTF_8)))
				.param("groupId", Long.toString(groupId))
				.param("startsOn", TODAY.withDayOfMonth(1).toString())
				.header(HttpHeaders.AUTHORIZATION, this.world.leaderA().bearer()))
			.andReturn();
		assertThat((Integer) Api.read(imported, "$.created")).as(body(imported)).isEqualTo(1);
		visit(this.world.visitorA(), firm, TODAY);
		MvcResult coverage = api().get(this.world.leaderA(), "/api/v1/coverage?show=ALL&group=" + groupId);
		assertThat(list(coverage, "$.links[*].state")).containsExactly("MET");
		assertThat(list(coverage, "$.rows[*].name")).contains(this.world.visitorA().username());
		assertThat(status(api().get(this.world.dispatcherB(), "/api/v1/work-groups/" + groupId))).isEqualTo(404);
		// A member sees his group but changes nothing of it.
		assertThat(status(put(this.world.visitorA(), "/api/v1/work-groups/" + groupId, "\"0\"", """
				{"name": "改名", "leaderUsername": "%s", "regionCode": "330421"}"""
			.formatted(this.world.visitorA().username())))).isEqualTo(403);
		assertThat(status(api().get(this.world.visitorA(), "/api/v1/work-groups/" + groupId))).isEqualTo(200);

		MvcResult xlsx = this.mvc
			.perform(get("/coverage/export").param("group", Long.toString(groupId))
				.session(api().login(this.world.leaderA())))
			.andReturn();
		assertThat(status(xlsx)).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(firm.getCreditCode());
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(MvcResult result, String path) throws Exception {
		return (List<Object>) Api.read(result, path);
	}

	private MvcResult importFile(Member who, String csv) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/links/import")
				.file(new MockMultipartFile("file", "links.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("username", this.world.visitorA().username())
				.param("frequency", "MONTHLY")
				.param("startsOn", TODAY.toString())
				.header(HttpHeaders.AUTHORIZATION, who.bearer()))
			.andReturn();
	}

	private MvcResult put(Member who, String path, String ifMatch, String json) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
			.header(HttpHeaders.AUTHORIZATION, who.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return this.mvc.perform(request).andReturn();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post(Member who, String path) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header(HttpHeaders.AUTHORIZATION, who.bearer());
	}

	private int links(Enterprise firm) {
		return this.jdbc.sql("select count(*) from link where enterprise_id = :id")
			.param("id", firm.getId())
			.query(Integer.class)
			.single();
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
