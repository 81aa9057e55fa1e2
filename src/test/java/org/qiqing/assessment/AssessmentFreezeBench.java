package org.qiqing.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not part of the suite (run it by name, on PostgreSQL): the time to freeze a month of a
 * province. A province of 1 city-level tree (11 cities, 99 counties, 1,287 towns) and
 * 5,000 units; each month 30 days × 5,000 units × 10 measures = 1,500,000 rollup rows (a
 * province's month of some 80,000 cases and 700,000 steps has fewer distinct cells).
 * Freezes three such months, the third looking back on two frozen ones, and prints the
 * times.
 */
@IntegrationTest
class AssessmentFreezeBench {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AssessmentFreeze freeze;

	@Test
	void freezingAMonthOfAProvince() {
		String product = this.jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
		Assumptions.assumeTrue(product.toLowerCase().contains("postgres"), "PostgreSQL only");
		this.jdbc.update(
				"insert into region (code, name, level, parent_code, path) values ('91', '测试省', 'PROVINCE', null, '/91/')");
		this.jdbc.update("""
				insert into region (code, name, level, parent_code, path)
				select '91' || lpad(c::text, 2, '0'), '市' || c, 'CITY', '91', '/91/91' || lpad(c::text, 2, '0') || '/'
				from generate_series(1, 11) c""");
		this.jdbc
			.update("""
					insert into region (code, name, level, parent_code, path)
					select '91' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0'), '县' || c || '-' || k, 'COUNTY',
					       '91' || lpad(c::text, 2, '0'),
					       '/91/91' || lpad(c::text, 2, '0') || '/91' || lpad(c::text, 2, '0') || lpad(k::text, 2, '0') || '/'
					from generate_series(1, 11) c, generate_series(1, 9) k""");
		this.jdbc
			.update("""
					insert into region (code, name, level, parent_code, path)
					select r.code || lpad(t::text, 3, '0'), '镇' || r.code || t, 'TOWN', r.code, r.path || r.code || lpad(t::text, 3, '0') || '/'
					from region r, generate_series(1, 13) t where r.code like '91%' and r.level = 'COUNTY'""");
		this.jdbc
			.update("""
					insert into unit (code, name, kind, region_code)
					select 'B-' || u, '单位' || u, case when u % 3 = 0 then 'TOWN_GOVERNMENT' else 'DEPARTMENT' end,
					       (select code from region where level = 'TOWN' and code like '91%' order by code offset (u % 1287) limit 1)
					from generate_series(1, 5000) u""");
		long started = System.nanoTime();
		for (int month = 1; month <= 3; month++) {
			this.jdbc
				.update("""
						insert into stat_rollup (on_day, region_code, region_path, unit_id, unit_role, category_id, kind, channel,
						                         measure, bucket, stripe, n)
						select date '2012-0%d-01' + d, r.code, r.path, u.id, 'L', 1, 'ENTERPRISE_REQUEST', 'WEB', m.measure, 0, 0,
						       1 + (u.id + d) %% 5
						from unit u join region r on r.code = u.region_code,
						     generate_series(0, 27) d,
						     (values ('RESOLVED'), ('RESOLVED_ON_TIME'), ('RESOLVED_SOLVED'), ('RATED'), ('RATED_SATISFIED'),
						             ('CONTACTED'), ('CONTACTED_IN_TIME'), ('BECAME_OVERDUE'), ('ORDERED'), ('RECEIVED')) m (measure)
						where u.code like 'B-%%'"""
					.formatted(month));
		}
		this.jdbc.execute("analyze stat_rollup");
		long loaded = System.nanoTime();
		System.out.printf("bench: rollups written in %d ms (%d rows)%n", (loaded - started) / 1_000_000, this.jdbc
			.queryForObject("select count(*) from stat_rollup where on_day < date '2013-01-01'", Long.class));
		for (int month = 1; month <= 3; month++) {
			long t = System.nanoTime();
			AssessmentFreeze.Outcome outcome = this.freeze.freeze(YearMonth.of(2012, month), null);
			System.out.printf("bench: froze 2012-%02d: %d results, %d adjustments in %d ms%n", month, outcome.results(),
					outcome.adjustments(), (System.nanoTime() - t) / 1_000_000);
			assertThat(outcome.results()).isGreaterThan(5000);
		}
	}

}
