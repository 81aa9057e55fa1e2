package org.qiqing.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qiqing.casework.CaseHistories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rebuilds every rollup from the case histories: each step replayed
 * ({@link CaseHistories}, read on a thread of its own a few batches ahead:
 * {@link StepsAhead}) and counted by the same {@link Tally} as the live steps, in one
 * transaction that replaces the old rows. New steps wait for it (they count in the same
 * tables, which it locks on PostgreSQL). The days' counts are added up in memory a chunk
 * of {@value #CHUNK} rows at a time and then written (a province's decade makes more rows
 * than cases, more than a heap holds); the months' and the states' rows, far fewer, are
 * kept in memory to the end. The readers add a cell's stripes up, whatever they are, so
 * the rebuild, which no step writes beside, need not spread the rows as the live steps
 * do: each chunk of days is written in a stripe of its own (its number), so that it only
 * inserts rows, never looks for one an earlier chunk wrote; the months go in stripe 0,
 * one row a cell. All in the order of their day or month, so that the rows of a month lie
 * together in the table. On PostgreSQL the rows go into fresh tables put in place at the
 * end ({@link FreshTables}): readers read the old counts meanwhile.
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

	private final EndedPeriods endedPeriods;

	RollupRebuild(CaseHistories histories, Rollups rollups, EndedPeriods endedPeriods) {
		this.histories = histories;
		this.rollups = rollups;
		this.endedPeriods = endedPeriods;
	}

	@Transactional
	public Result rebuild() {
		return rebuild(CHUNK, Short.MAX_VALUE);
	}

	/**
	 * The same, writing the days' rows every {@code chunk} rows, each chunk in a stripe
	 * of its own up to {@code lastStripe} (the largest a smallint holds, some 32 billion
	 * rows at the chunk's size); the chunks past it share that stripe and add to each
	 * other's rows. Tests make both small.
	 */
	@Transactional
	Result rebuild(int chunk, int lastStripe) {
		long started = System.nanoTime();
		// Once the new rows are committed: forgotten earlier, a period read meanwhile
		// would be kept from the old ones.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				RollupRebuild.this.endedPeriods.forget();
			}
		});
		Rollups.Rewrite rewrite = this.rollups.rewrite();
		Map<Cells.Cell, Long> days = new HashMap<>();
		Map<Cells.Cell, Long> months = new HashMap<>();
		Map<Cells.StateCell, Long> states = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		long[] counted = { 0, 0, 0 };
		StepsAhead.forEach(this.histories::forEach, step -> {
			counted[0]++;
			Cells.count(step, days, (int) Math.min(counted[2], lastStripe));
			Cells.move(step, states);
			if (days.size() >= chunk) {
				counted[1] += write(rewrite, days, counted[2]++ >= lastStripe, months, names);
				log.info("rebuilding the statistics: {} steps replayed, {} rows of days written, {} s", counted[0],
						counted[1], (System.nanoTime() - started) / 1_000_000_000);
			}
		});
		counted[1] += write(rewrite, days, counted[2] >= lastStripe, months, names);
		rewrite.insertMonths(Cells.byDay(months));
		states.values().removeIf(n -> n == 0);
		rewrite.addStates(states);
		rewrite.complete();
		return new Result(counted[0], counted[1], states.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Writes a chunk of days' rows, adds it to the months' (in stripe 0), and empties it.
	 * @param shared whether its stripe is the last one, which earlier chunks wrote too
	 * @return the rows written
	 */
	private static int write(Rollups.Rewrite rewrite, Map<Cells.Cell, Long> days, boolean shared,
			Map<Cells.Cell, Long> months, Map<String, String> names) {
		List<Map.Entry<Cells.Cell, Long>> rows = Cells.byDay(days);
		if (shared) {
			rewrite.addDays(rows);
		}
		else {
			rewrite.insertDays(rows);
		}
		Cells.addByMonth(days, months, names, true);
		days.clear();
		return rows.size();
	}

}
