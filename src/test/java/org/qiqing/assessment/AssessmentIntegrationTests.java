package org.qiqing.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.World;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Freezing months end to end, on cases walked through the workflow in the past: the
 * frozen month recomputed from the histories gives the same hash, a late step becomes an
 * adjustment of the next month and leaves the frozen one as it was, the league tables
 * show the movement since the month before, and the formula is versioned. Each test uses
 * months of its own, more than the look-back apart.
 */
@IntegrationTest
class AssessmentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	AssessmentFreeze freeze;

	@Autowired
	AssessmentResults results;

	@Autowired
	Formulas formulas;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFrozenMonthRecomputesToTheSameHashAndALateStepIsCarriedIntoTheNextMonth() throws Exception {
		AssessmentCases cases = new AssessmentCases(new Api(this.mvc), this.world, this.clock);
		cases.resolved("2019-03-05T10:00", this.world.deptA(), "SOLVED");
		cases.resolved("2019-03-06T10:00", this.world.otherDeptA(), "EXPLAINED");
		YearMonth march = YearMonth.of(2019, 3);
		AssessmentFreeze.Outcome frozen = this.freeze.freeze(march, null);
		assertThat(frozen.frozenNow()).isTrue();
		assertThat(frozen.results()).isGreaterThanOrEqualTo(4); // two units, city, county
		assertThat(frozen.hash()).hasSize(64);
		assertThat(figures(march, 'U', this.world.deptA().getId())).containsEntry("RESOLVED", 1L)
			.containsEntry("RESOLVED_SOLVED", 1L);

		AssessmentFreeze.Verification verified = this.freeze.recompute(march);
		assertThat(verified.recomputedHash()).isEqualTo(frozen.hash());
		assertThat(verified.same()).isTrue();
		// freezing again changes nothing
		AssessmentFreeze.Outcome again = this.freeze.freeze(march, null);
		assertThat(again.frozenNow()).isFalse();
		assertThat(again.hash()).isEqualTo(frozen.hash());
		String before = snapshotRows(march);

		// a step dated in March that arrives after March was frozen
		cases.resolved("2019-03-25T15:00", this.world.deptA(), "SOLVED");
		assertThat(this.freeze.recompute(march).same()).as("late steps not yet carried").isFalse();
		AssessmentFreeze.Outcome april = this.freeze.freeze(YearMonth.of(2019, 4), null);
		assertThat(april.adjustments()).isGreaterThan(0);
		assertThat(snapshotRows(march)).isEqualTo(before);
		assertThat(this.freeze.recompute(march).same()).isTrue();
		assertThat(this.freeze.recompute(YearMonth.of(2019, 4)).same()).isTrue();

		long deptAInApril = resultId(YearMonth.of(2019, 4), 'U', this.world.deptA().getId());
		AssessmentResults.Detail detail = this.results.detail(this.world.admin().actor(), deptAInApril);
		assertThat(detail.line().figures()).isEmpty();
		assertThat(detail.line().adjusted()).containsEntry("RESOLVED", 1L).containsEntry("RESOLVED_SOLVED", 1L);
		assertThat(detail.carriedIn()).anySatisfy(c -> {
			assertThat(c.ofMonth()).isEqualTo(march);
			assertThat(c.measure()).isEqualTo("RESOLVED");
			assertThat(c.delta()).isEqualTo(1);
		});
		long deptAInMarch = resultId(march, 'U', this.world.deptA().getId());
		assertThat(this.results.detail(this.world.admin().actor(), deptAInMarch).carriedOut())
			.anySatisfy(c -> assertThat(c.month()).isEqualTo(YearMonth.of(2019, 4)));
		// and the next freeze finds nothing more to carry
		assertThat(this.freeze.freeze(YearMonth.of(2019, 5), null).adjustments()).isZero();
	}

	@Test
	void theDatabaseRefusesToChangeAFrozenMonthOnPostgresql() throws Exception {
		new AssessmentCases(new Api(this.mvc), this.world, this.clock).resolved("2017-05-05T10:00", this.world.deptA(),
				"SOLVED");
		this.freeze.freeze(YearMonth.of(2017, 5), null);
		String product = this.jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
		if (product.toLowerCase().contains("postgres")) {
			assertThatThrownBy(() -> this.jdbc
				.update("update assessment_result set score = 0 where month_start = date '2017-05-01'"))
				.hasMessageContaining("frozen");
			assertThatThrownBy(
					() -> this.jdbc.update("delete from assessment_month where month_start = date '2017-05-01'"))
				.hasMessageContaining("frozen");
		}
	}

	@Test
	void theLeagueTableShowsTheMovementSinceLastMonth() throws Exception {
		AssessmentCases cases = new AssessmentCases(new Api(this.mvc), this.world, this.clock);
		cases.resolved("2020-06-10T10:00", this.world.deptA(), "SOLVED");
		cases.resolved("2020-06-10T11:00", this.world.otherDeptA(), "EXPLAINED");
		cases.resolved("2020-07-10T10:00", this.world.deptA(), "EXPLAINED");
		cases.resolved("2020-07-10T11:00", this.world.otherDeptA(), "SOLVED");
		cases.resolved("2020-07-10T12:00", this.world.deptB(), "SOLVED");
		this.freeze.freeze(YearMonth.of(2020, 6), null);
		this.freeze.freeze(YearMonth.of(2020, 7), null);
		AssessmentResults.Table july = this.results.table(this.world.admin().actor(), YearMonth.of(2020, 7),
				AssessmentResults.Subject.UNIT, "DEPARTMENT");
		Map<Long, AssessmentResults.Line> lines = new java.util.HashMap<>();
		july.lines().forEach(l -> lines.put(l.unitId(), l));
		assertThat(lines.get(this.world.otherDeptA().getId()).rank()).isEqualTo(1);
		assertThat(lines.get(this.world.otherDeptA().getId()).movementMark()).isEqualTo("↑1");
		assertThat(lines.get(this.world.deptA().getId()).rank()).isEqualTo(2);
		assertThat(lines.get(this.world.deptA().getId()).movementMark()).isEqualTo("↓1");
		assertThat(lines.get(this.world.deptB().getId()).movementMark()).isEqualTo("new");
		assertThat(lines.get(this.world.deptB().getId()).league()).isEqualTo("DEPARTMENT@330481");
		assertThat(july.formula().version()).isEqualTo(1);
		// the best of a league scores more than the one it passed
		assertThat(lines.get(this.world.otherDeptA().getId()).score())
			.isGreaterThan(lines.get(this.world.deptA().getId()).score());
	}

	@Test
	void aNewFormulaIsANewVersionInForceFromItsMonth() {
		int versions = this.formulas.all().size();
		Formula before = this.formulas.inForce(YearMonth.of(2030, 12));
		Formula published = this.formulas.publish(this.world.admin().actor(),
				new Formulas.Draft(YearMonth.of(2031, 1),
						Map.of(Indicator.ON_TIME, new BigDecimal("50"), Indicator.SOLVED, new BigDecimal("50")),
						List.of(new Deduction("ORDERED", "", new BigDecimal("2"), null)), "加重督办扣分"));
		assertThat(published.version()).isEqualTo(before.version() + 1);
		assertThat(this.formulas.all()).hasSize(versions + 1);
		assertThat(this.formulas.inForce(YearMonth.of(2030, 12)).version()).isEqualTo(before.version());
		assertThat(this.formulas.inForce(YearMonth.of(2031, 1)).version()).isEqualTo(published.version());
		assertThat(this.formulas.inForce(YearMonth.of(2031, 6)).total()).isEqualByComparingTo("100");
		// the old version is as it was
		assertThat(this.formulas.find(before.version()).orElseThrow().canonical()).isEqualTo(before.canonical());
		// nobody but the top administrator, and never a frozen month
		assertThatThrownBy(() -> this.formulas.publish(this.world.leaderA().actor(),
				new Formulas.Draft(YearMonth.of(2031, 2), Map.of(Indicator.ON_TIME, BigDecimal.TEN), List.of(), "x")))
			.isInstanceOf(org.qiqing.platform.NotAllowed.class);
		this.freeze.freeze(YearMonth.of(2016, 1), null);
		assertThatThrownBy(() -> this.formulas.publish(this.world.admin().actor(),
				new Formulas.Draft(YearMonth.of(2016, 1), Map.of(Indicator.ON_TIME, BigDecimal.TEN), List.of(), "x")))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void aWrittenCriticismCostsPointsFromTheVersionOfV49AndMonthsFrozenBeforeKeepTheirFormula() throws Exception {
		// V49: a new version deducting CRITICISED from 2027, everything else as before
		Formula old = this.formulas.inForce(YearMonth.of(2026, 12));
		Formula criticism = this.formulas.inForce(YearMonth.of(2027, 1));
		assertThat(criticism.version()).isGreaterThan(old.version());
		assertThat(criticism.validFrom()).isEqualTo(YearMonth.of(2027, 1));
		assertThat(old.deductions()).noneMatch(d -> d.measure().equals("CRITICISED"));
		assertThat(criticism.deductions())
			.contains(new Deduction("CRITICISED", "", new BigDecimal("3.00"), new BigDecimal("15.00")));
		assertThat(criticism.deductions()).containsAll(old.deductions());
		assertThat(criticism.weights()).isEqualTo(old.weights());

		AssessmentCases cases = new AssessmentCases(new Api(this.mvc), this.world, this.clock);
		// a month under the old version: the criticism is counted, not deducted
		cases.criticised("2022-03-08T10:00", this.world.deptA());
		cases.resolved("2022-03-08T11:00", this.world.otherDeptA(), "SOLVED");
		YearMonth march = YearMonth.of(2022, 3);
		this.freeze.freeze(march, null);
		long deptAInMarch = resultId(march, 'U', this.world.deptA().getId());
		AssessmentResults.Detail before = this.results.detail(this.world.admin().actor(), deptAInMarch);
		assertThat(before.month().formulaVersion()).isEqualTo(old.version());
		assertThat(before.line().figures()).containsEntry("CRITICISED", 1L);
		assertThat(before.score().deducted()).doesNotContainKey("CRITICISED");
		String marchRows = snapshotRows(march);

		// a month under the new one: the same facts cost 3 points
		cases.criticised("2027-01-12T10:00", this.world.deptA());
		cases.resolved("2027-01-12T11:00", this.world.otherDeptA(), "SOLVED");
		YearMonth january = YearMonth.of(2027, 1);
		this.clock.set(java.time.Instant.parse("2027-02-03T02:00:00Z"));
		try {
			this.freeze.freeze(january, null);
		}
		finally {
			this.clock.reset();
		}
		AssessmentResults.Detail after = this.results.detail(this.world.admin().actor(),
				resultId(january, 'U', this.world.deptA().getId()));
		assertThat(after.month().formulaVersion()).isEqualTo(criticism.version());
		assertThat(after.line().figures()).containsEntry("CRITICISED", 1L);
		assertThat(after.score().deducted()).containsEntry("CRITICISED", new BigDecimal("3.00"));
		assertThat(after.line().deductionPoints())
			.isEqualByComparingTo(before.line().deductionPoints().add(new BigDecimal("3")));
		assertThat(after.line().score()).isEqualByComparingTo(before.line().score().subtract(new BigDecimal("3")));
		// the unit not criticised loses nothing for it
		AssessmentResults.Detail other = this.results.detail(this.world.admin().actor(),
				resultId(january, 'U', this.world.otherDeptA().getId()));
		assertThat(other.score().deducted()).doesNotContainKey("CRITICISED");

		// the month frozen under the old version is as it was, and recomputes to its hash
		assertThat(snapshotRows(march)).isEqualTo(marchRows);
		assertThat(this.freeze.recompute(march).same()).isTrue();
		assertThat(this.results.detail(this.world.admin().actor(), deptAInMarch).month().formulaVersion())
			.isEqualTo(old.version());
	}

	@Test
	void aMonthNotOverIsNotFrozen() {
		assertThatThrownBy(() -> this.freeze.freeze(this.freeze.thisMonth(), null)).isInstanceOf(InvalidInput.class);
	}

	/**
	 * A database whose cases came before its statistics (an upgrade before its rebuild):
	 * no month is frozen from part of its steps, by the schedule or by hand, until the
	 * rollups are rebuilt.
	 */
	@Test
	void noMonthIsFrozenUntilTheStatisticsCountEveryCase() throws Exception {
		Api api = new Api(this.mvc);
		YearMonth june = YearMonth.of(2014, 6);
		this.jdbc.update("delete from stat_complete");
		assertThat(this.freeze.countsComplete()).isFalse();

		MvcResult refused = api.post(this.world.admin(), "/api/v1/assessment/months/" + june + "/freeze", "{}");
		assertThat(status(refused)).isEqualTo(409);
		assertThat((String) Api.read(refused, "$.detail")).contains("--rebuild-statistics");
		int frozenMonths = this.jdbc.queryForObject("select count(*) from assessment_month", Integer.class);
		new AssessmentSchedule(this.freeze, JdbcClient.create(this.jdbc)).freezeEndedMonths();
		assertThat(this.jdbc.queryForObject("select count(*) from assessment_month", Integer.class))
			.as("the schedule waits too")
			.isEqualTo(frozenMonths);

		assertThat(status(api.post(this.world.admin(), "/api/v1/statistics/rebuild", "{}"))).isEqualTo(200);
		assertThat(this.freeze.countsComplete()).isTrue();
		assertThat(status(api.post(this.world.admin(), "/api/v1/assessment/months/" + june + "/freeze", "{}")))
			.isEqualTo(200);
	}

	private Map<String, Long> figures(YearMonth month, char subject, long unit) {
		return Snapshot.figures(this.jdbc.queryForObject(
				"select figures from assessment_result where month_start = ? and subject = ? and unit_id = ?",
				String.class, java.sql.Date.valueOf(month.atDay(1)), String.valueOf(subject), unit));
	}

	private long resultId(YearMonth month, char subject, long unit) {
		return this.jdbc.queryForObject(
				"select id from assessment_result where month_start = ? and subject = ? and unit_id = ?", Long.class,
				java.sql.Date.valueOf(month.atDay(1)), String.valueOf(subject), unit);
	}

	private String snapshotRows(YearMonth month) {
		return String.join("\n",
				this.jdbc.query(
						"""
								select concat(subject, '|', unit_id, '|', region_code, '|', figures, '|', adjusted, '|', score, '|', league_rank)
								from assessment_result where month_start = ? order by subject, unit_id, region_code""",
						(rs, n) -> rs.getString(1), java.sql.Date.valueOf(month.atDay(1))))
				+ this.jdbc.queryForObject("select hash from assessment_month where month_start = ?", String.class,
						java.sql.Date.valueOf(month.atDay(1)));
	}

	@SuppressWarnings("unused")
	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

}
