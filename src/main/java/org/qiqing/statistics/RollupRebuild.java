package org.qiqing.statistics;

import java.util.HashMap;
import java.util.Map;

import org.qiqing.casework.CaseHistories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds every rollup from the case histories: each step replayed
 * ({@link CaseHistories}) and counted by the same {@link Tally} as the live steps, in one
 * transaction that replaces the old rows. New steps wait for it (they count in the same
 * tables, which it locks on PostgreSQL). The days' counts are added up in memory a chunk
 * of {@value #CHUNK} rows at a time and then added to the table (a province's decade
 * makes more rows than cases, more than a heap holds); the months' and the states' rows,
 * far fewer, are kept in memory to the end.
 */
@Component
public class RollupRebuild {

	private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

	/** The days' rows added up in memory before they are written. */
	static final int CHUNK = 1_000_000;

	/**
	 * What a rebuild did: the rows counted in chunks of days, of months and of states.
	 */
	public record Result(long steps, long rows, int stateRows, long millis) {
	}

	private final CaseHistories histories;

	private final Rollups rollups;

	RollupRebuild(CaseHistories histories, Rollups rollups) {
		this.histories = histories;
		this.rollups = rollups;
	}

	@Transactional
	public Result rebuild() {
		return rebuild(CHUNK);
	}

	/** The same, writing the days' rows every {@code chunk} rows (tests: a small one). */
	@Transactional
	Result rebuild(int chunk) {
		long started = System.nanoTime();
		this.rollups.lockAgainstSteps();
		this.rollups.clear();
		Map<Cells.Cell, Long> days = new HashMap<>();
		Map<Cells.Cell, Long> months = new HashMap<>();
		Map<Cells.StateCell, Long> states = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		long[] counted = { 0, 0 };
		this.histories.forEach(step -> {
			counted[0]++;
			Cells.count(step, days);
			Cells.move(step, states);
			if (days.size() >= chunk) {
				counted[1] += write(days, months, names);
				log.info("rebuilding the statistics: {} steps replayed, {} rows of days written, {} s", counted[0],
						counted[1], (System.nanoTime() - started) / 1_000_000_000);
			}
		});
		counted[1] += write(days, months, names);
		this.rollups.addMonths(months);
		states.values().removeIf(n -> n == 0);
		this.rollups.addStates(states);
		this.rollups.markComplete();
		return new Result(counted[0], counted[1], states.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** Writes a chunk of days' rows, adds it to the months', and empties it. */
	private int write(Map<Cells.Cell, Long> days, Map<Cells.Cell, Long> months, Map<String, String> names) {
		int rows = days.size();
		this.rollups.addDays(days);
		Cells.addByMonth(days, months, names);
		days.clear();
		return rows;
	}

}
