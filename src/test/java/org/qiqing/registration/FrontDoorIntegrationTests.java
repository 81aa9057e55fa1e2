package org.qiqing.registration;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;
import org.qiqing.casework.CategoryGuide;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The enterprise's front door: a contact registers with the credit code, cannot log in or
 * file before the service centre of his region verifies him, then reads the guide and
 * files; bad and duplicate registrations keep nothing; the first contact manages the
 * others; a service visit goes straight to the help office of the region.
 */
@IntegrationTest
class FrontDoorIntegrationTests {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Categories categories;

	@Autowired
	Units units;

	@Autowired
	RegistrationThrottle throttle;

	@Test
	void aRegistrantFilesOnlyAfterTheCentreOfHisRegionVerifiesHim() throws Exception {
		String username = unique("fd.new");
		MvcResult filed = register(this.world.firmA().getCreditCode(), phone(), null, username);
		assertThat(status(filed)).as(body(filed)).isEqualTo(201);
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		String statusUrl = (String) Api.read(filed, "$.statusUrl");

		// Pending: no login, so neither pages nor API can file anything.
		assertThat(this.api.loginOrNull(username, "password-1")).isNull();
		assertThat(body(this.mvc.perform(MockMvcRequestBuilders.get(statusUrl)).andReturn())).contains("待审核");

		// Only the centre of his region sees and decides it.
		Api api = new Api(this.mvc);
		assertThat(body(api.get(this.world.dispatcherB(), "/api/v1/registrations"))).doesNotContain(username);
		assertThat(status(api.get(this.world.dispatcherB(), "/api/v1/registrations/" + id))).isEqualTo(404);
		assertThat(status(decide(this.world.dispatcherB(), id, "verify", "\"0\"", ""))).isEqualTo(404);
		assertThat(status(decide(this.world.handlerA(), id, "verify", "\"0\"", ""))).isEqualTo(404);
		assertThat(body(api.get(this.world.dispatcherA(), "/api/v1/registrations"))).contains(username);
		assertThat(status(decide(this.world.dispatcherA(), id, "verify", null, ""))).isEqualTo(428);
		assertThat(status(decide(this.world.dispatcherA(), id, "verify", "\"7\"", ""))).isEqualTo(412);
		MvcResult verified = decide(this.world.dispatcherA(), id, "verify", "\"0\"", "");
		assertThat(status(verified)).as(body(verified)).isEqualTo(200);
		assertThat(Api.read(verified, "$.status")).isEqualTo("VERIFIED");
		// Decided once: a second decision conflicts with it.
		assertThat(status(decide(this.world.dispatcherA(), id, "verify", "\"1\"", ""))).isEqualTo(409);
		assertThat(this.jdbc.sql("""
				select count(*) from person p join person_role r on r.person_id = p.id
				where p.username = :u and p.enterprise_id = :e and r.role = 'ENTERPRISE'""")
			.param("u", username)
			.param("e", this.world.firmA().getId())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(body(this.mvc.perform(MockMvcRequestBuilders.get(statusUrl)).andReturn())).contains("已通过");

		// He logs in, reads the category's one-time notification and files.
		MockHttpSession session = this.api.loginOrNull(username, "password-1");
		assertThat(session).isNotNull();
		Category category = guidedCategory();
		assertThat(body(this.mvc.perform(MockMvcRequestBuilders.get("/cases/new").session(session)).andReturn()))
			.contains(category.name());
		assertThat(body(this.mvc
			.perform(MockMvcRequestBuilders.get("/categories/guide")
				.param("categoryId", category.id().toString())
				.session(session))
			.andReturn())).contains("地块位置", "不动产权证书");
		MvcResult case_ = this.mvc
			.perform(MockMvcRequestBuilders.post("/cases/new")
				.param("categoryId", category.id().toString())
				.param("title", "新注册联系人的诉求")
				.param("description", "厂房扩建用地指标。")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(case_.getResponse().getRedirectedUrl()).startsWith("/cases/");
	}

	@Test
	void aRefusalTellsTheRegistrantWhyAndLetsNobodyIn() throws Exception {
		String username = unique("fd.refused");
		MvcResult filed = register(this.world.firmA().getCreditCode(), null, username + "@example.cn", username);
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		assertThat(status(decide(this.world.dispatcherA(), id, "refuse", "\"0\"", "{}"))).isEqualTo(400);
		MvcResult refused = decide(this.world.dispatcherA(), id, "refuse", "\"0\"", "{\"reason\": \"非本企业员工\"}");
		assertThat(status(refused)).as(body(refused)).isEqualTo(200);
		assertThat(
				body(this.mvc.perform(MockMvcRequestBuilders.get((String) Api.read(filed, "$.statusUrl"))).andReturn()))
			.contains("未通过", "非本企业员工");
		assertThat(this.api.loginOrNull(username, "password-1")).isNull();
		// He gave an e-mail address: the outcome is on its way there, once.
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where notice_key = :key and address = :to")
			.param("key", "registration:" + id)
			.param("to", username + "@example.cn")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(status(this.mvc.perform(MockMvcRequestBuilders.get("/register/status/not-a-code")).andReturn()))
			.isEqualTo(404);
	}

	@Test
	void theDecisionIsMailedInTheLanguageTheRegistrantFiledIn() throws Exception {
		String english = unique("fd.english");
		MvcResult filed = this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/registrations")
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.content(registration(this.world.firmA().getCreditCode(), null, english + "@example.cn", english)))
			.andReturn();
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		decide(this.world.dispatcherA(), id, "refuse", "\"0\"", "{\"reason\": \"非本企业员工\"}");
		String chinese = unique("fd.chinese");
		long other = ((Number) Api
			.read(register(this.world.firmA().getCreditCode(), null, chinese + "@example.cn", chinese), "$.id"))
			.longValue();
		decide(this.world.dispatcherA(), other, "refuse", "\"0\"", "{\"reason\": \"非本企业员工\"}");

		assertThat(mailed(id)).isEqualTo("Qiqing: registration refused | 新联系人, your registration was refused: 非本企业员工");
		assertThat(mailed(other)).isEqualTo("企情在线：注册未通过 | 新联系人，您的注册未通过审核：非本企业员工");
	}

	private String mailed(long registration) {
		return this.jdbc.sql("select subject || ' | ' || body from notification_outbox where notice_key = :key")
			.param("key", "registration:" + registration)
			.query(String.class)
			.single();
	}

	@Test
	void badOrDuplicateRegistrationsAreRefusedWithAReasonAndKeepNothing() throws Exception {
		String code = this.world.firmA().getCreditCode();
		String taken = phone();
		assertThat(status(register(code, taken, null, unique("fd.dup")))).isEqualTo(201);
		int before = count();
		assertRefused(register("91330421MA2B3C4D5X", phone(), null, unique("fd.bad")), "creditCode");
		String unknown = "91330421999999999" + org.qiqing.enterprise.CreditCode.checkCharacter("91330421999999999");
		assertRefused(register(unknown, phone(), null, unique("fd.unknown")), "企业库中没有");
		assertRefused(register(code, null, null, unique("fd.none")), "phone");
		assertRefused(register(code, "12345", null, unique("fd.phone")), "phone");
		assertRefused(register(code, null, "not-an-address", unique("fd.mail")), "电子邮箱");
		assertRefused(register(code, phone(), null, this.world.enterpriseA().username()), "已被使用");
		assertRefused(register(code, taken, null, unique("fd.again")), "已在等待");
		MvcResult shortPassword = this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/registrations")
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"creditCode": "%s", "displayName": "王五", "phone": "%s", "username": "%s", "password": "short"}"""
							.formatted(code, phone(), unique("fd.short"))))
			.andReturn();
		assertRefused(shortPassword, "password");
		// The form says the same on a page, keeps what was typed and nothing else.
		MvcResult page = this.mvc
			.perform(MockMvcRequestBuilders.post("/register")
				.param("creditCode", unknown)
				.param("displayName", "王五")
				.param("phone", phone())
				.param("username", unique("fd.page"))
				.param("password", "password-1")
				.with(csrf()))
			.andReturn();
		assertThat(status(page)).isEqualTo(200);
		assertThat(body(page)).contains("企业库中没有统一社会信用代码为", unknown);
		// Without the CSRF token of the form, nothing is even looked at.
		assertThat(status(
				this.mvc.perform(MockMvcRequestBuilders.post("/register").param("creditCode", code)).andReturn()))
			.isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void oneAddressSendingTooManyRegistrationsIsHeldBack() throws Exception {
		String address = "10.9.8." + SERIAL.incrementAndGet();
		while (this.throttle.admit(address)) {
			// use up the address's window
		}
		int before = count();
		MvcResult held = this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/registrations").with(request -> {
			request.setRemoteAddr(address);
			return request;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content(registration(this.world.firmA().getCreditCode(), phone(), null, unique("fd.flood")))).andReturn();
		assertThat(status(held)).isEqualTo(429);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theFirstContactManagesTheOthersAndMayHandItOver() throws Exception {
		Api api = new Api(this.mvc);
		Member manager = this.world.enterpriseA();
		assertThat(status(api.get(manager, "/api/v1/contacts"))).isEqualTo(200);
		assertThat(status(api.get(this.world.dispatcherA(), "/api/v1/contacts"))).isEqualTo(403);
		assertThat(body(api.get(this.world.enterpriseB(), "/api/v1/contacts"))).doesNotContain(manager.username());

		// A colleague registers; the manager verifies him without the centre.
		String colleague = unique("fd.colleague");
		long id = ((Number) Api.read(register(this.world.firmA().getCreditCode(), phone(), null, colleague), "$.id"))
			.longValue();
		assertThat(body(api.get(manager, "/api/v1/registrations"))).contains(colleague);
		assertThat(body(api.get(this.world.enterpriseB(), "/api/v1/registrations"))).doesNotContain(colleague);
		assertThat(status(decide(this.world.enterpriseB(), id, "verify", "\"0\"", ""))).isEqualTo(404);
		assertThat(status(decide(manager, id, "verify", "\"0\"", ""))).isEqualTo(200);
		long colleagueId = personId(colleague);

		// He adds another himself, stops his login, and the login fails.
		String added = unique("fd.added");
		MvcResult add = api.post(manager, "/api/v1/contacts", """
				{"displayName": "钱七", "phone": "%s", "username": "%s", "password": "password-1"}""".formatted(phone(),
				added));
		assertThat(status(add)).as(body(add)).isEqualTo(201);
		assertThat(this.api.loginOrNull(added, "password-1")).isNotNull();
		assertThat(status(api.post(manager, "/api/v1/contacts/" + personId(added) + "/disable", "{}"))).isEqualTo(204);
		assertThat(this.api.loginOrNull(added, "password-1")).isNull();
		assertThat(status(api.post(manager, "/api/v1/contacts/" + manager.actor().personId() + "/disable", "{}")))
			.isEqualTo(400);
		// Nobody else's contact is his to touch.
		assertThat(status(api.post(manager,
				"/api/v1/contacts/" + this.world.enterpriseB().actor().personId() + "/disable", "{}")))
			.isEqualTo(404);

		// He hands the management over; the colleague manages now, and hands it back.
		assertThat(status(api.post(manager, "/api/v1/contacts/" + colleagueId + "/hand-over", "{}"))).isEqualTo(204);
		assertThat(status(api.get(manager, "/api/v1/contacts"))).isEqualTo(403);
		MockHttpSession session = this.api.login(colleague, "password-1");
		assertThat(body(this.mvc.perform(MockMvcRequestBuilders.get("/contacts").session(session)).andReturn()))
			.contains(manager.username(), added);
		MvcResult back = this.mvc
			.perform(MockMvcRequestBuilders.post("/contacts/" + manager.actor().personId() + "/hand-over")
				.session(session)
				.with(csrf()))
			.andReturn();
		assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/contacts");
		assertThat(status(api.get(manager, "/api/v1/contacts"))).isEqualTo(200);
	}

	@Test
	void aServiceVisitGoesToTheHelpOfficeOfTheRegionAtOnce() throws Exception {
		Unit office = this.units.findByCode("T-A-BQB")
			.orElseGet(() -> this.units
				.save(new Unit("T-A-BQB", "嘉善县帮企办", UnitKind.HELP_OFFICE, "330421", this.world.centreA().getId())));
		Api api = new Api(this.mvc);
		String day = java.time.LocalDate.now().plusDays(3).toString();
		MvcResult asked = api.post(this.world.enterpriseA(), "/api/v1/help-visits", """
				{"topic": "消防验收现场指导", "place": "3 号车间", "firstDate": "%s", "note": "请约消防部门同行。"}""".formatted(day));
		assertThat(status(asked)).as(body(asked)).isEqualTo(201);
		long id = ((Number) Api.read(asked, "$.id")).longValue();
		assertThat(Api.read(asked, "$.kind")).isEqualTo("HELP_VISIT");
		assertThat(Api.read(asked, "$.state")).isEqualTo("ASSIGNED");
		assertThat(((Number) Api.read(asked, "$.leadUnitId")).longValue()).isEqualTo(office.getId());
		assertThat(this.jdbc.sql("select action from case_event where case_id = :id order by seq")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("SUBMIT", "ASSIGN");
		// Where no help office is, up to the city, the county's service centre goes.
		MvcResult elsewhere = api.post(this.world.enterpriseB(), "/api/v1/help-visits", """
				{"topic": "用工政策宣讲", "place": "食堂", "firstDate": "%s"}""".formatted(day));
		assertThat(((Number) Api.read(elsewhere, "$.leadUnitId")).longValue()).isEqualTo(this.world.centreB().getId());

		// The enterprise sees where and when on the case page, marked as a service visit.
		MockHttpSession session = this.api.login(this.world.enterpriseA());
		assertThat(body(this.mvc.perform(MockMvcRequestBuilders.get("/cases/" + id).session(session)).andReturn()))
			.contains("3 号车间", day, "上门服务");

		// A past day, a dispatcher, or the category misused for a request: refused,
		// nothing kept.
		long cases = this.jdbc.sql("select count(*) from cases").query(Long.class).single();
		assertThat(status(api.post(this.world.enterpriseA(), "/api/v1/help-visits", """
				{"topic": "过期", "place": "厂区", "firstDate": "2020-01-01"}"""))).isEqualTo(400);
		assertThat(status(api.post(this.world.dispatcherA(), "/api/v1/help-visits", """
				{"topic": "代企业申请", "place": "厂区", "firstDate": "%s"}""".formatted(day)))).isEqualTo(409);
		long helpCategory = this.jdbc.sql("select id from case_category where code = 'HELP_VISIT'")
			.query(Long.class)
			.single();
		assertThat(status(api.post(this.world.enterpriseA(), "/api/v1/cases", """
				{"categoryId": %d, "title": "误用", "description": "误用"}""".formatted(helpCategory)))).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(cases);
	}

	private Category guidedCategory() {
		Category category = this.categories
			.find(this.jdbc.sql("select id from case_category where code = :c")
				.param("c", "T-FD-LAND")
				.query(Long.class)
				.optional()
				.orElseGet(() -> this.categories.save("T-FD-LAND", "土地规划（前门测试）", null, this.world.deptA().getId(), 5)
					.id()))
			.orElseThrow();
		this.categories.writeGuide("T-FD-LAND", new CategoryGuide("地块位置和拟建内容。", List.of("不动产权证书"), "交自规局办理。", null));
		return category;
	}

	private MvcResult register(String code, String phone, String email, String username) throws Exception {
		return this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/registrations")
				.contentType(MediaType.APPLICATION_JSON)
				.content(registration(code, phone, email, username)))
			.andReturn();
	}

	private static String registration(String code, String phone, String email, String username) {
		return """
				{"creditCode": "%s", "displayName": "新联系人", "phone": %s, "email": %s, "username": "%s",
				 "password": "password-1"}""".formatted(code, phone == null ? "null" : "\"" + phone + "\"",
				email == null ? "null" : "\"" + email + "\"", username);
	}

	private MvcResult decide(Member who, long id, String decision, String ifMatch, String json) throws Exception {
		var request = MockMvcRequestBuilders.post("/api/v1/registrations/" + id + "/" + decision)
			.header(HttpHeaders.AUTHORIZATION, who.bearer());
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		if (!json.isEmpty()) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request).andReturn();
	}

	private void assertRefused(MvcResult result, String reason) throws Exception {
		assertThat(status(result)).as(body(result)).isEqualTo(400);
		assertThat(body(result)).contains(reason);
	}

	private long personId(String username) {
		return this.jdbc.sql("select id from person where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private int count() {
		return this.jdbc.sql("select count(*) from registration").query(Integer.class).single();
	}

	private static String unique(String prefix) {
		return prefix + "." + SERIAL.incrementAndGet() + "." + System.nanoTime() % 100000;
	}

	/** A mobile number no other test uses. */
	private static String phone() {
		return "139" + String.format("%08d", (System.nanoTime() / 1000 + SERIAL.incrementAndGet()) % 100_000_000);
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
