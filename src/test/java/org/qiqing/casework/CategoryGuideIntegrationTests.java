package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The one-time notification of a category: its administrators write it through the API
 * and the page, naming the version they read; a county's administrator does not; and the
 * filing form shows it, with the limits computed from the category, as soon as the
 * category is chosen. Every test makes its own category, as the tests share the database.
 */
@IntegrationTest
class CategoryGuideIntegrationTests {

	static final String GUIDE = """
			{"needs": "新增负荷和用途", "documents": ["营业执照", " 用电申请表 ", "", "产权证明"],
			 "process": "供电公司 2 个工作日内上门勘察。", "note": "外线工程另计。"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	Categories categories;

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

	Category category;

	Member countyAdmin;

	@BeforeEach
	void aCategoryOfItsOwn() {
		this.category = this.categories.save(AdminFixtures.unique("T-GUIDE-"), AdminFixtures.unique("用电增容"), null,
				this.world.deptA().getId(), 5);
		this.countyAdmin = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
			.adminOf(AdminFixtures.JIASHAN);
	}

	@Test
	void anAdministratorOfTheCityWritesAGuideThatEveryoneReads() throws Exception {
		MvcResult read = api(this.world.enterpriseA(), get(guidePath()));
		assertThat(status(read)).isEqualTo(200);
		assertThat(read.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
		assertThat((Object) JsonPath.read(body(read), "$.needs")).isNull();

		MvcResult changed = putGuide(this.world.admin(), "\"0\"", GUIDE);
		assertThat(status(changed)).as(body(changed)).isEqualTo(200);
		assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
		List<String> documents = JsonPath.read(body(changed), "$.documents");
		assertThat(documents).containsExactly("营业执照", "用电申请表", "产权证明");
		assertThat((String) JsonPath.read(body(changed), "$.updatedBy")).isEqualTo(this.world.admin().username());

		// The list of categories carries each one's guide and version.
		MvcResult list = api(this.world.handlerB(), get("/api/v1/categories"));
		List<Map<String, Object>> mine = JsonPath.read(body(list), "$[?(@.id == " + this.category.id() + ")]");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0)).containsEntry("version", 1).containsEntry("acceptHours", 4);
		assertThat(mine.get(0).get("guide").toString()).contains("新增负荷和用途", "产权证明");

		// The limits are the category's own, and a change of them takes effect at once,
		// though the node holds the categories it has read.
		assertThat(this.categories.find(this.category.id()).orElseThrow().acceptHours()).isEqualTo(4);
		MvcResult limits = putGuide(this.world.admin(), "\"1\"", """
				{"needs": "新增负荷和用途", "acceptHours": 2, "resolveDays": 10}""");
		assertThat(status(limits)).as(body(limits)).isEqualTo(200);
		assertThat(this.categories.find(this.category.id()).orElseThrow()).satisfies(c -> {
			assertThat(c.acceptHours()).isEqualTo(2);
			assertThat(c.resolveDays()).isEqualTo(10);
			assertThat(c.contactHours()).isEqualTo(8);
			assertThat(c.stageReplyDays()).isEqualTo(3);
		});
	}

	@Test
	void aStaleMissingOrUnreadableVersionIsRefusedAndChangesNothing() throws Exception {
		assertThat(status(putGuide(this.world.admin(), "\"0\"", GUIDE))).isEqualTo(200);
		String before = row();

		MvcResult stale = putGuide(this.world.admin(), "\"0\"", "{\"needs\": \"覆盖他人的修改\"}");
		assertThat(status(stale)).isEqualTo(412);
		assertThat(status(putGuide(this.world.admin(), null, "{\"needs\": \"没有版本\"}"))).isEqualTo(428);
		assertThat(status(putGuide(this.world.admin(), "\"abc\"", "{\"needs\": \"乱写的版本\"}"))).isEqualTo(412);
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void nonsenseIsRefusedWithItsReasonsAndNothingIsHalfWritten() throws Exception {
		String before = row();
		MvcResult tooLong = putGuide(this.world.admin(), "\"0\"", """
				{"needs": "合理的说明", "process": "%s", "acceptHours": 2}""".formatted("流".repeat(4001)));
		assertThat(status(tooLong)).isEqualTo(400);
		assertThat(body(tooLong)).contains("process");
		MvcResult tooManyDocuments = putGuide(this.world.admin(), "\"0\"",
				"{\"documents\": [\"%s\", \"%s\"]}".formatted("材".repeat(2000), "料".repeat(2000)));
		assertThat(status(tooManyDocuments)).isEqualTo(400);
		MvcResult limits = putGuide(this.world.admin(), "\"0\"", """
				{"needs": "合理的说明", "acceptHours": 0, "contactHours": -3, "stageReplyDays": 0, "resolveDays": 61}""");
		assertThat(status(limits)).isEqualTo(400);
		assertThat(body(limits)).contains("acceptHours", "contactHours", "stageReplyDays", "resolveDays");
		assertThat(row()).isEqualTo(before);

		assertThat(status(api(this.world.admin(),
				put("/api/v1/categories/999999/guide").contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.IF_MATCH, "\"0\"")
					.content(GUIDE))))
			.isEqualTo(404);
		assertThat(status(api(this.world.enterpriseA(), get("/api/v1/categories/999999/guide")))).isEqualTo(404);
	}

	@Test
	void aCountyAdministratorAndOtherOfficialsDoNotChangeTheSharedCategories() throws Exception {
		String before = row();
		for (Member who : List.of(this.countyAdmin, this.world.dispatcherA(), this.world.enterpriseA())) {
			assertThat(status(putGuide(who, "\"0\"", GUIDE))).as(who.username()).isEqualTo(403);
		}
		MvcResult page = this.mvc
			.perform(post("/admin/categories/" + this.category.id()).param("version", "0")
				.param("needs", "越权")
				.param("acceptHours", "1")
				.session(this.api.login(this.countyAdmin))
				.with(csrf()))
			.andReturn();
		assertThat(status(page)).isEqualTo(403);
		assertThat(row()).isEqualTo(before);

		// He reads the page, without a form to change anything.
		String shown = body(
				this.mvc.perform(get("/admin/categories").session(this.api.login(this.countyAdmin))).andReturn());
		assertThat(shown).contains(this.category.name()).doesNotContain("name=\"acceptHours\"");
		assertThat(status(this.mvc.perform(get("/admin/categories").session(this.api.login(this.world.dispatcherA())))
			.andReturn())).isEqualTo(403);
	}

	@Test
	void theAdministrationPageChangesAGuideAndKeepsWhatWasTypedWhenItRefuses() throws Exception {
		MockHttpSession admin = this.api.login(this.world.admin());
		String page = body(this.mvc.perform(get("/admin/categories").session(admin)).andReturn());
		assertThat(page).contains(this.category.name(), "嘉善县经信局", "受理 4 个工作小时")
			.contains("action=\"/admin/categories/" + this.category.id() + "\"");

		MvcResult saved = this.mvc
			.perform(post("/admin/categories/" + this.category.id()).param("version", "0")
				.param("needs", "拟增容量")
				.param("documents", "营业执照\r\n用电申请表\r\n\r\n产权证明")
				.param("process", "勘察、方案、接电")
				.param("note", "")
				.param("acceptHours", "4")
				.param("contactHours", "8")
				.param("stageReplyDays", "3")
				.param("resolveDays", "7")
				.session(admin)
				.with(csrf()))
			.andReturn();
		assertThat(saved.getResponse().getRedirectedUrl())
			.isEqualTo("/admin/categories#category-" + this.category.id());
		assertThat(body(this.mvc.perform(get("/admin/categories").session(admin)).andReturn())).contains("已保存");
		assertThat(this.jdbc
			.sql("select guide_documents || '|' || resolve_days || '|' || version from case_category where id = :id")
			.param("id", this.category.id())
			.query(String.class)
			.single()).isEqualTo("营业执照\n用电申请表\n产权证明|7|1");

		String before = row();
		MvcResult refused = this.mvc
			.perform(post("/admin/categories/" + this.category.id()).param("version", "1")
				.param("needs", "新的说明")
				.param("acceptHours", "4")
				.param("contactHours", "8")
				.param("stageReplyDays", "3")
				.param("resolveDays", "90")
				.session(admin)
				.with(csrf()))
			.andReturn();
		assertThat(refused.getFlashMap().get("problem").toString()).contains("resolveDays");
		assertThat(row()).isEqualTo(before);
		// The browser follows the redirect: the form is open again with what was typed.
		String again = body(this.mvc.perform(get("/admin/categories").session(admin)).andReturn());
		assertThat(again).contains("新的说明", "value=\"90\"", "resolveDays须在 1 至 60 个工作日之间，当前为 90");

		MvcResult stale = this.mvc
			.perform(post("/admin/categories/" + this.category.id()).param("version", "0")
				.param("needs", "旧版本上的修改")
				.session(admin)
				.with(csrf()))
			.andReturn();
		assertThat(stale.getFlashMap().get("stale")).isEqualTo(this.category.id());
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void theFilingFormShowsTheChosenCategorysGuideWithItsLimits() throws Exception {
		MockHttpSession enterprise = this.api.login(this.world.enterpriseA());
		String form = body(this.mvc.perform(get("/cases/new").session(enterprise)).andReturn());
		assertThat(form).contains("hx-get=\"/categories/guide\"", "name=\"categoryId\"", "hx-target=\"#guide\"",
				"id=\"guide\"");
		// Choosing no category again empties the guide.
		assertThat(body(this.mvc.perform(get("/categories/guide").session(enterprise)).andReturn()))
			.contains("id=\"guide\"")
			.doesNotContain("一次性告知");

		// Without a guide: only the limits.
		String bare = body(this.mvc.perform(get(fragmentPath()).session(enterprise)).andReturn());
		assertThat(bare).contains("受理：4 个工作小时内；办结：5 个工作日内", "本类别尚未填写告知内容")
			.doesNotContain("所需材料")
			.doesNotContain("<html");

		assertThat(status(putGuide(this.world.admin(), "\"0\"", GUIDE))).isEqualTo(200);
		MvcResult guided = this.mvc.perform(get(fragmentPath()).session(this.api.login(this.world.visitorA())))
			.andReturn();
		assertThat(status(guided)).isEqualTo(200);
		assertThat(body(guided)).contains("一次性告知", this.category.name(), "需要说明的情况", "新增负荷和用途", "所需材料", "<li>营业执照</li>",
				"<li>产权证明</li>", "办理流程", "外线工程另计。", "受理：4 个工作小时内；办结：5 个工作日内");

		String english = body(
				this.mvc.perform(get(fragmentPath()).session(enterprise).param("lang", "en")).andReturn());
		assertThat(english).contains("Accepted within 4 working hours; resolved within 5 working days");
		assertThat(status(this.mvc.perform(get("/categories/guide?categoryId=999999").session(enterprise)).andReturn()))
			.isEqualTo(404);
	}

	private String guidePath() {
		return "/api/v1/categories/" + this.category.id() + "/guide";
	}

	private String fragmentPath() {
		return "/categories/guide?categoryId=" + this.category.id();
	}

	/** The whole row of the category, to see that nothing of it changed. */
	private String row() {
		return this.jdbc.sql("select * from case_category where id = :id")
			.param("id", this.category.id())
			.query()
			.singleRow()
			.toString();
	}

	private MvcResult putGuide(Member who, String ifMatch, String json) throws Exception {
		MockHttpServletRequestBuilder request = put(guidePath()).contentType(MediaType.APPLICATION_JSON).content(json);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return api(who, request);
	}

	private MvcResult api(Member who, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, who.bearer())).andReturn();
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
