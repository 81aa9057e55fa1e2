package org.qiqing.statistics;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Channel;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Service;

/**
 * The statistics a person may read: turns the parameters of a request into a
 * {@link Slice} he may see (a unit or region outside his jurisdiction and units is 404,
 * as a foreign case is), and reads it.
 */
@Service
public class Statistics {

	/** The longest period one request may cover. */
	static final int MAX_DAYS = 3700;

	private final Figures figures;

	private final Units units;

	private final Regions regions;

	private final Categories categories;

	private final CaseQueries cases;

	private final Clock clock;

	private final EndedPeriods endedPeriods;

	Statistics(Figures figures, Units units, Regions regions, Categories categories, CaseQueries cases, Clock clock,
			EndedPeriods endedPeriods) {
		this.figures = figures;
		this.endedPeriods = endedPeriods;
		this.units = units;
		this.regions = regions;
		this.categories = categories;
		this.cases = cases;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	/**
	 * The slice a request asks for; the period defaults to this month so far.
	 * @throws NotFound for an enterprise contact, and for a unit or region he may not see
	 * @throws InvalidInput for a period that ends before it starts or is too long, or an
	 * unknown kind or channel
	 */
	public Slice slice(Actor actor, LocalDate from, LocalDate to, Long unitId, String regionCode, Long categoryId,
			String kind, String channel, boolean coHandling) {
		if (actor.isEnterpriseContact()) {
			throw new NotFound("statistics", actor.username());
		}
		LocalDate end = to == null ? today() : to;
		LocalDate start = from == null ? end.withDayOfMonth(1) : from;
		if (end.isBefore(start)) {
			throw new InvalidInput("to", Text.of("statistics.error.periodReversed"));
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidInput("from", Text.of("statistics.error.periodTooLong", MAX_DAYS));
		}
		if (unitId != null) {
			Unit unit = this.units.findById(unitId).orElseThrow(() -> new NotFound("unit", unitId));
			if (!unitId.equals(actor.unitId()) && this.regions.find(unit.getRegionCode())
				.map(region -> !actor.oversees(region.path()))
				.orElse(true)) {
				throw new NotFound("unit", unitId);
			}
		}
		String path = null;
		if (regionCode != null && !regionCode.isBlank()) {
			Region region = this.regions.find(regionCode).orElseThrow(() -> new NotFound("region", regionCode));
			if (!actor.oversees(region.path())) {
				throw new NotFound("region", regionCode);
			}
			path = region.path();
		}
		if (categoryId != null && this.categories.find(categoryId).isEmpty()) {
			throw new NotFound("category", categoryId);
		}
		return new Slice(start, end, unitId, path, categoryId, name(CaseKind.class, "kind", kind),
				name(Channel.class, "channel", channel), coHandling);
	}

	/**
	 * The measures of the slice; a period that has ended (before today) is read once and
	 * kept ({@link EndedPeriods}).
	 */
	public Figures.Counts measures(Actor actor, Slice slice) {
		if (!slice.to().isBefore(today())) {
			return this.figures.measures(actor, slice);
		}
		return this.endedPeriods.measures(actor, slice, () -> this.figures.measures(actor, slice));
	}

	/** The measures of the slice over one whole month. */
	public Figures.Counts measures(Actor actor, Slice slice, YearMonth month) {
		return measures(actor, slice.withPeriod(month.atDay(1), month.atEndOfMonth()));
	}

	public Map<String, Figures.Counts> measuresBy(Actor actor, Slice slice, Figures.Dimension dimension) {
		return this.figures.measuresBy(actor, slice, dimension);
	}

	/** The same, of the given measures only. */
	public Map<String, Figures.Counts> measuresBy(Actor actor, Slice slice, Figures.Dimension dimension,
			Set<Measure> only) {
		return this.figures.measuresBy(actor, slice, dimension, only);
	}

	/**
	 * The given measures of the slice by the regions one level below the given one (the
	 * slice's region, or the person's jurisdiction), keyed by their paths.
	 */
	public Map<String, Figures.Counts> measuresBelow(Actor actor, Slice slice, String regionPath, Set<Measure> only) {
		return this.figures.measuresBelow(actor, slice, regionPath, only);
	}

	public Map<CaseState, Long> states(Actor actor, Slice slice) {
		return this.figures.states(actor, slice);
	}

	public Map<String, Map<CaseState, Long>> statesBy(Actor actor, Slice slice, Figures.Dimension dimension) {
		return this.figures.statesBy(actor, slice, dimension);
	}

	/** What needs watching now in the slice's unit or region (its period ignored). */
	public CaseQueries.Watch watch(Actor actor, Slice slice) {
		return this.cases.watch(actor, slice.unitId(), slice.regionPath());
	}

	private static <E extends Enum<E>> String name(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value).name();
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput(field, Text.of("statistics.error.unknownValue", value));
		}
	}

}
