package org.qiqing.casework;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The category tree: an administrator of the top-level region creates, renames, moves
 * (never into a cycle) and retires categories; a retired one keeps its cases and is no
 * longer offered; lead units by region pre-fill the assignment; a new database starts
 * with the default tree.
 */
@IntegrationTest
class CategoryTreeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	Categories categories;

	@Autowired
	CategoryManagement management;

	@Autowired
	CaseManagement cases;

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

	Member admin;

	@BeforeEach
	void cityAdministrator() {
		this.admin = this.world.admin();
	}

	@Test
	void aChildIsCreatedRenamedAndMovedButNeverUnderItself() throws Exception {
		long parent = create("""
				{"name": "要素保障测试", "nameEn": "Factors"}""");
		long child = create("""
				{"name": "用地测试", "parentId": %d}""".formatted(parent));
		long grandchild = create("""
				{"name": "土地指标", "parentId": %d}""".formatted(child));
		call(get("/api/v1/categories/" + child)).andExpect(jsonPath("$.parentId").value(parent))
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""));

		// Under itself, or under its own grandchild: a cycle, refused with a reason.
		call(put("/api/v1/categories/" + parent).header(HttpHeaders.IF_MATCH, "\"0\""), """
				{"name": "要素保障测试", "parentId": %d}""".formatted(grandchild)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.parentId").exists());
		call(put("/api/v1/categories/" + parent).header(HttpHeaders.IF_MATCH, "\"0\""), """
				{"name": "要素保障测试", "parentId": %d}""".formatted(parent)).andExpect(status().isBadRequest());
		assertThat(this.categories.find(parent).orElseThrow().parentId()).isNull();

		// Renamed and moved to the top, at the version it was read at.
		call(put("/api/v1/categories/" + grandchild).header(HttpHeaders.IF_MATCH, "\"0\""), """
				{"name": "用地指标", "nameEn": "Land quotas"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("用地指标"))
			.andExpect(jsonPath("$.parentId").doesNotExist())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
		call(put("/api/v1/categories/" + grandchild).header(HttpHeaders.IF_MATCH, "\"0\""), """
				{"name": "又改"}""").andExpect(status().isPreconditionFailed());
		Category moved = this.categories.find(grandchild).orElseThrow();
		assertThat(moved.name()).isEqualTo("用地指标");
		assertThat(moved.label(java.util.Locale.ENGLISH)).isEqualTo("Land quotas");
		assertThat(moved.label(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("用地指标");
		// And back under the child: no cycle there.
		call(put("/api/v1/categories/" + grandchild).header(HttpHeaders.IF_MATCH, "\"1\""), """
				{"name": "用地指标", "parentId": %d}""".formatted(child)).andExpect(status().isOk());
	}

	@Test
	void onlyAnAdministratorOfTheTopRegionChangesTheTree() throws Exception {
		Member county = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
			.adminOf(AdminFixtures.JIASHAN);
		this.mvc
			.perform(post("/api/v1/categories").header(HttpHeaders.AUTHORIZATION, county.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"县里自建\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/categories/" + this.world.category().id() + "/retire")
				.header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer())
				.header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.sql("select count(*) from case_category where name = '县里自建'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void aRetiredCategoryKeepsItsCasesButIsNoLongerOffered() throws Exception {
		long parent = create("""
				{"name": "待停用大类"}""");
		long child = create("""
				{"name": "待停用小类", "parentId": %d, "defaultUnitId": %d}""".formatted(parent,
				this.world.deptA().getId()));
		Api api = new Api(this.mvc);
		long kept = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), child);

		call(post("/api/v1/categories/" + parent + "/retire").header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.retired").value(true));

		// Its child went with it; neither is offered, on the filing form or to the visit.
		assertThat(this.categories.find(child).orElseThrow().retired()).isTrue();
		assertThat(this.categories.offered()).extracting(Category::id).doesNotContain(parent, child);
		MvcResult form = this.mvc.perform(get("/cases/new").session(this.api.login(this.world.enterpriseA())))
			.andReturn();
		assertThat(form.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain("待停用小类");
		// Filing under it is refused with a reason.
		this.mvc
			.perform(post("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, this.world.enterpriseA().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"categoryId": %d, "enterpriseId": %d, "title": "停用类别", "description": "不应受理"}"""
					.formatted(child, this.world.firmA().getId())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.categoryId").exists());
		// The case filed before keeps it, and shows it.
		this.mvc
			.perform(get("/api/v1/cases/" + kept).header(HttpHeaders.AUTHORIZATION, this.world.dispatcherA().bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.categoryId").value(child));
		String detail = this.mvc.perform(get("/cases/" + kept).session(this.api.login(this.world.dispatcherA())))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(detail).contains("待停用小类");

		// Restored, the parent comes back alone; its child waits for its own restore.
		call(post("/api/v1/categories/" + parent + "/restore").header(HttpHeaders.IF_MATCH, "\"1\""))
			.andExpect(status().isOk());
		assertThat(this.categories.offered()).extracting(Category::id).contains(parent).doesNotContain(child);
	}

	@Test
	void theLeadUnitOfTheNearestRegionPrefillsTheAssignment() throws Exception {
		long category = create("""
				{"name": "牵头测试", "defaultUnitId": %d}""".formatted(this.world.centreA().getId()));
		// A town's case, no lead unit named yet: the category's default unit.
		String town = "/330400/330421/330421100/";
		assertThat(this.management.leadUnitFor(category, town)).contains(this.world.centreA().getId());
		this.mvc
			.perform(put("/api/v1/categories/" + category + "/lead-units/330421")
				.header(HttpHeaders.AUTHORIZATION, this.admin.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"unitId\": %d}".formatted(this.world.deptA().getId())))
			.andExpect(status().isNoContent());
		assertThat(this.management.leadUnitFor(category, town)).contains(this.world.deptA().getId());
		assertThat(this.management.leadUnitFor(category, "/330400/330481/")).contains(this.world.centreA().getId());
		// A unit of Haining cannot lead Jiashan's cases; Jiashan's administrator cannot
		// name one for Haining.
		this.mvc
			.perform(put("/api/v1/categories/" + category + "/lead-units/330421")
				.header(HttpHeaders.AUTHORIZATION, this.admin.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"unitId\": %d}".formatted(this.world.deptB().getId())))
			.andExpect(status().isBadRequest());
		Member county = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
			.adminOf(AdminFixtures.JIASHAN);
		this.mvc
			.perform(put("/api/v1/categories/" + category + "/lead-units/330481")
				.header(HttpHeaders.AUTHORIZATION, county.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"unitId\": %d}".formatted(this.world.deptB().getId())))
			.andExpect(status().isForbidden());
		assertThat(this.management.leadUnitFor(category, "/330400/330481/")).contains(this.world.centreA().getId());
	}

	@Test
	void aNewDatabaseStartsWithTheDefaultTree() {
		Category land = this.jdbc.sql("select id from case_category where code = 'STD-FACTOR-LAND'")
			.query(Long.class)
			.optional()
			.flatMap(this.categories::find)
			.orElseThrow();
		assertThat(land.name()).isEqualTo("用地");
		assertThat(land.nameEn()).isEqualTo("Land");
		assertThat(this.categories.find(land.parentId()).orElseThrow().name()).isEqualTo("要素保障");
		assertThat(this.jdbc.sql("select count(*) from case_category where code like 'STD-%' and parent_id is null")
			.query(Integer.class)
			.single()).isEqualTo(10);
	}

	private long create(String json) throws Exception {
		MvcResult created = call(post("/api/v1/categories"), json).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
	}

	private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, this.admin.bearer()));
	}

	private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
		return call(request.contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
