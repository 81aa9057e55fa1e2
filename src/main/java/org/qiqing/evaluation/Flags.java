package org.qiqing.evaluation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseQueries.ClosedCase;
import org.qiqing.casework.RatingSource;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratings that disagree with spot-checks: for each unit with recorded spot-checks among
 * the cases the person may see, its enterprises' own 满意率 over its cases closed in the
 * period against the 满意率 its spot-checks heard, judged by {@link Disagreement}.
 */
@Component
public class Flags {

	/** A unit's figures and whether they flag it. */
	public record UnitFlag(long unitId, String unitName, Disagreement figures) {
	}

	public record Report(LocalDate from, LocalDate to, List<UnitFlag> units) {
	}

	private final CaseQueries cases;

	private final SpotChecks spotChecks;

	private final Units units;

	Flags(CaseQueries cases, SpotChecks spotChecks, Units units) {
		this.cases = cases;
		this.spotChecks = spotChecks;
		this.units = units;
	}

	/** The units of the period, flagged ones first, then by the gap. */
	@Transactional(readOnly = true)
	public Report of(Actor actor, LocalDate from, LocalDate to) {
		Map<Long, int[]> spot = new HashMap<>();
		for (SpotChecks.SpotCheck check : this.spotChecks.recorded(actor, from, to)) {
			int[] counts = spot.computeIfAbsent(check.leadUnitId(), u -> new int[2]);
			counts[0] += check.rating().isBad() ? 0 : 1;
			counts[1]++;
		}
		Map<Long, int[]> own = new HashMap<>();
		if (!spot.isEmpty()) {
			for (ClosedCase c : this.cases.closedBetween(actor, Campaigns.startOf(from),
					Campaigns.startOf(to.plusDays(1)))) {
				if (c.ratingSource() == RatingSource.ENTERPRISE && c.rating() != null
						&& spot.containsKey(c.leadUnitId())) {
					int[] counts = own.computeIfAbsent(c.leadUnitId(), u -> new int[2]);
					counts[0] += c.rating().isBad() ? 0 : 1;
					counts[1]++;
				}
			}
		}
		Map<Long, String> names = this.units.findAllById(spot.keySet())
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		EvaluationSettings settings = this.spotChecks.settings();
		List<UnitFlag> flags = spot.entrySet().stream().map(e -> {
			int[] o = own.getOrDefault(e.getKey(), new int[2]);
			return new UnitFlag(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()),
					Disagreement.judge(o[0], o[1], e.getValue()[0], e.getValue()[1], settings));
		})
			.sorted(Comparator.comparing((UnitFlag f) -> !f.figures().flagged())
				.thenComparing(f -> f.figures().gapPoints() == null ? Double.MAX_VALUE : -f.figures().gapPoints())
				.thenComparing(UnitFlag::unitName))
			.toList();
		return new Report(from, to, flags);
	}

}
