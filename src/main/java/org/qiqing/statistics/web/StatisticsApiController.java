package org.qiqing.statistics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;
import org.qiqing.statistics.Figures;
import org.qiqing.statistics.Measure;
import org.qiqing.statistics.RollupRebuild;
import org.qiqing.statistics.Slice;
import org.qiqing.statistics.Statistics;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counts of the rollups (docs: /statistics/definitions): measures of a period, the
 * states now, either grouped by unit, region, category, kind, channel or day; what needs
 * watching now; and the rebuild from the histories for administrators. Every parameter is
 * optional: {@code from}, {@code to} (yyyy-MM-dd, this month so far by default),
 * {@code unit}, {@code region}, {@code category}, {@code kind}, {@code channel},
 * {@code co=true} for the co-handling units' counts.
 */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApiController {

	private final Statistics statistics;

	private final RollupRebuild rebuild;

	StatisticsApiController(Statistics statistics, RollupRebuild rebuild) {
		this.statistics = statistics;
		this.rebuild = rebuild;
	}

	/** The filters of every call. */
	record Filter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long unit, String region, Long category,
			String kind, String channel, Boolean co) {

		Slice slice(Statistics statistics, Actor actor) {
			return statistics.slice(actor, this.from, this.to, this.unit, this.region, this.category, this.kind,
					this.channel, Boolean.TRUE.equals(this.co));
		}

	}

	record MeasuresView(LocalDate from, LocalDate to, Map<String, Long> counts, Map<String, Double> rates,
			Integer medianDays, Integer p90Days, Map<Integer, Long> resolveDays) {

		static MeasuresView of(Slice slice, Figures.Counts counts) {
			Map<String, Long> all = new LinkedHashMap<>();
			counts.all().forEach((m, n) -> all.put(m.camel(), n));
			return new MeasuresView(slice.from(), slice.to(), all, Rates.of(counts), counts.percentile(0.5),
					counts.percentile(0.9), counts.resolveDays());
		}

	}

	record Group(String key, MeasuresView measures) {
	}

	record GroupsView(LocalDate from, LocalDate to, String by, List<Group> groups) {
	}

	record StateGroup(String key, Map<CaseState, Long> states) {
	}

	@GetMapping("/measures")
	MeasuresView showMeasures(Filter filter, Actor actor) {
		Slice slice = filter.slice(this.statistics, actor);
		return MeasuresView.of(slice, this.statistics.measures(actor, slice));
	}

	@GetMapping("/measures/by/{dimension}")
	GroupsView showMeasuresBy(@PathVariable String dimension, Filter filter, Actor actor) {
		Slice slice = filter.slice(this.statistics, actor);
		Figures.Dimension by = dimension(dimension);
		List<Group> groups = new ArrayList<>();
		this.statistics.measuresBy(actor, slice, by)
			.forEach((key, counts) -> groups.add(new Group(key, MeasuresView.of(slice, counts))));
		return new GroupsView(slice.from(), slice.to(), by.name().toLowerCase(Locale.ROOT), groups);
	}

	@GetMapping("/states")
	Map<CaseState, Long> showStates(Filter filter, Actor actor) {
		return this.statistics.states(actor, filter.slice(this.statistics, actor));
	}

	@GetMapping("/states/by/{dimension}")
	List<StateGroup> showStatesBy(@PathVariable String dimension, Filter filter, Actor actor) {
		Figures.Dimension by = dimension(dimension);
		if (by == Figures.Dimension.DAY) {
			throw new InvalidInput("dimension", Text.of("statistics.error.statesHaveNoDay"));
		}
		List<StateGroup> groups = new ArrayList<>();
		this.statistics.statesBy(actor, filter.slice(this.statistics, actor), by)
			.forEach((key, states) -> groups.add(new StateGroup(key, states)));
		return groups;
	}

	@GetMapping("/watch")
	CaseQueries.Watch showWatch(Filter filter, Actor actor) {
		return this.statistics.watch(actor, filter.slice(this.statistics, actor));
	}

	/**
	 * Rebuilds every rollup from the case histories (all regions: administrators only).
	 */
	@PostMapping("/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	RollupRebuild.Result rebuild() {
		return this.rebuild.rebuild();
	}

	private static Figures.Dimension dimension(String name) {
		try {
			return Figures.Dimension.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("dimension", Text.of("statistics.error.dimension"));
		}
	}

	/** The rates of the measures, as their definitions say. */
	static final class Rates {

		private Rates() {
		}

		static Map<String, Double> of(Figures.Counts counts) {
			Map<String, Double> rates = new LinkedHashMap<>();
			rates.put("acceptedInTime", counts.rate(Measure.ACCEPTED_IN_TIME, Measure.ACCEPTED));
			rates.put("response", counts.rate(Measure.CONTACTED_IN_TIME, Measure.CONTACTED));
			rates.put("solved", counts.rate(Measure.RESOLVED_SOLVED, Measure.RESOLVED));
			rates.put("onTime", counts.rate(Measure.RESOLVED_ON_TIME, Measure.RESOLVED));
			rates.put("satisfaction", counts.satisfaction());
			return rates;
		}

	}

}
