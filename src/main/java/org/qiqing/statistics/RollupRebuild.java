package org.qiqing.statistics;

import java.util.HashMap;
import java.util.Map;

import org.qiqing.casework.CaseHistories;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds every rollup from the case histories: each step replayed
 * ({@link CaseHistories}) and counted by the same {@link Tally} as the live steps, added
 * up in memory and written in one transaction that replaces the old rows. New steps wait
 * for it (they count in the same tables, which it locks on PostgreSQL).
 */
@Component
public class RollupRebuild {

	/** What a rebuild did. */
	public record Result(long steps, int rows, int stateRows, long millis) {
	}

	private final CaseHistories histories;

	private final Rollups rollups;

	RollupRebuild(CaseHistories histories, Rollups rollups) {
		this.histories = histories;
		this.rollups = rollups;
	}

	@Transactional
	public Result rebuild() {
		long started = System.nanoTime();
		this.rollups.lockAgainstSteps();
		Map<Cells.Cell, Long> cells = new HashMap<>();
		Map<Cells.StateCell, Long> states = new HashMap<>();
		long[] steps = { 0 };
		this.histories.forEach(step -> {
			steps[0]++;
			Cells.count(step, cells);
			Cells.move(step, states);
		});
		states.values().removeIf(n -> n == 0);
		this.rollups.replaceAll(cells, states);
		return new Result(steps[0], cells.size(), states.size(), (System.nanoTime() - started) / 1_000_000);
	}

}
