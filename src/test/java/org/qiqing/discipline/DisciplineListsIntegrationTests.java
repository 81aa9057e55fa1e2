package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The discipline page shows the newest actions and findings and links to their whole
 * lists, which keep its filter and page through every record one sees, newest first.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisciplineListsIntegrationTests {

	/**
	 * A year no other test writes in, so that the lists hold only this class's records.
	 */
	private static final String YEAR = "from=2003-01-01&to=2003-12-31";

	private static final LocalDate NEW_YEAR = LocalDate.of(2003, 1, 1);

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineFixture discipline;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	Api api;

	Member inspector;

	@BeforeAll
	void aYearOfActionsAndFindings() {
		this.inspector = this.officials.official("t.dl.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		for (int day = 0; day < 50; day++) {
			this.discipline.action("清单专项" + day, this.world.centreA(), NEW_YEAR.plusDays(day),
					NEW_YEAR.plusDays(day + 10), this.inspector, DisciplineFixture.group("清单组", this.inspector));
		}
		long action = this.discipline.action("问题专项", this.world.centreA(), NEW_YEAR, NEW_YEAR.plusDays(300),
				this.inspector, DisciplineFixture.group("问题组", this.inspector));
		long group = this.discipline.firstGroup(action, this.inspector);
		for (int day = 0; day < 12; day++) {
			long inspection = this.discipline.inspection(action, group, this.world.deptA(), NEW_YEAR.plusDays(day),
					this.inspector);
			this.management.recordFinding(inspection,
					new NewFinding(this.discipline.kind(), null, "清单问题" + day, null, null), List.of(),
					this.inspector.actor());
		}
	}

	@Test
	void theDisciplinePageShowsTheNewestTenOfEachAndLinksToTheWholeListWithItsFilter() throws Exception {
		String page = page("/discipline?" + YEAR).getContentAsString();
		String actions = card(page, "actions");
		assertThat(rows(actions)).hasSize(10);
		// Newest first: the action that starts last is on top, the first ten days' are
		// not.
		assertThat(rows(actions).get(0)).contains("清单专项49");
		assertThat(actions).doesNotContain("清单专项0<");
		assertThat(actions).contains("id=\"all-actions\"", "href=\"/discipline/actions?" + YEAR.replace("&", "&amp;"));
		String findings = card(page, "findings");
		assertThat(rows(findings)).hasSize(10);
		assertThat(rows(findings).get(0)).contains("清单问题11");
		assertThat(findings).contains("id=\"all-findings\"",
				"href=\"/discipline/findings?" + YEAR.replace("&", "&amp;"));
	}

	@Test
	void theWholeListsPageThroughEveryRecordNewestFirst() throws Exception {
		String first = page("/discipline/actions?" + YEAR).getContentAsString();
		assertThat(rows(card(first, "actions"))).hasSize(50);
		assertThat(first).contains("page=1").doesNotContain("page=-1");
		String second = page("/discipline/actions?" + YEAR + "&page=1").getContentAsString();
		// 51 actions: the one left is the oldest, 清单专项0 (问题专项, started the same day,
		// was set up after it).
		List<String> rest = rows(card(second, "actions"));
		assertThat(rest).hasSize(1);
		assertThat(rest.get(0)).contains("清单专项0<");
		assertThat(second).contains("page=0");

		String findings = page("/discipline/findings?" + YEAR).getContentAsString();
		assertThat(rows(card(findings, "findings"))).hasSize(12);
		assertThat(findings).doesNotContain("page=1");
		assertThat(page("/discipline/findings?" + YEAR + "&page=1").getContentAsString()).contains("暂无记录");
	}

	@Test
	void aPageBeforeTheFirstIsTheFirstAndABadDateIsRefusedReadably() throws Exception {
		assertThat(rows(card(page("/discipline/actions?" + YEAR + "&page=-3").getContentAsString(), "actions")))
			.hasSize(50);
		MockHttpServletResponse bad = page("/discipline/findings?from=yesterday");
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentAsString()).doesNotContain("Exception", "at org.");
	}

	@Test
	void anInspectorOfAnotherCountySeesNoneOfThem() throws Exception {
		Member foreign = this.officials.official("t.dl.foreign", Role.INSPECTOR, this.world.centreB(), "330481");
		MockHttpSession session = this.api.login(foreign);
		assertThat(page(session, "/discipline/actions?" + YEAR).getContentAsString()).doesNotContain("清单专项");
		assertThat(page(session, "/discipline/findings?" + YEAR).getContentAsString()).doesNotContain("清单问题");
	}

	@Test
	void anActionCountsTheInspectionsMadeNotThoseScheduledAheadOrCancelled() {
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		long action = this.discipline.action("计数专项", this.world.centreA(), today, today.plusDays(30), this.inspector,
				DisciplineFixture.group("计数组", this.inspector));
		long group = this.discipline.firstGroup(action, this.inspector);
		this.discipline.inspection(action, group, this.world.deptA(), today, this.inspector);
		this.discipline.inspection(action, group, this.world.deptA(), today.plusDays(5), this.inspector);
		long called = this.discipline.inspection(action, group, this.world.deptA(), today.plusDays(6), this.inspector);
		this.management.cancelInspection(called, 0, "撞期", this.inspector.actor());
		assertThat(this.queries.action(action, this.inspector.actor()).action().inspections()).isEqualTo(1);
		assertThat(this.queries.actions(DisciplineFilter.none(), 0, 100, this.inspector.actor()))
			.filteredOn(a -> a.id() == action)
			.singleElement()
			.extracting(Views.Action::inspections)
			.isEqualTo(1L);
	}

	/** The part of the page from the card with the id to the next card. */
	private static String card(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("the card " + id).isNotNegative();
		int end = page.indexOf("class=\"card\"", start);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	/** The rows of the card's table body. */
	private static List<String> rows(String card) {
		Matcher rows = Pattern.compile("<tr>\\s*<td.*?</tr>", Pattern.DOTALL).matcher(card);
		return rows.results().map(java.util.regex.MatchResult::group).toList();
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return page(this.api.login(this.inspector), path);
	}

	private MockHttpServletResponse page(MockHttpSession session, String path) throws Exception {
		return this.api.page(session, path).getResponse();
	}

}
