package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A person's queue in tabs: what is new since his previous visit (marked, and a tab), due
 * soon, overdue, what waits on others, by kind, in the order he picks, each tab with its
 * true count; on the API and the page.
 */
@IntegrationTest
class QueueTabsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.mvc);
	}

	@Test
	void whatMovedSinceThePreviousVisitIsMarkedNewAndHasItsTab() throws Exception {
		Member handler = this.world.handlerA();
		long old = this.api.assignedCase(this.world);
		queue(handler, "");
		// His previous visit ended when the old case had just arrived.
		Instant seen = this.jdbc.sql("select updated_at from cases where id = :id")
			.param("id", old)
			.query(Timestamp.class)
			.single()
			.toInstant();
		this.jdbc.sql("update queue_look set seen_before = :seen, looked_at = :now where person_id = :person")
			.param("seen", Timestamp.from(seen))
			.param("now", Timestamp.from(Instant.now()))
			.param("person", handler.actor().personId())
			.update();
		long arrived = this.api.assignedCase(this.world);

		MvcResult all = queue(handler, "size=100");
		assertThat(newOf(all, arrived)).isTrue();
		assertThat(newOf(all, old)).isFalse();
		assertThat(Instant.parse((String) Api.read(all, "$.newSince")).truncatedTo(ChronoUnit.MILLIS))
			.isEqualTo(seen.truncatedTo(ChronoUnit.MILLIS));
		assertThat(ids(queue(handler, "tab=new&size=100"))).contains(arrived).doesNotContain(old);
		// Tabs and pages within one visit keep the marks: nothing is read by being
		// listed.
		assertThat(newOf(queue(handler, "size=100"), arrived)).isTrue();

		MockHttpSession session = this.api.login(handler);
		String page = this.mvc.perform(MockMvcRequestBuilders.get("/queue").param("tab", "new").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("class=\"new-mark\"").contains(number(arrived)).doesNotContain(number(old));
		assertThat(page).contains("id=\"tab-NEW\"").contains("aria-current=\"page\"");
	}

	@Test
	void aVisitAfterAPauseStartsFromTheLastLookOfTheVisitBefore() throws Exception {
		Member dispatcher = this.world.dispatcherA();
		queue(dispatcher, "");
		Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("update queue_look set seen_before = null, looked_at = :then where person_id = :person")
			.param("then", Timestamp.from(hourAgo))
			.param("person", dispatcher.actor().personId())
			.update();
		MvcResult result = queue(dispatcher, "");
		assertThat(Instant.parse((String) Api.read(result, "$.newSince"))).isEqualTo(hourAgo);
		assertThat(look(dispatcher, "seen_before")).isEqualTo(hourAgo);
		assertThat(look(dispatcher, "looked_at")).isAfter(hourAgo.plus(59, ChronoUnit.MINUTES));
	}

	@Test
	void everyTabCountsWhatItLists() throws Exception {
		this.api.assignedCase(this.world);
		for (Member who : List.of(this.world.dispatcherA(), this.world.handlerA(), this.world.enterpriseA(),
				this.world.leaderA())) {
			MvcResult all = queue(who, "size=100");
			for (String[] tab : new String[][] { { "all", "all" }, { "new", "fresh" }, { "due_soon", "dueSoon" },
					{ "overdue", "overdue" }, { "waiting", "waiting" } }) {
				MvcResult listed = queue(who, "tab=" + tab[0] + "&size=100");
				if (!(Boolean) Api.read(listed, "$.hasNext")) {
					assertThat(ids(listed)).as(who.username() + " " + tab[0])
						.hasSize(((Number) Api.read(all, "$.counts." + tab[1])).intValue());
				}
			}
			for (String kind : List.of("ENTERPRISE_REQUEST", "LEADER_ASSIGNMENT", "HELP_VISIT")) {
				MvcResult listed = queue(who, "kind=" + kind + "&size=100");
				assertThat((List<String>) Api.read(listed, "$.items[*].kind")).allMatch(kind::equals);
				if (!(Boolean) Api.read(listed, "$.hasNext")) {
					assertThat(ids(listed)).hasSize(((Number) Api.read(all, "$.counts.kinds." + kind)).intValue());
				}
			}
			assertThat((List<String>) Api.read(queue(who, "tab=overdue&size=100"), "$.items[*].timeState"))
				.allMatch("RED"::equals);
			assertThat((List<String>) Api.read(queue(who, "tab=due_soon&size=100"), "$.items[*].timeState"))
				.allMatch("YELLOW"::equals);
		}
	}

	@Test
	void aResolvedCaseWaitsOnTheEnterpriseNotOnTheUnit() throws Exception {
		long id = this.api.assignedCase(this.world);
		Member handler = this.world.handlerA();
		int v = Api.version(this.api.get(handler, "/api/v1/cases/" + id));
		v = Api.version(this.api.step(handler, id, v, "contact", "{\"note\": \"已联系\"}"));
		assertThat(ids(queue(handler, "size=100&sort=newest"))).contains(id);
		assertThat(ids(queue(handler, "tab=waiting&size=100"))).doesNotContain(id);
		this.api.step(handler, id, v, "resolve", "{\"outcome\": \"SOLVED\", \"answer\": \"已解决。\"}");
		assertThat(ids(queue(handler, "tab=waiting&size=100&sort=newest"))).contains(id);
		assertThat(ids(queue(handler, "size=100"))).doesNotContain(id);
		// The enterprise rates it now: it waits on him, no longer on the government.
		assertThat(ids(queue(this.world.enterpriseA(), "size=100"))).contains(id);
		assertThat(ids(queue(this.world.enterpriseA(), "tab=waiting&size=100"))).doesNotContain(id);
	}

	@Test
	void newestFirstPutsWhatJustArrivedOnTop() throws Exception {
		long arrived = this.api.assignedCase(this.world);
		MvcResult newest = queue(this.world.handlerA(), "sort=newest&size=5");
		assertThat(ids(newest).get(0)).isEqualTo(arrived);
		List<String> moved = (List<String>) Api.read(queue(this.world.handlerA(), "sort=NEWEST&size=100"),
				"$.items[*].updatedAt");
		assertThat(moved).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
	}

	@Test
	void anUnknownTabKindOrOrderIsA400() throws Exception {
		for (String bad : List.of("tab=later", "kind=TIP", "sort=oldest")) {
			MvcResult result = this.api.get(this.world.handlerA(), "/api/v1/queue?" + bad);
			assertThat(result.getResponse().getStatus()).as(bad).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		}
	}

	private MvcResult queue(Member who, String query) throws Exception {
		MvcResult result = this.api.get(who, "/api/v1/queue?" + query);
		assertThat(result.getResponse().getStatus()).as(query + ": " + result.getResponse().getContentAsString())
			.isEqualTo(200);
		return result;
	}

	private static List<Long> ids(MvcResult result) throws Exception {
		List<Number> ids = (List<Number>) Api.read(result, "$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	private static boolean newOf(MvcResult result, long id) throws Exception {
		List<Boolean> marks = (List<Boolean>) Api.read(result, "$.items[?(@.id == " + id + ")].new");
		assertThat(marks).as("case " + id + " in the queue").hasSize(1);
		return marks.get(0);
	}

	private Instant look(Member who, String column) {
		return this.jdbc.sql("select " + column + " from queue_look where person_id = :person")
			.param("person", who.actor().personId())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private String number(long id) {
		return this.jdbc.sql("select number from cases where id = :id").param("id", id).query(String.class).single();
	}

}
