package org.qiqing.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rollups kept live, step by step, equal those rebuilt from the histories, after a
 * random walk of cases through their workflows (jqwik draws the cases, the people and the
 * steps among those the workflow offers).
 */
@IntegrationTest
class RollupsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RollupRebuild rebuild;

	@Autowired
	Rollups rollups;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void liveRollupsEqualTheRebuildAfterRandomSteps() throws Exception {
		// From here on the tables agree with the histories, whatever earlier tests did.
		this.rebuild.rebuild();
		Api api = new Api(this.mvc);
		List<Long> cases = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			cases.add(api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id()));
		}
		List<Member> people = List.of(this.world.dispatcherA(), this.world.handlerA(), this.world.enterpriseA(),
				this.world.supervisorA(), this.world.otherHandlerA());
		Arbitrary<int[]> draws = Arbitraries.integers().between(0, 1_000_000).array(int[].class).ofSize(3);
		int taken = 0;
		for (int[] draw : draws.sampleStream().limit(300).toList()) {
			int drawn = draw[0] % cases.size();
			long id = cases.get(drawn);
			// The first of the people, from a random one on, who may take a step now.
			boolean open = false;
			for (int k = 0; k < people.size(); k++) {
				Member who = people.get((draw[1] + k) % people.size());
				MvcResult seen = api.get(who, "/api/v1/cases/" + id);
				@SuppressWarnings("unchecked")
				List<String> allowed = seen.getResponse().getStatus() == 200
						? (List<String>) Api.read(seen, "$.allowedActions") : List.of();
				if (!allowed.isEmpty()) {
					open = true;
					String action = allowed.get(draw[2] % allowed.size());
					MvcResult done = api.step(who, id, Api.version(seen), action, body(action, draw[2]));
					if (done.getResponse().getStatus() == 200) {
						taken++;
					}
					break;
				}
			}
			if (!open) {
				// Withdrawn, rejected or closed for good: a new case takes its place, so
				// that
				// the walk goes on however early its draws ended the first ten (it once
				// took only 11 steps in 300 draws).
				cases.set(drawn,
						api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id()));
			}
		}
		Map<String, Long> live = rollups("stat_rollup", "on_day");
		Map<String, Long> liveStates = states();
		assertThat(rollups("stat_month", "in_month")).as("the months' rows add up the days'").isEqualTo(byMonth(live));
		assertThat(measuresOfTheYear(api)).as("a year's measures, read by months, add up its days")
			.isEqualTo(measuresOfTheYearByDay(api));
		this.rebuild.rebuild();
		assertThat(rollups("stat_rollup", "on_day")).isEqualTo(live);
		assertThat(rollups("stat_month", "in_month")).isEqualTo(byMonth(live));
		assertThat(states()).isEqualTo(liveStates);
		assertThat(this.jdbc.sql("select count(*) from stat_month").query(Long.class).single())
			.as("the rebuilt months: one row a cell, not one a stripe")
			.isEqualTo(this.jdbc.sql("select count(*) from stat_month where stripe = 0").query(Long.class).single())
			.isEqualTo(this.jdbc.sql("""
					select count(*) from (select 1 from stat_month group by in_month, region_code, unit_id, unit_role,
					category_id, kind, channel, measure, bucket) x""").query(Long.class).single());
		// Written a few rows at a time, each chunk in a stripe of its own.
		this.rebuild.rebuild(3, Short.MAX_VALUE);
		assertThat(rollups("stat_rollup", "on_day")).as("rebuilt in chunks of 3 rows").isEqualTo(live);
		assertThat(rollups("stat_month", "in_month")).isEqualTo(byMonth(live));
		assertThat(states()).isEqualTo(liveStates);
		// Past the last stripe the chunks share it, each adding to the rows the earlier
		// ones wrote (on PostgreSQL, into the fresh table indexed first).
		this.rebuild.rebuild(3, 2);
		assertThat(rollups("stat_rollup", "on_day")).as("rebuilt in chunks of 3 rows, past stripe 2 in one")
			.isEqualTo(live);
		assertThat(this.jdbc.sql("select max(stripe) from stat_rollup").query(Integer.class).single()).isEqualTo(2);
		assertThat(rollups("stat_month", "in_month")).isEqualTo(byMonth(live));
		assertThat(states()).isEqualTo(liveStates);
		assertThat(live.keySet()).anyMatch(key -> key.contains("RESOLVED"));
		assertThat(taken).as("steps taken").isGreaterThan(15);
	}

	/**
	 * PostgreSQL writes a rebuild into fresh tables and puts them in place at its end
	 * ({@link FreshTables}): until then a reader reads the old counts without waiting,
	 * and a step waits for the rebuild and is then counted in the new tables. The rebuild
	 * is held before its end by a lock on the row it marks complete.
	 */
	@Test
	void whileARebuildRunsTheOldCountsAreReadAndAStepWaitsToBeCountedInTheNew() throws Exception {
		assumeTrue(this.rollups.isPostgres(), "the fresh tables are PostgreSQL's");
		Api api = new Api(this.mvc);
		api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		this.rebuild.rebuild();
		long received = received();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			Future<?> holding = threads.submit(() -> this.transactions.executeWithoutResult(status -> {
				this.jdbc.sql("select id from stat_complete for update").query(Long.class).list();
				held.countDown();
				await(release);
			}));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			Future<RollupRebuild.Result> rebuilding = threads.submit(() -> this.rebuild.rebuild());
			waitUntilWaitingFor("delete from stat_complete");
			assertThat(threads.submit(this::received).get(5, TimeUnit.SECONDS))
				.as("read meanwhile, without waiting: the old counts")
				.isEqualTo(received);
			Future<Long> filed = threads.submit(() -> api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(),
					this.world.category().id()));
			waitUntilWaitingFor("insert into stat_rollup");
			assertThat(filed).as("the step waits for the rebuild").isNotDone();
			release.countDown();
			holding.get(30, TimeUnit.SECONDS);
			assertThat(rebuilding.get(30, TimeUnit.SECONDS).steps()).isPositive();
			assertThat(filed.get(30, TimeUnit.SECONDS)).isPositive();
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		assertThat(received()).as("the step counted in the tables put in place").isEqualTo(received + 1);
		Map<String, Long> live = rollups("stat_rollup", "on_day");
		this.rebuild.rebuild();
		assertThat(rollups("stat_rollup", "on_day")).isEqualTo(live);
	}

	/**
	 * Until a statement starting so waits for a lock (PostgreSQL's view of its sessions).
	 */
	private void waitUntilWaitingFor(String statement) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			if (this.jdbc.sql("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and datname = current_database() and query like ?""")
				.param(statement + "%")
				.query(Long.class)
				.single() > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("nothing waits for a lock in: " + statement);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long received() {
		return this.jdbc.sql("select coalesce(sum(n), 0) from stat_rollup where measure = 'RECEIVED'")
			.query(Long.class)
			.single();
	}

	private String body(String action, int draw) {
		String[] outcomes = { "SOLVED", "EXPLAINED", "OUT_OF_REMIT", "NOT_SUPPORTED_BY_LAW", "UNSOLVABLE" };
		String[] ratings = { "VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "VERY_UNSATISFIED" };
		long unit = draw % 3 == 0 ? this.world.otherDeptA().getId() : this.world.deptA().getId();
		return switch (action) {
			case "assign", "reassign" -> "{\"leadUnitId\": %d, \"note\": \"交办\"}".formatted(unit);
			case "resolve" -> "{\"outcome\": \"%s\", \"answer\": \"已答复\", \"referral\": \"12345\"}"
				.formatted(outcomes[draw % outcomes.length]);
			case "rate" -> "{\"rating\": \"%s\", \"note\": \"评价\"}".formatted(ratings[draw % ratings.length]);
			case "request-extension" ->
				"{\"note\": \"需要时间\", \"dueDate\": \"%s\"}".formatted(LocalDate.now().plusDays(20));
			default -> "{\"note\": \"说明\"}";
		};
	}

	/**
	 * Every rollup count of a table but zeros, by its key without the stripe, added up.
	 */
	private Map<String, Long> rollups(String table, String dated) {
		Map<String, Long> all = new TreeMap<>();
		this.jdbc
			.sql("""
					select %2$s, region_code, unit_id, unit_role, category_id, kind, channel, measure, bucket, sum(n)
					from %1$s group by %2$s, region_code, unit_id, unit_role, category_id, kind, channel, measure, bucket"""
				.formatted(table, dated))
			.query((rs, n) -> {
				if (rs.getLong(10) != 0) {
					all.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4) + "|"
							+ rs.getLong(5) + "|" + rs.getString(6) + "|" + rs.getString(7) + "|" + rs.getString(8)
							+ "|" + rs.getInt(9), rs.getLong(10));
				}
				return null;
			})
			.list();
		return all;
	}

	private Map<String, Long> measuresOfTheYear(Api api) throws Exception {
		MvcResult read = api.get(this.world.supervisorA(), "/api/v1/statistics/measures?" + lastYear());
		@SuppressWarnings("unchecked")
		Map<String, Number> counts = (Map<String, Number>) Api.read(read, "$.counts");
		Map<String, Long> all = new TreeMap<>();
		counts.forEach((measure, n) -> all.put(measure, n.longValue()));
		return all;
	}

	/** The same measures read from the days' rows alone (grouped by day), added up. */
	private Map<String, Long> measuresOfTheYearByDay(Api api) throws Exception {
		MvcResult read = api.get(this.world.supervisorA(), "/api/v1/statistics/measures/by/day?" + lastYear());
		@SuppressWarnings("unchecked")
		List<Map<String, Number>> days = (List<Map<String, Number>>) Api.read(read, "$.groups[*].measures.counts");
		Map<String, Long> all = new TreeMap<>();
		days.forEach(counts -> counts.forEach((measure, n) -> all.merge(measure, n.longValue(), Long::sum)));
		measuresOfTheYear(api).keySet().forEach(measure -> all.putIfAbsent(measure, 0L));
		return all;
	}

	private static String lastYear() {
		LocalDate today = LocalDate.now(PlatformClock.CHINA);
		return "from=" + today.minusYears(1) + "&to=" + today;
	}

	/** The days' counts added up by month (the key's yyyy-MM-dd made yyyy-MM-01). */
	private static Map<String, Long> byMonth(Map<String, Long> days) {
		Map<String, Long> months = new TreeMap<>();
		days.forEach((key, n) -> months.merge(key.substring(0, 8) + "01" + key.substring(10), n, Long::sum));
		months.values().removeIf(n -> n == 0);
		return months;
	}

	private Map<String, Long> states() {
		Map<String, Long> all = new TreeMap<>();
		this.jdbc.sql("""
				select region_code, unit_id, unit_role, category_id, kind, channel, state, sum(n)
				from stat_state group by region_code, unit_id, unit_role, category_id, kind, channel, state""")
			.query((rs, n) -> {
				if (rs.getLong(8) != 0) {
					all.put(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|"
							+ rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7), rs.getLong(8));
				}
				return null;
			})
			.list();
		return all;
	}

}
