package org.qiqing.assessment;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.qiqing.organisation.Region;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.statistics.MonthlyMeasures;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezes a month: its figures read from the statistics in one grouped statement
 * ({@link MonthlyMeasures#fromRollups}), the late counts of the frozen months before it
 * found by one such statement per month looked back and carried in as adjustments, the
 * scores and ranks computed in memory per unit and region (not per case), and everything
 * written in three batched inserts with the hash. A frozen month is never written again:
 * freezing it twice returns what was frozen. {@link #recompute} does the same from the
 * case histories.
 */
@Service
public class AssessmentFreeze {

	/** What a freeze did or found. */
	public record Outcome(YearMonth month, boolean frozenNow, String hash, int results, int adjustments, long millis) {
	}

	/** A recomputation of a frozen month from the histories. */
	public record Verification(YearMonth month, String frozenHash, String recomputedHash, boolean same, int results) {
	}

	private static final EnumSet<RegionLevel> LEAGUE_LEVELS = EnumSet.of(RegionLevel.PROVINCE, RegionLevel.CITY,
			RegionLevel.COUNTY);

	private final MonthlyMeasures measures;

	private final Formulas formulas;

	private final Units units;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	private final ObjectProvider<AccountabilityDecisions> accountability;

	private final int lookBack;

	AssessmentFreeze(MonthlyMeasures measures, Formulas formulas, Units units, Regions regions, JdbcClient jdbc,
			JdbcTemplate template, Clock clock, ObjectProvider<AccountabilityDecisions> accountability,
			@Value("${qiqing.assessment.look-back-months:6}") int lookBack) {
		this.measures = measures;
		this.formulas = formulas;
		this.units = units;
		this.regions = regions;
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
		this.accountability = accountability;
		this.lookBack = lookBack;
	}

	/** The current month in China. */
	public YearMonth thisMonth() {
		return YearMonth.from(LocalDate.now(this.clock.withZone(CHINA)));
	}

	/**
	 * Whether the statistics count every step, so that a month can be frozen: false on a
	 * database whose cases came before its rollups, until they are rebuilt.
	 */
	public boolean countsComplete() {
		return this.measures.complete();
	}

	/** The last frozen month, if any. */
	@Transactional(readOnly = true)
	public Optional<YearMonth> lastFrozen() {
		return this.jdbc.sql("select max(month_start) from assessment_month")
			.query(Date.class)
			.optional()
			.map(d -> YearMonth.from(d.toLocalDate()));
	}

	/**
	 * Freezes a month that has ended, once. The schedule freezes months in order; a month
	 * frozen later than the next one carries its late counts into the next month frozen
	 * after it.
	 * @param by the person who asked, or null for the schedule
	 * @throws InvalidInput for a month not over
	 * @throws NotAllowed while the rollups do not count every step yet (see
	 * {@link #countsComplete()}): a month frozen from part of its steps would stay wrong
	 */
	@Transactional
	public Outcome freeze(YearMonth month, Long by) {
		long started = System.nanoTime();
		Optional<Outcome> frozen = frozen(month);
		if (frozen.isPresent()) {
			return frozen.get();
		}
		if (!month.isBefore(thisMonth())) {
			throw new InvalidInput("month", Text.of("assessment.error.monthNotOver", month.toString()));
		}
		if (!countsComplete()) {
			throw new NotAllowed(Text.of("assessment.error.countsIncomplete"));
		}
		Snapshot snapshot = compute(month, rollupFigures(month), carriedIn(month));
		String hash = snapshot.hash();
		try {
			this.jdbc
				.sql("""
						insert into assessment_month (month_start, formula_version, hash, results, adjustments, frozen_at, frozen_by)
						values (:month, :version, :hash, :results, :adjustments, :at, :by)""")
				.param("month", Date.valueOf(month.atDay(1)))
				.param("version", snapshot.formula().version())
				.param("hash", hash)
				.param("results", snapshot.results().size())
				.param("adjustments", snapshot.adjustments().size())
				.param("at", Timestamp.from(this.clock.instant()))
				.param("by", by)
				.update();
		}
		catch (DuplicateKeyException twin) {
			// another node froze it meanwhile: its rows stand
			return frozen(month).orElseThrow();
		}
		Date first = Date.valueOf(month.atDay(1));
		this.template.batchUpdate(
				"""
						insert into assessment_result (month_start, subject, unit_id, region_code, region_path, league, figures, adjusted,
						                               indicator_points, deduction_points, score, league_rank, league_size)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				snapshot.results(), 2000, (ps, r) -> {
					ps.setDate(1, first);
					ps.setString(2, String.valueOf(r.subject().kind()));
					ps.setLong(3, r.subject().unitId());
					ps.setString(4, r.subject().regionCode());
					ps.setString(5, r.regionPath());
					ps.setString(6, r.league());
					ps.setString(7, Snapshot.text(r.figures()));
					ps.setString(8, Snapshot.text(r.adjusted()));
					ps.setBigDecimal(9, r.indicatorPoints());
					ps.setBigDecimal(10, r.deductionPoints());
					ps.setBigDecimal(11, r.score());
					ps.setInt(12, r.rank());
					ps.setInt(13, r.leagueSize());
				});
		this.template.batchUpdate("""
				insert into assessment_adjustment (month_start, of_month, subject, unit_id, region_code, measure, delta)
				values (?, ?, ?, ?, ?, ?, ?)""", snapshot.adjustments(), 2000, (ps, a) -> {
			ps.setDate(1, first);
			ps.setDate(2, Date.valueOf(a.ofMonth().atDay(1)));
			ps.setString(3, String.valueOf(a.subject().kind()));
			ps.setLong(4, a.subject().unitId());
			ps.setString(5, a.subject().regionCode());
			ps.setString(6, a.measure());
			ps.setLong(7, a.delta());
		});
		return new Outcome(month, true, hash, snapshot.results().size(), snapshot.adjustments().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Recomputes a frozen month from the case histories: its own figures are the
	 * histories' counts of the month less the late counts carried out of it into later
	 * months since, the adjustments it carried in are its own record. The same hash means
	 * the month was frozen from what the histories say.
	 */
	public Verification recompute(YearMonth month) {
		Outcome frozen = frozen(month)
			.orElseThrow(() -> new InvalidInput("month", Text.of("assessment.error.notFrozen", month.toString())));
		Map<Snapshot.Subject, Subjected> figures = subjects(this.measures.fromHistories(month), month);
		storedAdjustments("of_month", month).forEach(a -> {
			Subjected s = figures.get(a.subject());
			if (s != null) {
				s.figures().merge(a.measure(), -a.delta(), Long::sum);
			}
		});
		Snapshot snapshot = compute(month, figures, storedAdjustments("month", month));
		return new Verification(month, frozen.hash(), snapshot.hash(), frozen.hash().equals(snapshot.hash()),
				snapshot.results().size());
	}

	Optional<Outcome> frozen(YearMonth month) {
		return this.jdbc.sql("select hash, results, adjustments from assessment_month where month_start = :month")
			.param("month", Date.valueOf(month.atDay(1)))
			.query((rs, n) -> new Outcome(month, false, rs.getString(1), rs.getInt(2), rs.getInt(3), 0))
			.optional();
	}

	/** A subject's place and its figures, while they are added up. */
	record Subjected(Snapshot.Subject subject, String regionPath, String league, Map<String, Long> figures) {
	}

	private Map<Snapshot.Subject, Subjected> rollupFigures(YearMonth month) {
		return subjects(this.measures.fromRollups(month), month);
	}

	/**
	 * Adds the rows up per unit (its own region and league) and per region (each region
	 * on the row's path: a region's figures are those of its whole subtree).
	 */
	Map<Snapshot.Subject, Subjected> subjects(List<MonthlyMeasures.Row> rows, YearMonth month) {
		Map<String, Region> regionsByCode = new HashMap<>();
		this.regions.all().forEach(r -> regionsByCode.put(r.code(), r));
		Map<Long, Unit> unitsById = new HashMap<>();
		this.units.findAll().forEach(u -> unitsById.put(u.getId(), u));
		Map<Snapshot.Subject, Subjected> subjects = new TreeMap<>();
		for (MonthlyMeasures.Row row : rows) {
			Unit unit = row.unitId() == 0 ? null : unitsById.get(row.unitId());
			if (unit != null) {
				add(subjects, unitSubject(unit, regionsByCode), row.measure(), row.n());
			}
			for (String code : row.regionPath().split("/")) {
				Region region = code.isEmpty() ? null : regionsByCode.get(code);
				if (region != null) {
					add(subjects, regionSubject(region), row.measure(), row.n());
				}
			}
		}
		AccountabilityDecisions decisions = this.accountability.getIfAvailable();
		if (decisions != null) {
			decisions.of(month).forEach((unitId, n) -> {
				Unit unit = unitsById.get(unitId);
				if (unit != null && n != 0) {
					add(subjects, unitSubject(unit, regionsByCode), Deduction.ACCOUNTABILITY, n);
				}
			});
		}
		return subjects;
	}

	private static void add(Map<Snapshot.Subject, Subjected> subjects, Subjected blank, String measure, long n) {
		subjects.computeIfAbsent(blank.subject(), key -> blank).figures().merge(measure, n, Long::sum);
	}

	private static Subjected unitSubject(Unit unit, Map<String, Region> regions) {
		Region region = regions.get(unit.getRegionCode());
		String path = region == null ? "/" : region.path();
		Region league = region;
		while (league != null && !LEAGUE_LEVELS.contains(league.level()) && league.parentCode() != null) {
			league = regions.get(league.parentCode());
		}
		return new Subjected(new Snapshot.Subject('U', unit.getId(), unit.getRegionCode()), path,
				unit.getKind().name() + "@" + (league == null ? "" : league.code()), new TreeMap<>());
	}

	private static Subjected regionSubject(Region region) {
		return new Subjected(new Snapshot.Subject('R', 0, region.code()), region.path(),
				region.level().name() + "@" + (region.parentCode() == null ? "" : region.parentCode()),
				new TreeMap<>());
	}

	/**
	 * The late counts of the frozen months looked back on: what the statistics count for
	 * them now, less what was frozen and carried since.
	 */
	private List<Snapshot.Adjustment> carriedIn(YearMonth month) {
		List<Snapshot.Adjustment> carried = new ArrayList<>();
		List<YearMonth> earlier = this.jdbc.sql(
				"select month_start from assessment_month where month_start < :month and month_start >= :since order by month_start")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("since", Date.valueOf(month.minusMonths(this.lookBack).atDay(1)))
			.query(Date.class)
			.list()
			.stream()
			.map(d -> YearMonth.from(d.toLocalDate()))
			.toList();
		for (YearMonth of : earlier) {
			Map<Snapshot.Subject, Map<String, Long>> known = new TreeMap<>();
			this.jdbc
				.sql("select subject, unit_id, region_code, figures from assessment_result where month_start = :month")
				.param("month", Date.valueOf(of.atDay(1)))
				.query((rs, n) -> known.put(
						new Snapshot.Subject(rs.getString(1).charAt(0), rs.getLong(2), rs.getString(3)),
						new TreeMap<>(Snapshot.figures(rs.getString(4)))))
				.list();
			storedAdjustments("of_month", of).forEach(a -> known.computeIfAbsent(a.subject(), key -> new TreeMap<>())
				.merge(a.measure(), a.delta(), Long::sum));
			Map<Snapshot.Subject, Subjected> now = rollupFigures(of);
			java.util.Set<Snapshot.Subject> all = new java.util.TreeSet<>(known.keySet());
			all.addAll(now.keySet());
			for (Snapshot.Subject subject : all) {
				Map<String, Long> before = known.getOrDefault(subject, Map.of());
				Map<String, Long> after = now.containsKey(subject) ? now.get(subject).figures() : Map.of();
				java.util.Set<String> names = new java.util.TreeSet<>(before.keySet());
				names.addAll(after.keySet());
				for (String measure : names) {
					long delta = after.getOrDefault(measure, 0L) - before.getOrDefault(measure, 0L);
					if (delta != 0) {
						carried.add(new Snapshot.Adjustment(of, subject, measure, delta));
					}
				}
			}
		}
		return carried;
	}

	/**
	 * The adjustments recorded with {@code column} (month or of_month) equal to a month.
	 */
	private List<Snapshot.Adjustment> storedAdjustments(String column, YearMonth month) {
		String where = "month".equals(column) ? "month_start = :month" : "of_month = :month";
		return this.jdbc
			.sql("select of_month, subject, unit_id, region_code, measure, delta from assessment_adjustment where "
					+ where)
			.param("month", Date.valueOf(month.atDay(1)))
			.query((rs, n) -> new Snapshot.Adjustment(YearMonth.from(rs.getDate(1).toLocalDate()),
					new Snapshot.Subject(rs.getString(2).charAt(0), rs.getLong(3), rs.getString(4)), rs.getString(5),
					rs.getLong(6)))
			.list();
	}

	/**
	 * Scores and ranks a month: each subject's own figures plus the adjustments carried
	 * in for it, under the formula in force in the month.
	 */
	Snapshot compute(YearMonth month, Map<Snapshot.Subject, Subjected> subjects,
			List<Snapshot.Adjustment> adjustments) {
		Formula formula = this.formulas.inForce(month);
		Map<Snapshot.Subject, Map<String, Long>> adjusted = new TreeMap<>();
		for (Snapshot.Adjustment a : adjustments) {
			adjusted.computeIfAbsent(a.subject(), key -> new TreeMap<>()).merge(a.measure(), a.delta(), Long::sum);
		}
		// a subject with only late counts still has a result, from its adjustments
		for (Snapshot.Subject subject : adjusted.keySet()) {
			if (!subjects.containsKey(subject)) {
				Subjected blank = blank(subject);
				if (blank != null) {
					subjects.put(subject, blank);
				}
			}
		}
		List<Scored> scored = new ArrayList<>();
		for (Subjected s : subjects.values()) {
			Map<String, Long> own = new TreeMap<>(s.figures());
			own.values().removeIf(n -> n == 0);
			Map<String, Long> carried = adjusted.getOrDefault(s.subject(), Map.of());
			if (own.isEmpty() && carried.isEmpty()) {
				continue;
			}
			Map<String, Long> all = new TreeMap<>(own);
			carried.forEach((m, n) -> all.merge(m, n, Long::sum));
			scored.add(new Scored(s, own, carried, formula.score(all)));
		}
		List<Snapshot.Result> results = Leagues.rank(scored);
		return new Snapshot(month, formula, results, adjustments);
	}

	private Subjected blank(Snapshot.Subject subject) {
		Map<String, Region> regionsByCode = new HashMap<>();
		this.regions.all().forEach(r -> regionsByCode.put(r.code(), r));
		if (subject.kind() == 'R') {
			Region region = regionsByCode.get(subject.regionCode());
			return region == null ? null : regionSubject(region);
		}
		return this.units.findById(subject.unitId()).map(u -> unitSubject(u, regionsByCode)).orElse(null);
	}

	/** A subject with its score, before ranking. */
	record Scored(Subjected subject, Map<String, Long> own, Map<String, Long> carried, Formula.Score score) {
	}

}
