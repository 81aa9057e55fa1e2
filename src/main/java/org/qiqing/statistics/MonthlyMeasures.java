package org.qiqing.statistics;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qiqing.casework.CaseHistories;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts of one month by lead unit (0: no unit yet) and region, for a module that
 * judges units by them (assessment): read from the rollups in one grouped statement, or
 * recomputed from the case histories through the same {@link Tally}, without reading or
 * touching the rollups. The two agree as long as the rollups agree with the histories
 * ({@link RollupRebuild}). Only the lead unit's counts (as the dashboard's rankings), and
 * no histogram.
 */
@Component
public class MonthlyMeasures {

	/** The count of one measure of the month for one unit in one region. */
	public record Row(long unitId, String regionCode, String regionPath, String measure, long n) {
	}

	private final JdbcClient jdbc;

	private final CaseHistories histories;

	private final Rollups rollups;

	MonthlyMeasures(JdbcClient jdbc, CaseHistories histories, Rollups rollups) {
		this.jdbc = jdbc;
		this.histories = histories;
		this.rollups = rollups;
	}

	/**
	 * Whether the rollups count every step of every case: true on an install that has
	 * counted since its first case, and after a rebuild; false where cases were there
	 * before the rollups (an upgrade from before them, a database loaded by other means)
	 * until {@code --rebuild-statistics} has run. Until then {@link #fromRollups} would
	 * read part of the steps.
	 */
	public boolean complete() {
		return this.rollups.complete();
	}

	/**
	 * The month's counts as the rollups keep them (its row of stat_month): one statement,
	 * grouped.
	 */
	@Transactional(readOnly = true)
	public List<Row> fromRollups(YearMonth month) {
		return this.jdbc.sql("""
				select r.unit_id, r.region_code, r.region_path, r.measure, sum(r.n)
				from stat_month r
				where r.in_month = :month and r.unit_role = :role and r.measure <> :histogram
				group by r.unit_id, r.region_code, r.region_path, r.measure
				having sum(r.n) <> 0""")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("role", Cells.LEAD)
			.param("histogram", Measure.RESOLVE_DAYS.name())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
			.list();
	}

	/**
	 * The same counts recomputed from every case's history (each step replayed through
	 * {@link Tally}, those dated in the month kept): slow, for verifying a month.
	 */
	public List<Row> fromHistories(YearMonth month) {
		record Key(long unit, String code, String path, String measure) {
		}
		Map<Key, Long> counts = new HashMap<>();
		this.histories.forEach(step -> {
			LocalDate day = LocalDate.ofInstant(step.at(), CHINA);
			if (!YearMonth.from(day).equals(month)) {
				return;
			}
			long unit = step.leadUnitId() == null ? Cells.NO_UNIT : step.leadUnitId();
			for (Tally.Count count : Tally.of(step)) {
				if (count.measure() != Measure.RESOLVE_DAYS) {
					counts.merge(new Key(unit, step.regionCode(), step.regionPath(), count.measure().name()), 1L,
							Long::sum);
				}
			}
		});
		List<Row> rows = new ArrayList<>(counts.size());
		counts.forEach((key, n) -> rows.add(new Row(key.unit(), key.code(), key.path(), key.measure(), n)));
		return rows;
	}

}
