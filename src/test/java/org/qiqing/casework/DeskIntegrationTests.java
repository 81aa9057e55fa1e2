package org.qiqing.casework;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;

/**
 * The dispatch board says how many cases each column holds and pages through all of them;
 * the supervision desk puts its per-unit tally first, and pages and filters its rows, in
 * the page and the API alike, never beyond the jurisdiction.
 */
@IntegrationTest
class DeskIntegrationTests {

	private static final Pattern CARD = Pattern
		.compile("href=\"/cases/(\\d+)\" class=\"card tile\"|class=\"card tile\" href=\"/cases/(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	TimerSweep sweep;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void theBoardCountsEveryCaseOfAColumnAndPagesThroughThemAll() throws Exception {
		Api api = new Api(this.mvc);
		MockHttpSession dispatcher = this.api.login(this.world.dispatcherA());
		long before = count(this.api.okPageText(dispatcher, "/board"), "SUBMITTED");
		Set<Long> filed = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			filed.add(api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id()));
		}
		String board = this.api.okPageText(dispatcher, "/board");
		assertThat(count(board, "SUBMITTED")).isEqualTo(before + 12);
		// Page by page, the column shows every one of its cases once.
		List<Long> seen = new ArrayList<>();
		String column = column(board, "SUBMITTED");
		for (int page = 1; column.contains("/board/columns/SUBMITTED?page=" + page); page++) {
			seen.addAll(cards(column));
			column = column(this.api.okPageText(dispatcher, "/board/columns/SUBMITTED?page=" + page), "SUBMITTED");
		}
		seen.addAll(cards(column));
		assertThat(seen).hasSize((int) (before + 12)).doesNotHaveDuplicates().containsAll(filed);
		assertThat(cards(column(board, "SUBMITTED"))).hasSize(DispatchBoardControllerSize.CARDS);
		// Each card says how long it has waited and how it stands in time.
		assertThat(column(board, "SUBMITTED")).contains("class=\"age small\"").contains("class=\"time time-");
		// Another county's dispatcher sees none of them.
		String foreign = this.api.okPageText(this.api.login(this.world.dispatcherB()), "/board");
		assertThat(foreign).doesNotContain("/cases/" + filed.iterator().next() + "\"");
		assertThat(count(foreign, "SUBMITTED")).isLessThan(before + 12);
	}

	@Test
	void theDeskPutsItsTallyFirstAndFiltersAndPagesItsRows() throws Exception {
		Api api = new Api(this.mvc);
		at("2026-09-30T10:00");
		List<Long> atDeptA = List.of(api.assignedCase(this.world), api.assignedCase(this.world),
				api.assignedCase(this.world));
		long waiting = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		at("2026-10-28T10:00");
		this.sweep.sweep();
		this.sweep.sweep();

		Member supervisor = this.world.supervisorA();
		MvcResult summary = api.get(supervisor, "/api/v1/supervision/units");
		List<Map<String, Object>> lines = JsonPath.read(summary.getResponse().getContentAsString(), "$.lines");
		Map<String, Object> deptA = line(lines, this.world.deptA().getId());
		Map<String, Object> awaiting = line(lines, 0);
		assertThat(((Number) deptA.get("red")).longValue()).isGreaterThanOrEqualTo(3);
		assertThat(((Number) awaiting.get("red")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(lines).noneMatch(l -> ((Number) l.get("unitId")).longValue() == this.world.deptB().getId());

		// A unit's rows: as many as its line says, page after page, all its own.
		long deptATotal = ((Number) deptA.get("red")).longValue() + ((Number) deptA.get("yellow")).longValue();
		List<Integer> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			MvcResult result = api.get(supervisor,
					"/api/v1/supervision/watch?size=2&unit=" + this.world.deptA().getId() + "&page=" + page);
			assertThat(((Number) Api.read(result, "$.total")).longValue()).isEqualTo(deptATotal);
			assertThat(
					JsonPath.<List<String>>read(result.getResponse().getContentAsString(), "$.items[*].leadUnitName"))
				.containsOnly(this.world.deptA().getName());
			rows.addAll(JsonPath.read(result.getResponse().getContentAsString(), "$.items[*].id"));
			if (!(Boolean) Api.read(result, "$.hasNext")) {
				break;
			}
		}
		assertThat(rows).hasSize((int) deptATotal)
			.doesNotHaveDuplicates()
			.containsAll(atDeptA.stream().map(Long::intValue).toList());

		// The cases no unit handles yet: said so, not an empty unit.
		MvcResult undispatched = api.get(supervisor, "/api/v1/supervision/watch?size=100&unit=0");
		assertThat(JsonPath.<List<Integer>>read(undispatched.getResponse().getContentAsString(), "$.items[*].id"))
			.contains((int) waiting);
		assertThat(
				JsonPath.<List<Object>>read(undispatched.getResponse().getContentAsString(), "$.items[*].leadUnitName"))
			.containsOnlyNulls();

		// Colour, kind, measure and category narrow the rows to what they say.
		assertThat(values(api.get(supervisor, "/api/v1/supervision/watch?size=100&time=YELLOW"), "timeState"))
			.allMatch("YELLOW"::equals);
		assertThat(values(api.get(supervisor, "/api/v1/supervision/watch?size=100&time=RED"), "timeState"))
			.containsOnly("RED")
			.isNotEmpty();
		assertThat(values(api.get(supervisor, "/api/v1/supervision/watch?size=100&kind=LEADER_ASSIGNMENT"), "kind"))
			.allMatch("LEADER_ASSIGNMENT"::equals);
		assertThat(values(api.get(supervisor, "/api/v1/supervision/watch?size=100&kind=ENTERPRISE_REQUEST"), "kind"))
			.isNotEmpty()
			.allMatch("ENTERPRISE_REQUEST"::equals);
		assertThat(values(api.get(supervisor, "/api/v1/supervision/watch?size=100&supervised=ESCALATED"),
				"escalatedUnitName"))
			.doesNotContainNull();
		MvcResult ofCategory = api.get(supervisor,
				"/api/v1/supervision/watch?size=100&category=" + this.world.category().id());
		assertThat(JsonPath.<List<Integer>>read(ofCategory.getResponse().getContentAsString(), "$.items[*].id"))
			.contains((int) waiting);
		assertThat(((Number) Api.read(api.get(supervisor, "/api/v1/supervision/watch?category=-5"), "$.total"))
			.longValue()).isZero();

		// A foreign unit gives nothing, however many cases it has.
		MvcResult foreign = api.get(supervisor, "/api/v1/supervision/watch?unit=" + this.world.deptB().getId());
		assertThat(((Number) Api.read(foreign, "$.total")).longValue()).isZero();
		assertThat((List<?>) Api.read(foreign, "$.items")).isEmpty();

		// The page: the tally first, each count a link to its rows; the rows paged.
		MockHttpSession session = this.api.login(supervisor);
		String desk = this.api.okPageText(session, "/supervision");
		assertThat(desk.indexOf("id=\"unit-summary\"")).isPositive().isLessThan(desk.indexOf("id=\"watch\""));
		assertThat(desk).contains("href=\"/supervision?unit=" + this.world.deptA().getId() + "&amp;time=RED\"");
		for (long id : atDeptA) {
			row(listing(session, "/supervision?unit=" + this.world.deptA().getId(), id), id);
		}
		String waitingRow = row(listing(session, "/supervision?unit=0", waiting), waiting);
		assertThat(waitingRow).contains("待受理分拨");
		assertThat(this.api.okPageText(session, "/supervision?unit=" + this.world.deptB().getId()))
			.doesNotContain("id=\"watched-");
		assertThat(this.api.okPageText(session, "/supervision?time=RED&page=1000")).doesNotContain("id=\"watched-");
	}

	/** The board's page size, as the controller sets it. */
	static final class DispatchBoardControllerSize {

		static final int CARDS = 10;

	}

	private static Map<String, Object> line(List<Map<String, Object>> lines, long unitId) {
		return lines.stream()
			.filter(l -> ((Number) l.get("unitId")).longValue() == unitId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line of unit " + unitId + " in " + lines));
	}

	private static List<Object> values(MvcResult result, String field) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.items[*]." + field);
	}

	private static long count(String board, String state) {
		Matcher m = Pattern
			.compile("id=\"column-" + state + "\">\\s*<h2><span>[^<]*</span>\\s*<span class=\"count\"[^>]*>(\\d+)<")
			.matcher(board);
		assertThat(m.find()).as("the column %s has a count", state).isTrue();
		return Long.parseLong(m.group(1));
	}

	private static String column(String board, String state) {
		int start = board.indexOf("id=\"column-" + state + "\"");
		assertThat(start).as("the column %s", state).isPositive();
		int end = board.indexOf("class=\"column\"", start);
		return board.substring(start, end < 0 ? board.length() : end);
	}

	private static List<Long> cards(String column) {
		List<Long> ids = new ArrayList<>();
		Matcher m = CARD.matcher(column);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
		}
		return ids;
	}

	private static String row(String page, long id) {
		int start = page.indexOf("id=\"watched-" + id + "\"");
		assertThat(start).as("the case %d is listed", id).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	/**
	 * The page of the desk's rows that lists the case, looked for page by page: the cases
	 * of the other test classes share the county and come first when more urgent.
	 */
	private String listing(MockHttpSession session, String path, long id) throws Exception {
		String page = "";
		for (int n = 0; n < 100; n++) {
			page = this.api.okPageText(session, path + (path.contains("?") ? "&" : "?") + "page=" + n);
			if (page.contains("id=\"watched-" + id + "\"") || !page.contains("id=\"watched-")) {
				break;
			}
		}
		return page;
	}

	private void at(String chinaTime) {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
	}

}
