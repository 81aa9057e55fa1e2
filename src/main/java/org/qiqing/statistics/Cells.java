package org.qiqing.statistics;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTransitioned;

/**
 * Where a step's counts go: the rows of the rollups ({@link Cell}) and of the states now
 * ({@link StateCell}) it adds to, with how much. The same for a live step and a replayed
 * one.
 */
final class Cells {

	/** The number of rows one day's counts of a unit are spread over. */
	static final int STRIPES = 8;

	static final String LEAD = "L";

	static final String CO = "C";

	/** The unit of a case no unit holds yet. */
	static final long NO_UNIT = 0;

	record Cell(LocalDate day, String regionCode, String regionPath, long unitId, String role, long categoryId,
			String kind, String channel, String measure, int bucket, int stripe) {
	}

	record StateCell(String regionCode, String regionPath, long unitId, String role, long categoryId, String kind,
			String channel, String state, int stripe) {
	}

	/** A fixed order, so that two steps never lock the same rows in opposite orders. */
	static final Comparator<Cell> ORDER = Comparator.comparing(Cell::day)
		.thenComparing(Cell::regionCode)
		.thenComparingLong(Cell::unitId)
		.thenComparing(Cell::role)
		.thenComparingLong(Cell::categoryId)
		.thenComparing(Cell::kind)
		.thenComparing(Cell::channel)
		.thenComparing(Cell::measure)
		.thenComparingInt(Cell::bucket)
		.thenComparingInt(Cell::stripe);

	static final Comparator<StateCell> STATE_ORDER = Comparator.comparing(StateCell::regionCode)
		.thenComparingLong(StateCell::unitId)
		.thenComparing(StateCell::role)
		.thenComparingLong(StateCell::categoryId)
		.thenComparing(StateCell::kind)
		.thenComparing(StateCell::channel)
		.thenComparing(StateCell::state)
		.thenComparingInt(StateCell::stripe);

	private Cells() {
	}

	/** Adds the step's counts to {@code into}, in its case's stripe. */
	static void count(CaseTransitioned step, Map<Cell, Long> into) {
		count(step, into, stripe(step.caseId()));
	}

	/** Adds the step's counts to {@code into}, in the stripe given. */
	static void count(CaseTransitioned step, Map<Cell, Long> into, int stripe) {
		List<Tally.Count> counts = Tally.of(step);
		if (counts.isEmpty()) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(step.at(), CHINA);
		long category = step.categoryId() == null ? 0 : step.categoryId();
		for (Holder holder : holders(step.leadUnitId(), step.coUnitIds())) {
			for (Tally.Count count : counts) {
				into.merge(new Cell(day, step.regionCode(), step.regionPath(), holder.unit(), holder.role(), category,
						step.kind().name(), step.channel().name(), count.measure().name(), count.bucket(), stripe), 1L,
						Long::sum);
			}
		}
	}

	/** The same counts dated by the first day of their month (the rows of stat_month). */
	static Map<Cell, Long> byMonth(Map<Cell, Long> days) {
		Map<Cell, Long> months = new HashMap<>();
		addByMonth(days, months, new HashMap<>(), false);
		return months;
	}

	/**
	 * Adds the days' counts to the months' rows, each region's code and path held once
	 * ({@code names}: the rows of a decade keep millions of keys).
	 * @param oneStripe all in stripe 0 (a rebuild, which no step writes beside), else in
	 * the day's stripe
	 */
	static void addByMonth(Map<Cell, Long> days, Map<Cell, Long> months, Map<String, String> names, boolean oneStripe) {
		days.forEach((cell, n) -> months.merge(new Cell(cell.day().withDayOfMonth(1),
				names.computeIfAbsent(cell.regionCode(), code -> code),
				names.computeIfAbsent(cell.regionPath(), path -> path), cell.unitId(), cell.role(), cell.categoryId(),
				cell.kind(), cell.channel(), cell.measure(), cell.bucket(), oneStripe ? 0 : cell.stripe()), n,
				Long::sum));
	}

	/**
	 * The cells in the order of their day or month alone: the rows a rebuild writes, so
	 * that the rows of a day or a month lie together in the table (a month's rows written
	 * in the hash map's order lay on as many pages as rows, and reading a month read most
	 * of the table). The rest of {@link #ORDER} matters only to the locks of live steps;
	 * sorting a million cells by all of it took half of a rebuild's time in Java.
	 */
	static List<Map.Entry<Cell, Long>> byDay(Map<Cell, Long> cells) {
		List<Map.Entry<Cell, Long>> sorted = new ArrayList<>(cells.entrySet());
		sorted.sort(Comparator.comparing(entry -> entry.getKey().day()));
		return sorted;
	}

	/**
	 * Moves the case between the states now: out of the state and units it had, into
	 * those it has.
	 */
	static void move(CaseTransitioned step, Map<StateCell, Long> into) {
		boolean sameUnits = java.util.Objects.equals(step.leadUnitId(), step.previousLeadUnitId())
				&& step.coUnitIds().equals(step.previousCoUnitIds());
		if (step.from() == step.to() && sameUnits) {
			return;
		}
		if (step.from() != null) {
			add(step, step.from(), holders(step.previousLeadUnitId(), step.previousCoUnitIds()), -1, into);
		}
		add(step, step.to(), holders(step.leadUnitId(), step.coUnitIds()), 1, into);
	}

	private static void add(CaseTransitioned step, CaseState state, List<Holder> holders, long delta,
			Map<StateCell, Long> into) {
		long category = step.categoryId() == null ? 0 : step.categoryId();
		for (Holder holder : holders) {
			into.merge(
					new StateCell(step.regionCode(), step.regionPath(), holder.unit(), holder.role(), category,
							step.kind().name(), step.channel().name(), state.name(), stripe(step.caseId())),
					delta, Long::sum);
		}
	}

	private record Holder(long unit, String role) {
	}

	/** The lead unit (or none), then each co-handling unit. */
	private static List<Holder> holders(Long lead, Set<Long> coUnits) {
		List<Holder> holders = new ArrayList<>(1 + coUnits.size());
		holders.add(new Holder(lead == null ? NO_UNIT : lead, LEAD));
		for (Long unit : new TreeSet<>(coUnits)) {
			holders.add(new Holder(unit, CO));
		}
		return holders;
	}

	static int stripe(long caseId) {
		return (int) Math.floorMod(caseId, STRIPES);
	}

}
