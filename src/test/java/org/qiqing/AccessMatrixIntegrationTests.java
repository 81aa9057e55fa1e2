package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who sees what, proved for every endpoint and page the application has: each member of
 * the {@link TestWorld}, of every role, calls each of them against a case, an enterprise
 * and a unit of the other county, and must get nothing of it; and the members who should
 * see their own county's case do. An endpoint without a rule here fails the test, so none
 * is added unchecked.
 */
@IntegrationTest
class AccessMatrixIntegrationTests {

	/**
	 * Endpoints that show no data of any case, enterprise or unit, or only the caller's
	 * own.
	 */
	static final Set<String> NEUTRAL = Set.of("GET /login", "GET /", "GET /api/v1/categories", "GET /tokens",
			"POST /tokens");

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

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

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * One probe per endpoint: calls it as a member against the foreign things and reports
	 * leaks.
	 */
	interface Probe {

		void run(Member who, Things foreign, List<String> leaks) throws Exception;

	}

	/** A county's case (with an attachment), its enterprise and its lead unit. */
	record Things(long caseId, String number, String title, String enterpriseName, long enterpriseId, long attachmentId,
			long unitId) {
	}

	private Things countyA;

	private Things countyB;

	/** Administrators of one county each, beside the city's. */
	private Member adminA;

	private Member adminB;

	private final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();

	@BeforeEach
	void createACaseInEachCounty() throws Exception {
		if (this.countyA == null) {
			this.countyA = caseOf(this.world.enterpriseA(), this.world.dispatcherA(), this.world.handlerA(),
					this.world.deptA().getId(), this.world.firmA().getId(), this.world.firmA().getName());
			this.countyB = caseOf(this.world.enterpriseB(), this.world.dispatcherB(), this.world.handlerB(),
					this.world.deptB().getId(), this.world.firmB().getId(), this.world.firmB().getName());
			AdminFixtures admins = new AdminFixtures(this.regions, this.units, this.people, this.tokens);
			this.adminA = admins.adminOf(AdminFixtures.JIASHAN);
			this.adminB = admins.adminOf(AdminFixtures.HAINING);
		}
	}

	@Test
	void everyEndpointHasAnAccessRule() {
		Set<String> uncovered = new TreeSet<>();
		for (String endpoint : endpoints()) {
			if (!NEUTRAL.contains(endpoint) && !probes().containsKey(endpoint)) {
				uncovered.add(endpoint);
			}
		}
		assertThat(uncovered).as("endpoints without a rule in AccessMatrixIntegrationTests").isEmpty();
	}

	@Test
	void nobodySeesOrTouchesTheOtherCountysCaseEnterpriseOrUnit() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Member who : countyAMembers()) {
			for (Map.Entry<String, Probe> probe : probes().entrySet()) {
				probe.getValue().run(who, this.countyB, leaks);
			}
		}
		for (Member who : List.of(this.world.dispatcherB(), this.world.handlerB(), this.world.enterpriseB(),
				this.adminB)) {
			for (Map.Entry<String, Probe> probe : probes().entrySet()) {
				probe.getValue().run(who, this.countyA, leaks);
			}
		}
		assertThat(leaks).as("leaks").isEmpty();
	}

	@Test
	void theOwnCountysCaseIsSeenByThoseItConcerns() throws Exception {
		for (Member who : List.of(this.world.enterpriseA(), this.world.dispatcherA(), this.world.handlerA(),
				this.world.leaderA(), this.world.supervisorA(), this.world.visitorA(), this.world.admin())) {
			MvcResult api = call(who, get("/api/v1/cases/" + this.countyA.caseId()));
			assertThat(api.getResponse().getStatus()).as(who.username()).isEqualTo(200);
			MvcResult page = page(who, get("/cases/" + this.countyA.caseId()));
			assertThat(page.getResponse().getContentAsString()).as(who.username()).contains(this.countyA.number());
			MvcResult list = call(who, get("/api/v1/cases?size=100"));
			assertThat(list.getResponse().getContentAsString()).as(who.username()).contains(this.countyA.number());
		}
		// A unit that has nothing to do with the case does not see it, though it is in
		// the same county.
		assertThat(call(this.world.otherHandlerA(), get("/api/v1/cases/" + this.countyA.caseId())).getResponse()
			.getStatus()).isEqualTo(404);
	}

	private Map<String, Probe> probes() {
		Map<String, Probe> probes = new LinkedHashMap<>();
		probes.put("GET /api/v1/cases/{id}", (who, t, leaks) -> hidden(who, "/api/v1/cases/" + t.caseId(), t, leaks));
		probes.put("GET /api/v1/cases/{id}/timeline",
				(who, t, leaks) -> hidden(who, "/api/v1/cases/" + t.caseId() + "/timeline", t, leaks));
		probes.put("GET /api/v1/cases/{id}/verification",
				(who, t, leaks) -> hidden(who, "/api/v1/cases/" + t.caseId() + "/verification", t, leaks));
		probes.put("GET /api/v1/cases/{id}/attachments/{attachmentId}", (who, t, leaks) -> hidden(who,
				"/api/v1/cases/" + t.caseId() + "/attachments/" + t.attachmentId(), t, leaks));
		probes.put("GET /api/v1/cases", (who, t, leaks) -> {
			listed(who, "/api/v1/cases?size=100", t, leaks);
			listed(who, "/api/v1/cases?size=100&q=" + t.number(), t, leaks);
		});
		probes.put("GET /api/v1/queue", (who, t, leaks) -> listed(who, "/api/v1/queue?size=100", t, leaks));
		probes.put("POST /api/v1/cases", (who, t, leaks) -> {
			long before = count(t);
			MvcResult result = call(who, post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryId\": %d, \"enterpriseId\": %d, \"title\": \"越权\", \"description\": \"越权提交\"}"
					.formatted(this.world.category().id(), t.enterpriseId())));
			if (count(t) != before) {
				leaks.add(line(who, "POST /api/v1/cases created a case for the foreign enterprise", result));
			}
		});
		probes.put("POST /api/v1/cases/{id}/{action}",
				(who, t, leaks) -> untouched(who, t, leaks, () -> apiStep(who, t, "accept", "{}"),
						() -> apiStep(who, t, "stage-reply", "{\"note\": \"越权\"}"),
						() -> apiStep(who, t, "rate", "{\"rating\": \"UNSATISFIED\"}")));
		probes.put("GET /cases/{id}", (who, t, leaks) -> hidden(who, page(who, get("/cases/" + t.caseId())), t, leaks));
		probes.put("GET /cases/{id}/attachments/{attachmentId}", (who, t, leaks) -> hidden(who,
				page(who, get("/cases/" + t.caseId() + "/attachments/" + t.attachmentId())), t, leaks));
		probes.put("POST /cases/{id}/steps/{action}",
				(who, t, leaks) -> untouched(who, t, leaks,
						() -> page(who, post("/cases/" + t.caseId() + "/steps/accept").param("version", "0")),
						() -> page(who, post("/cases/" + t.caseId() + "/steps/stage-reply").param("version", "0")
							.param("note", "越权"))));
		probes.put("GET /cases", (who, t, leaks) -> {
			listed(who, page(who, get("/cases")), t, leaks);
			// The search box repeats the query, so search by number and look for the
			// other facts.
			MvcResult searched = page(who, get("/cases").param("q", t.number()));
			String body = searched.getResponse().getContentAsString();
			if (body.contains(t.title()) || body.contains(t.enterpriseName())) {
				leaks.add(line(who, "GET /cases?q=" + t.number(), searched));
			}
		});
		probes.put("GET /queue", (who, t, leaks) -> listed(who, page(who, get("/queue")), t, leaks));
		probes.put("GET /board", (who, t, leaks) -> listed(who, page(who, get("/board")), t, leaks));
		probes.put("GET /enterprises/suggest",
				(who, t, leaks) -> listed(who, page(who, get("/enterprises/suggest").param("q", "测试")), t, leaks));
		probes.put("GET /cases/new", (who, t, leaks) -> listed(who,
				page(who, get("/cases/new").param("enterpriseId", Long.toString(t.enterpriseId()))), t, leaks));
		probes.put("GET /visit", (who, t, leaks) -> listed(who,
				page(who, get("/visit").param("enterpriseId", Long.toString(t.enterpriseId()))), t, leaks));
		for (String form : List.of("/cases/new", "/visit")) {
			probes.put("POST " + form, (who, t, leaks) -> {
				long before = count(t);
				MvcResult result = page(who,
						post(form).param("enterpriseId", Long.toString(t.enterpriseId()))
							.param("categoryId", Long.toString(this.world.category().id()))
							.param("title", "越权")
							.param("description", "越权提交"));
				if (count(t) != before) {
					leaks.add(line(who, "POST " + form + " created a case for the foreign enterprise", result));
				}
			});
		}
		probes.put("POST /tokens/{id}/revoke", (who, t, leaks) -> {
			long tokenOfAnother = this.jdbc
				.sql("select min(id) from api_token where person_id <> :me and revoked_at is null")
				.param("me", who.actor().personId())
				.query(Long.class)
				.single();
			MvcResult result = page(who, post("/tokens/" + tokenOfAnother + "/revoke"));
			boolean revoked = this.jdbc.sql("select revoked_at is not null from api_token where id = :id")
				.param("id", tokenOfAnother)
				.query(Boolean.class)
				.single();
			if (revoked) {
				leaks.add(line(who, "POST /tokens/{id}/revoke revoked another person's token", result));
			}
		});
		administrationProbes(probes);
		administrationPageProbes(probes);
		return probes;
	}

	/**
	 * Regions, units, people and the enterprise registry: nothing of the other county is
	 * listed or changed, not even by its administrators. Units are public (anyone picks a
	 * handling unit), so reading one is allowed, but changing it is not.
	 */
	private void administrationProbes(Map<String, Probe> probes) {
		probes.put("GET /api/v1/regions",
				(who, t, leaks) -> absent(who, call(who, get("/api/v1/regions")), "\"" + regionOf(t) + "\"", leaks));
		probes.put("PUT /api/v1/regions/{code}",
				(who, t, leaks) -> unchanged(who, leaks,
						() -> number("select count(*) from region where name = '越权'", null),
						() -> call(who, put("/api/v1/regions/" + regionOf(t)).contentType(MediaType.APPLICATION_JSON)
							.content("{\"name\": \"越权\", \"level\": \"TOWN\"}"))));
		probes.put("GET /api/v1/units", (who, t, leaks) -> listed(who, "/api/v1/units", t, leaks));
		probes.put("GET /api/v1/units/{id}", (who, t, leaks) -> listed(who, "/api/v1/units/" + t.unitId(), t, leaks));
		probes.put("POST /api/v1/units", (who, t, leaks) -> unchanged(who, leaks, () -> unitsOf(t),
				() -> call(who, post("/api/v1/units").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\": \"%s\", \"name\": \"越权\", \"kind\": \"OFFICE\", \"regionCode\": \"%s\"}"
						.formatted(AdminFixtures.unique("X-"), regionOf(t))))));
		probes.put("PUT /api/v1/units/{id}",
				(who, t, leaks) -> unchanged(who, leaks, () -> unitVersion(t),
						() -> call(who,
								put("/api/v1/units/" + t.unitId()).contentType(MediaType.APPLICATION_JSON)
									.header(HttpHeaders.IF_MATCH, "\"" + unitVersion(t) + "\"")
									.content("{\"name\": \"越权\", \"kind\": \"OFFICE\", \"regionCode\": \"%s\"}"
										.formatted(regionOf(t))))));
		probes.put("POST /api/v1/units/import",
				(who, t, leaks) -> importsNothing(who, leaks, () -> unitVersion(t) * 1000 + unitsOf(t),
						"/api/v1/units/import", "code,name,kind,region_code\n%s,越权,OFFICE,%s\n%s,越权,OFFICE,%s\n"
							.formatted(unitCode(t), regionOf(t), AdminFixtures.unique("X-"), regionOf(t))));
		probes.put("GET /api/v1/people", (who, t, leaks) -> {
			absent(who, call(who, get("/api/v1/people?size=100")), personOf(t), leaks);
			absent(who, call(who, get("/api/v1/people").param("q", personOf(t))), personOf(t), leaks);
		});
		probes.put("GET /api/v1/people/{id}", (who, t, leaks) -> {
			MvcResult result = call(who, get("/api/v1/people/" + personIdOf(t)));
			if (result.getResponse().getStatus() == 200) {
				leaks.add(line(who, "GET /api/v1/people/{id} of the other county", result));
			}
			absent(who, result, personOf(t), leaks);
		});
		probes.put("POST /api/v1/people", (who, t, leaks) -> unchanged(who, leaks, () -> peopleOf(t),
				() -> call(who, post("/api/v1/people").contentType(MediaType.APPLICATION_JSON)
					.content(
							"{\"username\": \"%s\", \"displayName\": \"越权\", \"password\": \"password-1\", \"unitId\": %d, \"roles\": [\"ADMIN\"]}"
								.formatted(AdminFixtures.unique("x."), t.unitId())))));
		probes.put("PUT /api/v1/people/{id}", (who, t, leaks) -> unchanged(who, leaks, () -> personVersion(t),
				() -> call(who, put("/api/v1/people/" + personIdOf(t)).contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.IF_MATCH, "\"" + personVersion(t) + "\"")
					.content(
							"{\"displayName\": \"越权\", \"password\": \"password-1\", \"unitId\": %d, \"roles\": [\"ADMIN\"]}"
								.formatted(t.unitId())))));
		probes.put("POST /api/v1/people/import", (who, t, leaks) -> importsNothing(who, leaks,
				() -> personVersion(t) * 1000 + peopleOf(t), "/api/v1/people/import",
				"username,display_name,unit_code,roles,password\n%s,越权,%s,ADMIN,password-1\n%s,越权,%s,ADMIN,password-1\n"
					.formatted(personOf(t), unitCode(t), AdminFixtures.unique("x."), unitCode(t))));
		probes.put("GET /api/v1/enterprises", (who, t, leaks) -> {
			listed(who, "/api/v1/enterprises?size=100", t, leaks);
			listed(who, call(who, get("/api/v1/enterprises").param("q", t.enterpriseName())), t, leaks);
		});
		probes.put("GET /api/v1/enterprises/{id}",
				(who, t, leaks) -> hidden(who, "/api/v1/enterprises/" + t.enterpriseId(), t, leaks));
		probes.put("POST /api/v1/enterprises",
				(who, t, leaks) -> unchanged(who, leaks, () -> enterprisesOf(t),
						() -> call(who,
								post("/api/v1/enterprises").contentType(MediaType.APPLICATION_JSON)
									.content("{\"creditCode\": \"%s\", \"name\": \"越权\", \"regionCode\": \"%s\"}"
										.formatted(AdminFixtures.creditCode(), regionOf(t))))));
		probes
			.put("PUT /api/v1/enterprises/{id}",
					(who, t, leaks) -> unchanged(who, leaks, () -> enterpriseVersion(t), () -> call(who,
							put("/api/v1/enterprises/" + t.enterpriseId()).contentType(MediaType.APPLICATION_JSON)
								.header(HttpHeaders.IF_MATCH, "\"" + enterpriseVersion(t) + "\"")
								.content("{\"name\": \"越权\", \"regionCode\": \"%s\"}".formatted(regionOf(t))))));
		probes.put("POST /api/v1/enterprises/import",
				(who, t, leaks) -> importsNothing(who, leaks, () -> enterpriseVersion(t) * 1000 + enterprisesOf(t),
						"/api/v1/enterprises/import", "credit_code,name,region_code\n%s,越权,%s\n%s,越权,%s\n"
							.formatted(creditCodeOf(t), regionOf(t), AdminFixtures.creditCode(), regionOf(t))));
	}

	/** The administration pages, with the same rules as the API. */
	private void administrationPageProbes(Map<String, Probe> probes) {
		probes.put("GET /admin/units", (who, t, leaks) -> listed(who, page(who, get("/admin/units")), t, leaks));
		probes.put("GET /admin/people", (who, t, leaks) -> {
			absent(who, page(who, get("/admin/people")), personOf(t), leaks);
			absent(who, page(who, get("/admin/people").param("q", personOf(t))), personOf(t) + "</td>", leaks);
		});
		probes.put("GET /admin/enterprises", (who, t, leaks) -> {
			listed(who, page(who, get("/admin/enterprises")), t, leaks);
			absent(who, page(who, get("/admin/enterprises").param("q", t.enterpriseName())),
					t.enterpriseName() + "</td>", leaks);
		});
		probes.put("POST /admin/units/import",
				(who, t, leaks) -> pageImportsNothing(who, leaks, () -> unitVersion(t) * 1000 + unitsOf(t),
						"/admin/units/import", "code,name,kind,region_code\n%s,越权,OFFICE,%s\n%s,越权,OFFICE,%s\n"
							.formatted(unitCode(t), regionOf(t), AdminFixtures.unique("X-"), regionOf(t))));
		probes.put("POST /admin/people/import", (who, t, leaks) -> pageImportsNothing(who, leaks,
				() -> personVersion(t) * 1000 + peopleOf(t), "/admin/people/import",
				"username,display_name,unit_code,roles,password\n%s,越权,%s,ADMIN,password-1\n%s,越权,%s,ADMIN,password-1\n"
					.formatted(personOf(t), unitCode(t), AdminFixtures.unique("x."), unitCode(t))));
		probes.put("POST /admin/enterprises/import",
				(who, t, leaks) -> pageImportsNothing(who, leaks, () -> enterpriseVersion(t) * 1000 + enterprisesOf(t),
						"/admin/enterprises/import", "credit_code,name,region_code\n%s,越权,%s\n%s,越权,%s\n"
							.formatted(creditCodeOf(t), regionOf(t), AdminFixtures.creditCode(), regionOf(t))));
	}

	private void pageImportsNothing(Member who, List<String> leaks, Measure measure, String path, String csv)
			throws Exception {
		long before = measure.take();
		this.mvc
			.perform(MockMvcRequestBuilders.multipart(path)
				.file(new MockMultipartFile("file", "rows.csv", "text/csv",
						csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.session(sessionOf(who))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn();
		if (measure.take() != before) {
			leaks.add(who.username() + ": POST " + path + " changed a record of the other county");
		}
	}

	/** The calls change nothing that the measure counts, and none of them succeeds. */
	private void unchanged(Member who, List<String> leaks, Measure measure, Call... calls) throws Exception {
		long before = measure.take();
		for (Call call : calls) {
			MvcResult result = call.call();
			if (result.getResponse().getStatus() < 300
					&& !result.getResponse().getContentAsString().contains("\"created\":0,\"updated\":0")) {
				leaks.add(
						line(who, result.getRequest().getMethod() + " " + result.getRequest().getRequestURI(), result));
			}
		}
		if (measure.take() != before) {
			leaks.add(who.username() + ": changed a record of the other county");
		}
	}

	private void absent(Member who, MvcResult result, String secret, List<String> leaks) throws Exception {
		if (result.getResponse().getContentAsString().contains(secret)) {
			leaks.add(line(who, result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + "?"
					+ result.getRequest().getQueryString() + " shows " + secret, result));
		}
	}

	/** An import of the CSV creates and updates nothing that the measure counts. */
	private void importsNothing(Member who, List<String> leaks, Measure measure, String path, String csv)
			throws Exception {
		long before = measure.take();
		MvcResult result = this.mvc
			.perform(MockMvcRequestBuilders.multipart(path)
				.file(new MockMultipartFile("file", "rows.csv", "text/csv",
						csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.header(HttpHeaders.AUTHORIZATION, who.bearer()))
			.andReturn();
		if (result.getResponse().getStatus() < 300 && ((Number) Api.read(result, "$.created")).intValue()
				+ ((Number) Api.read(result, "$.updated")).intValue() > 0) {
			leaks.add(line(who, "POST " + path + " imported rows of the other county", result));
		}
		if (measure.take() != before) {
			leaks.add(who.username() + ": POST " + path + " changed a record of the other county");
		}
	}

	private interface Measure {

		long take() throws Exception;

	}

	private long number(String sql, Object param) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		return (param == null ? statement : statement.param("p", param)).query(Long.class).single();
	}

	private String text(String sql, Object param) {
		return this.jdbc.sql(sql).param("p", param).query(String.class).single();
	}

	private String regionOf(Things t) {
		return text("select region_code from enterprise where id = :p", t.enterpriseId());
	}

	private String creditCodeOf(Things t) {
		return text("select credit_code from enterprise where id = :p", t.enterpriseId());
	}

	private long enterpriseVersion(Things t) {
		return number("select version from enterprise where id = :p", t.enterpriseId());
	}

	private long enterprisesOf(Things t) {
		return number("select count(*) from enterprise where region_code = :p", regionOf(t));
	}

	private String unitCode(Things t) {
		return text("select code from unit where id = :p", t.unitId());
	}

	private long unitVersion(Things t) {
		return number("select version from unit where id = :p", t.unitId());
	}

	private long unitsOf(Things t) {
		return number("select count(*) from unit where region_code = :p", regionOf(t));
	}

	private long personIdOf(Things t) {
		return number("select min(id) from person where unit_id = :p", t.unitId());
	}

	private String personOf(Things t) {
		return text("select username from person where id = :p", personIdOf(t));
	}

	private long personVersion(Things t) {
		return number("select version from person where id = :p", personIdOf(t));
	}

	private long peopleOf(Things t) {
		return number("select count(*) from person where unit_id = :p", t.unitId());
	}

	private interface Call {

		MvcResult call() throws Exception;

	}

	private MvcResult apiStep(Member who, Things t, String action, String json) throws Exception {
		int version = this.jdbc.sql("select version from cases where id = :id")
			.param("id", t.caseId())
			.query(Integer.class)
			.single();
		return call(who,
				post("/api/v1/cases/" + t.caseId() + "/" + action).contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
					.content(json));
	}

	/** The response neither succeeds nor names anything of the foreign things. */
	private void hidden(Member who, MvcResult result, Things t, List<String> leaks) throws Exception {
		int status = result.getResponse().getStatus();
		if (status == 200 || mentions(result, t)) {
			leaks.add(line(who, result.getRequest().getMethod() + " " + result.getRequest().getRequestURI(), result));
		}
	}

	private void hidden(Member who, String path, Things t, List<String> leaks) throws Exception {
		hidden(who, call(who, get(path)), t, leaks);
	}

	/** A list may answer 200, but must not name the foreign things. */
	private void listed(Member who, MvcResult result, Things t, List<String> leaks) throws Exception {
		if (mentions(result, t)) {
			leaks.add(line(who, result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + "?"
					+ result.getRequest().getQueryString(), result));
		}
	}

	private void listed(Member who, String path, Things t, List<String> leaks) throws Exception {
		listed(who, call(who, get(path)), t, leaks);
	}

	/** Steps on the foreign case are refused and leave it exactly as it was. */
	private void untouched(Member who, Things t, List<String> leaks, Call... calls) throws Exception {
		String before = fingerprint(t.caseId());
		for (Call call : calls) {
			MvcResult result = call.call();
			if (result.getResponse().getStatus() < 300) {
				leaks.add(
						line(who, result.getRequest().getMethod() + " " + result.getRequest().getRequestURI(), result));
			}
		}
		if (!before.equals(fingerprint(t.caseId()))) {
			leaks.add(who.username() + ": a step changed the foreign case " + t.number());
		}
	}

	private boolean mentions(MvcResult result, Things t) throws Exception {
		String body = result.getResponse().getContentAsString();
		return body.contains(t.number()) || body.contains(t.title()) || body.contains(t.enterpriseName());
	}

	private String fingerprint(long caseId) {
		return this.jdbc.sql("select version || '/' || event_count || '/' || state from cases where id = :id")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	/** The cases of the foreign enterprise: filing may never add one. */
	private long count(Things t) {
		return this.jdbc.sql("select count(*) from cases where enterprise_id = :id")
			.param("id", t.enterpriseId())
			.query(Long.class)
			.single();
	}

	private static String line(Member who, String what, MvcResult result) throws Exception {
		return who.username() + " " + who.actor().roles() + ": " + what + " → " + result.getResponse().getStatus();
	}

	private List<Member> countyAMembers() {
		return List.of(this.world.dispatcherA(), this.world.handlerA(), this.world.otherHandlerA(),
				this.world.enterpriseA(), this.world.visitorA(), this.world.leaderA(), this.world.supervisorA(),
				this.adminA);
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
						|| pattern.equals("/error")) {
					continue;
				}
				Set<?> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					endpoints.add("ANY " + pattern);
				}
				methods.forEach(method -> endpoints.add(method + " " + pattern));
			}
		}
		return endpoints;
	}

	private MvcResult call(Member who, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, who.bearer())).andReturn();
	}

	/** A page request in the member's logged-in browser session (a real form login). */
	private MvcResult page(Member who, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.session(sessionOf(who))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn();
	}

	private MockHttpSession sessionOf(Member who) {
		return this.sessions.computeIfAbsent(who.username(), name -> {
			try {
				return (MockHttpSession) this.mvc.perform(formLogin().user(name).password(TestWorld.PASSWORD))
					.andReturn()
					.getRequest()
					.getSession();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/**
	 * Files a case with an attachment for the enterprise and takes it to the lead unit.
	 */
	private Things caseOf(Member contact, Member dispatcher, Member handler, long unitId, long enterpriseId,
			String enterpriseName) throws Exception {
		String title = "专属诉求-" + contact.username();
		MockMultipartFile json = new MockMultipartFile("case", "", MediaType.APPLICATION_JSON_VALUE,
				"{\"categoryId\": %d, \"title\": \"%s\", \"description\": \"仅本县可见\"}"
					.formatted(this.world.category().id(), title)
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		MockMultipartFile pdf = new MockMultipartFile("files", "材料.pdf", "application/pdf",
				"%PDF-1.4 secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		MvcResult filed = this.mvc
			.perform(MockMvcRequestBuilders.multipart("/api/v1/cases")
				.file(json)
				.file(pdf)
				.header(HttpHeaders.AUTHORIZATION, contact.bearer()))
			.andReturn();
		assertThat(filed.getResponse().getStatus()).as(filed.getResponse().getContentAsString()).isEqualTo(201);
		long id = ((Number) Api.read(filed, "$.id")).longValue();
		Api api = new Api(this.mvc);
		api.step(dispatcher, id, 0, "accept", "{}");
		MvcResult assigned = api.step(dispatcher, id, 1, "assign",
				"{\"leadUnitId\": %d, \"dueDate\": \"%s\"}".formatted(unitId, LocalDate.now().plusDays(5)));
		assertThat(assigned.getResponse().getStatus()).isEqualTo(200);
		api.step(handler, id, 2, "contact", "{\"note\": \"已联系\"}");
		long attachment = this.jdbc.sql("select id from attachment where case_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		return new Things(id, (String) Api.read(filed, "$.number"), title, enterpriseName, enterpriseId, attachment,
				unitId);
	}

}
