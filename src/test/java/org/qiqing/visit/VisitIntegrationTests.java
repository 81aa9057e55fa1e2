package org.qiqing.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A visit and the cases heard on it are kept together once, however often the device
 * sends it; bad input is refused with a reason and keeps nothing.
 */
@IntegrationTest
class VisitIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	static final byte[] PDF = "%PDF-1.4 not a photo".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitWithTwoDifficultiesFilesTwoVisitCasesAndARepeatCreatesNothing() throws Exception {
		String key = UUID.randomUUID().toString();
		String visit = visit(key, this.world.firmA().getId(), today(), difficulty("用电增容迟迟未批"), difficulty("招工难"));
		MvcResult first = send(this.world.visitorA(), visit, photo("厂区.png", PNG));
		assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(201);
		long id = ((Number) Api.read(first, "$.id")).longValue();
		assertThat(Api.read(first, "$.photos")).isEqualTo(1);
		assertThat((List<?>) Api.read(first, "$.cases")).hasSize(2);

		List<Map<String, Object>> cases = this.jdbc
			.sql("""
					select c.channel, c.enterprise_id, c.region_code, c.state from visit_case vc join cases c on c.id = vc.case_id
					where vc.visit_id = :id""")
			.param("id", id)
			.query()
			.listOfRows();
		assertThat(cases).hasSize(2).allSatisfy(c -> {
			assertThat(c.get("channel")).isEqualTo("VISIT");
			assertThat(((Number) c.get("enterprise_id")).longValue()).isEqualTo(this.world.firmA().getId());
			assertThat(c.get("region_code")).isEqualTo("330421100");
			assertThat(c.get("state")).isEqualTo("SUBMITTED");
		});

		MvcResult repeat = send(this.world.visitorA(), visit, photo("厂区.png", PNG));
		assertThat(repeat.getResponse().getStatus()).isEqualTo(200);
		assertThat(repeat.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(visitsWithKey(key)).isEqualTo(1);
		assertThat(casesOf(id)).isEqualTo(2);
	}

	@Test
	void sendsOfTheSameVisitAtOnceStoreItAndItsCasesOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		String visit = visit(key, this.world.firmA().getId(), today(), difficulty("排污许可续期"), difficulty("道路破损"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<MvcResult>> sends = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				sends.add(() -> send(this.world.visitorA(), visit));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<MvcResult> result : pool.invokeAll(sends)) {
				statuses.add(result.get().getResponse().getStatus());
			}
			assertThat(statuses).containsOnly(201, 200).containsOnlyOnce(201);
		}
		finally {
			pool.shutdown();
		}
		assertThat(visitsWithKey(key)).isEqualTo(1);
		long id = this.jdbc.sql("select id from visit where client_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
		assertThat(casesOf(id)).isEqualTo(2);
	}

	@Test
	void badInputIsRefusedWithAReasonAndKeepsNothing() throws Exception {
		long cases = count("cases");
		long visits = count("visit");
		String key = UUID.randomUUID().toString();
		long firm = this.world.firmA().getId();
		assertRefused(
				send(this.world.visitorA(), visit(key, firm, today(), difficulty("照片")),
						new MockMultipartFile("photos", "scan.jpg", "image/jpeg", PDF)),
				"photos", "内容不是其文件名所示的 JPEG 文件");
		assertRefused(send(this.world.visitorA(), visit(key, firm, today(), difficulty("照片")),
				new MockMultipartFile("photos", "x.svg", "image/svg+xml", PNG)), "photos", "x.svg");
		assertRefused(send(this.world.visitorA(), visit(key, firm, today(), difficulty("照片")),
				new MockMultipartFile("photos", "x.png", "text/html", PNG)), "photos", "text/html");
		byte[] large = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, VisitPhotos.MAX_BYTES + 1);
		assertRefused(send(this.world.visitorA(), visit(key, firm, today(), difficulty("大照片")),
				new MockMultipartFile("photos", "big.jpg", "image/jpeg", large)), "photos", "超过 3 MB");
		assertRefused(send(this.world.visitorA(), visit(key, this.world.firmB().getId(), today())), "enterpriseId",
				"请选择您可以走访的企业");
		assertRefused(send(this.world.visitorA(), visit(key, 987654321L, today())), "enterpriseId", "请选择您可以走访的企业");
		assertRefused(send(this.world.visitorA(), visit(key, firm, today().plusDays(1), difficulty("明天的事"))),
				"visitedOn", "晚于今天");
		assertRefused(send(this.world.visitorA(), visit(key, firm, today(), difficulty("有标题"), difficulty(" "))),
				"difficulties[1].title", "第 2 项困难缺少标题");
		assertThat(count("cases")).isEqualTo(cases);
		assertThat(count("visit")).isEqualTo(visits);

		// The refusals used nothing up: the corrected visit is kept under the same key.
		assertThat(send(this.world.visitorA(), visit(key, firm, today(), difficulty("有标题"))).getResponse().getStatus())
			.isEqualTo(201);
	}

	@Test
	void onlyAVisitingOfficialRecordsVisits() throws Exception {
		MvcResult refused = this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/visits")
				.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(visit(UUID.randomUUID().toString(), this.world.firmA().getId(), today())))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(
				this.mvc.perform(MockMvcRequestBuilders.get("/visit").session(this.api.login(this.world.dispatcherA())))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(409);
	}

	@Test
	void theDeviceSendsWithItsLoginAndAFreshCsrfToken() throws Exception {
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/visits/device/session"))
			.andReturn()
			.getResponse()
			.getStatus()).as("no session: 401, not the login page").isEqualTo(401);
		MockHttpSession session = this.api.login(this.world.visitorA());
		MvcResult who = this.mvc.perform(MockMvcRequestBuilders.get("/visits/device/session").session(session))
			.andReturn();
		assertThat(Api.read(who, "$.user")).isEqualTo(this.world.visitorA().username());
		assertThat(Api.read(who, "$.csrfToken")).isNotNull();

		String key = UUID.randomUUID().toString();
		String visit = visit(key, this.world.firmA().getId(), today(), difficulty("设备同步"));
		MockMultipartHttpServletRequestBuilder withoutToken = MockMvcRequestBuilders.multipart("/visits/device/sync");
		withoutToken.file(new MockMultipartFile("visit", "", MediaType.APPLICATION_JSON_VALUE, visit.getBytes()));
		assertThat(this.mvc.perform(withoutToken.session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(visitsWithKey(key)).isZero();

		MvcResult sent = this.mvc.perform(sync(visit).session(session).with(csrf())).andReturn();
		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
		MvcResult again = this.mvc.perform(sync(visit).session(session).with(csrf())).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(again.getResponse().getContentAsString()).isEqualTo(sent.getResponse().getContentAsString());
		assertThat(visitsWithKey(key)).isEqualTo(1);

		MvcResult refused = this.mvc
			.perform(sync(visit(UUID.randomUUID().toString(), this.world.firmA().getId(), today().plusDays(3)))
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void aBatchFromTheDeviceRecordsEachVisitOnItsOwnAndARefusedOneHoldsUpNone() throws Exception {
		MockHttpSession session = this.api.login(this.world.visitorA());
		long firm = this.world.firmA().getId();
		String stored = UUID.randomUUID().toString();
		MvcResult first = this.mvc
			.perform(sync(visit(stored, firm, today(), difficulty("先到的一次"))).session(session).with(csrf()))
			.andReturn();
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		String fresh = UUID.randomUUID().toString();
		String tomorrow = UUID.randomUUID().toString();
		String withPdf = UUID.randomUUID().toString();
		long cases = count("cases");

		MockMultipartHttpServletRequestBuilder batch = MockMvcRequestBuilders.multipart("/visits/device/sync-batch");
		batch.file(new MockMultipartFile("visits", "", MediaType.APPLICATION_JSON_VALUE,
				("[" + String.join(",", visit(fresh, firm, today(), difficulty("批量一"), difficulty("批量二")),
						visit(tomorrow, firm, today().plusDays(1), difficulty("明天的事")),
						visit(stored, firm, today(), difficulty("先到的一次")),
						visit(withPdf, firm, today(), difficulty("附件不是照片"))) + "]")
					.getBytes()));
		batch.file(new MockMultipartFile("photos.0", "厂区.png", "image/png", PNG));
		batch.file(new MockMultipartFile("photos.0", "车间.png", "image/png", PNG));
		batch.file(new MockMultipartFile("photos.3", "scan.jpg", "image/jpeg", PDF));
		assertThat(this.mvc.perform(batch.session(session)).andReturn().getResponse().getStatus()).as("no CSRF token")
			.isEqualTo(403);
		MvcResult sent = this.mvc.perform(batch.session(session).with(csrf())).andReturn();

		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(200);
		assertThat((List<Object>) Api.read(sent, "$[*].clientKey")).containsExactly(fresh, tomorrow, stored, withPdf);
		assertThat((List<Object>) Api.read(sent, "$[*].status")).containsExactly(201, 400, 200, 400);
		assertThat(Api.read(sent, "$[0].visit.photos")).isEqualTo(2);
		assertThat((List<?>) Api.read(sent, "$[0].visit.cases")).hasSize(2);
		assertThat((String) Api.read(sent, "$[1].errors.visitedOn")).contains("晚于今天");
		assertThat((String) Api.read(sent, "$[3].errors.photos")).contains("内容不是其文件名所示的 JPEG 文件");
		assertThat(Api.read(sent, "$[2].visit.id")).isEqualTo(Api.read(first, "$.id"));
		assertThat(count("cases")).isEqualTo(cases + 2);
		assertThat(visitsWithKey(fresh)).isEqualTo(1);
		assertThat(visitsWithKey(tomorrow)).isZero();
		assertThat(visitsWithKey(withPdf)).isZero();
		assertThat(visitsWithKey(stored)).isEqualTo(1);

		// The whole batch again (its answer was lost): every stored visit answers as
		// before.
		MvcResult again = this.mvc.perform(batch.session(session).with(csrf())).andReturn();
		assertThat((List<Object>) Api.read(again, "$[*].status")).containsExactly(200, 400, 200, 400);
		assertThat((Object) Api.read(again, "$[0].visit")).isEqualTo(Api.read(sent, "$[0].visit"));
		assertThat(count("cases")).isEqualTo(cases + 2);
	}

	@Test
	void aBatchOfMoreVisitsThanTheDeviceSendsIsRefusedWhole() throws Exception {
		List<String> visits = new ArrayList<>();
		for (int i = 0; i <= 20; i++) {
			visits.add(visit(UUID.randomUUID().toString(), this.world.firmA().getId(), today(), difficulty("太多")));
		}
		long cases = count("cases");
		MockMultipartHttpServletRequestBuilder batch = MockMvcRequestBuilders.multipart("/visits/device/sync-batch");
		batch.file(new MockMultipartFile("visits", "", MediaType.APPLICATION_JSON_VALUE,
				("[" + String.join(",", visits) + "]").getBytes()));
		MvcResult refused = this.mvc.perform(batch.session(this.api.login(this.world.visitorA())).with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(count("cases")).isEqualTo(cases);
	}

	@Test
	void theHistoryListsTheOfficialsOwnVisitsWithTheirCasesNewestFirst() throws Exception {
		String older = UUID.randomUUID().toString();
		send(this.world.visitorA(), visit(older, this.world.firmA().getId(), today().minusDays(30), difficulty("旧账")));
		String newer = UUID.randomUUID().toString();
		MvcResult sent = send(this.world.visitorA(),
				visit(newer, this.world.firmA().getId(), today(), difficulty("历史页里的诉求")));
		String number = (String) Api.read(sent, "$.cases[0].number");

		Api api = new Api(this.mvc);
		MvcResult mine = api.get(this.world.visitorA(), "/api/v1/visits?size=100");
		List<String> days = Api.read(mine, "$.items[*].visitedOn") instanceof List<?> list
				? list.stream().map(String::valueOf).toList() : List.of();
		assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(mine.getResponse().getContentAsString()).contains(number);
		assertThat((List<?>) Api.read(api.get(this.world.dispatcherA(), "/api/v1/visits"), "$.items")).isEmpty();

		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/visits").session(this.api.login(this.world.visitorA())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(number, "历史页里的诉求", "待受理", this.world.firmA().getName());
	}

	@Test
	void linkedEnterprisesAreOfferedFirst() throws Exception {
		long link = this.jdbc
			.sql("""
					insert into link (person_id, target_kind, enterprise_id, region_path, frequency, starts_on, created_by, created_at)
					values (:me, 'ENTERPRISE', :firm, '/330400/330421/330421100/', 'MONTHLY', :from, :me, current_timestamp)""")
			.param("me", this.world.visitorA().actor().personId())
			.param("firm", this.world.firmA().getId())
			.param("from", today().minusDays(10))
			.update();
		try {
			MockHttpSession session = this.api.login(this.world.visitorA());
			MvcResult offered = this.mvc
				.perform(MockMvcRequestBuilders.get("/visits/device/enterprises").session(session))
				.andReturn();
			assertThat(Api.read(offered, "$[0].id")).isEqualTo(this.world.firmA().getId().intValue());
			assertThat(Api.read(offered, "$[0].linked")).isEqualTo(true);
			MvcResult searched = this.mvc
				.perform(MockMvcRequestBuilders.get("/visits/device/enterprises").param("q", "海宁").session(session))
				.andReturn();
			assertThat((List<?>) Api.read(searched, "$")).as("a foreign county's enterprise").isEmpty();
		}
		finally {
			this.jdbc.sql("delete from link where person_id = :me")
				.param("me", this.world.visitorA().actor().personId())
				.update();
		}
		assertThat(link).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVisitsPhotoIsShownAsSentToTheOfficialsWhoMaySeeTheEnterpriseOnly() throws Exception {
		byte[] png = Arrays.copyOf(PNG, 64);
		png[40] = 42;
		MvcResult sent = send(this.world.visitorA(),
				visit(UUID.randomUUID().toString(), this.world.firmA().getId(), today()), photo("门头.png", png));
		assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
		long visitId = ((Number) Api.read(sent, "$.id")).longValue();
		Api api = new Api(this.mvc);
		List<Number> photoIds = (List<Number>) Api.read(api.get(this.world.visitorA(), "/api/v1/visits?size=100"),
				"$.items[?(@.id == " + visitId + ")].photoIds[*]");
		assertThat(photoIds).hasSize(1);
		String photo = "/visits/" + visitId + "/photos/" + photoIds.get(0);

		MockHttpSession session = this.api.login(this.world.visitorA());
		MvcResult shown = this.mvc.perform(MockMvcRequestBuilders.get(photo).session(session)).andReturn();
		assertThat(shown.getResponse().getStatus()).isEqualTo(200);
		assertThat(shown.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(shown.getResponse().getContentAsByteArray()).isEqualTo(png);
		assertThat(shown.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(shown.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;");
		String etag = shown.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.get(photo).session(session).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(304);
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/visits").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("src=\"" + photo + "\"");

		MockHttpSession dispatcher = this.api.login(this.world.dispatcherA());
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.get("/enterprises/" + this.world.firmA().getId()).session(dispatcher))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("the enterprise's profile lists the visit with its photo")
			.contains("src=\"" + photo + "\"");
		assertThat(api.get(this.world.dispatcherA(), "/api/v1" + photo).getResponse().getStatus()).isEqualTo(200);
		assertThat(api.get(this.world.dispatcherB(), "/api/v1" + photo).getResponse().getStatus()).isEqualTo(404);
		assertThat(api.get(this.world.enterpriseA(), "/api/v1" + photo).getResponse().getStatus()).isEqualTo(404);
		assertThat(api
			.get(this.world.visitorA(), "/api/v1/visits/" + visitId + "/photos/" + (photoIds.get(0).longValue() + 1000))
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private MvcResult send(Member who, String visit, MockMultipartFile... photos) throws Exception {
		MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart("/api/v1/visits");
		request.file(new MockMultipartFile("visit", "", MediaType.APPLICATION_JSON_VALUE, visit.getBytes()));
		for (MockMultipartFile photo : photos) {
			request.file(photo);
		}
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, who.bearer())).andReturn();
	}

	private static MockMultipartHttpServletRequestBuilder sync(String visit) {
		MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart("/visits/device/sync");
		request.file(new MockMultipartFile("visit", "", MediaType.APPLICATION_JSON_VALUE, visit.getBytes()));
		return request;
	}

	private static void assertRefused(MvcResult result, String field, String reason) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat((String) Api.read(result, "$.errors['" + field + "']")).contains(reason);
	}

	static MockMultipartFile photo(String name, byte[] content) {
		return new MockMultipartFile("photos", name, "image/png", content);
	}

	static String visit(String key, long enterpriseId, LocalDate on, String... difficulties) {
		return """
				{"clientKey": "%s", "enterpriseId": %d, "visitedOn": "%s", "companions": "西塘镇 李四",
				 "met": "王经理（总经理）", "notes": "了解生产经营情况", "difficulties": [%s]}""".formatted(key, enterpriseId, on,
				String.join(",", difficulties));
	}

	private String difficulty(String title) {
		return """
				{"categoryId": %d, "title": "%s", "description": ""}""".formatted(this.world.category().id(), title);
	}

	static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	private int visitsWithKey(String key) {
		return this.jdbc.sql("select count(*) from visit where client_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private int casesOf(long visitId) {
		return this.jdbc.sql("select count(*) from visit_case where visit_id = :id")
			.param("id", visitId)
			.query(Integer.class)
			.single();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
