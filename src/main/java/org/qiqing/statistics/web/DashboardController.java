package org.qiqing.statistics.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.qiqing.casework.Categories;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.UnitDirectory;
import org.qiqing.statistics.Figures;
import org.qiqing.statistics.Measure;
import org.qiqing.statistics.Slice;
import org.qiqing.statistics.Statistics;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.platform.Ledger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 驾驶舱, the leaders' dashboard: the measures of a period against the one before, the trend
 * by month, rankings of units and regions, the top categories and what needs watching
 * now, every number a link to the list of its cases ({@code /cases} with
 * {@code state, unit, category, kind, channel, time, from, to, region, q}). And the page
 * of the measures' definitions (指标口径).
 */
@Controller
class DashboardController {

	/** The measures shown as tiles, each with the list it links to. */
	static final List<Measure> TILES = List.of(Measure.RECEIVED, Measure.ACCEPTED, Measure.ASSIGNED, Measure.CONTACTED,
			Measure.RESOLVED, Measure.RESOLVED_SOLVED, Measure.RESOLVED_ON_TIME, Measure.BECAME_OVERDUE,
			Measure.REOPENED, Measure.HANDED_OFF, Measure.DISPUTED, Measure.EXTENSION_APPROVED, Measure.SUSPENDED,
			Measure.URGED, Measure.ORDERED, Measure.ESCALATED, Measure.RATED);

	/**
	 * What a ranking reads: what was taken in (by a unit: assigned to it; by a region or
	 * category: received), the resolutions and the ratings.
	 */
	private static final Set<Measure> RANKED = Stream
		.concat(Stream.of(Measure.ASSIGNED, Measure.RECEIVED, Measure.RESOLVED, Measure.RESOLVED_SOLVED,
				Measure.RESOLVED_ON_TIME), Figures.Counts.SATISFACTION.stream())
		.collect(Collectors.toUnmodifiableSet());

	private final Statistics statistics;

	private final UnitDirectory units;

	private final Regions regions;

	private final Categories categories;

	private final JsonMapper json;

	private final MessageSource messages;

	DashboardController(Statistics statistics, UnitDirectory units, Regions regions, Categories categories,
			JsonMapper json, MessageSource messages) {
		this.statistics = statistics;
		this.units = units;
		this.regions = regions;
		this.categories = categories;
		this.json = json;
		this.messages = messages;
	}

	/**
	 * A row of a ranking: its name, where it drills down to (the dashboard of that unit
	 * or region, or a category's cases), the list of its cases, its counts.
	 */
	record Ranked(String name, String drill, String cases, long received, long resolved, Double solved, Double onTime,
			Double satisfaction) {
	}

	/** What a ranking ranks. */
	enum Ranking {

		UNIT, REGION, CATEGORY

	}

	/** A measure's tile: this period, the one before, and where its cases are listed. */
	record Tile(Measure measure, long now, long before, String link) {
	}

	@GetMapping("/dashboard")
	String showDashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String region, Actor actor,
			Locale locale, Model model) {
		Slice slice = this.statistics.slice(actor, from, to, unit, region, null, null, null, false);
		long days = ChronoUnit.DAYS.between(slice.from(), slice.to()) + 1;
		Slice before = slice.withPeriod(slice.from().minusDays(days), slice.from().minusDays(1));
		Figures.Counts now = this.statistics.measures(actor, slice);
		Figures.Counts previous = this.statistics.measures(actor, before);
		String base = "/cases?from=" + slice.from() + "&to=" + slice.to() + (unit == null ? "" : "&unit=" + unit)
				+ (region == null || region.isBlank() ? "" : "&region=" + region);
		List<Tile> tiles = TILES.stream()
			.map(m -> new Tile(m, now.get(m), previous.get(m), base + filterOf(m)))
			.toList();
		model.addAttribute("slice", slice);
		model.addAttribute("before", before);
		model.addAttribute("unit", unit);
		model.addAttribute("region", region);
		model.addAttribute("tiles", tiles);
		model.addAttribute("rates", StatisticsApiController.Rates.of(now));
		model.addAttribute("ratesBefore", StatisticsApiController.Rates.of(previous));
		model.addAttribute("median", now.percentile(0.5));
		model.addAttribute("p90", now.percentile(0.9));
		model.addAttribute("watch", this.statistics.watch(actor, slice));
		model.addAttribute("base", base);
		model.addAttribute("states", this.statistics.states(actor, slice));
		model.addAttribute("unitRanking", unitRanking(actor, slice).stream().limit(10).toList());
		model.addAttribute("regionRanking", regionRanking(actor, slice));
		model.addAttribute("categories", categoryRanking(actor, slice).stream().limit(8).toList());
		model.addAttribute("exportLink",
				"/dashboard/export?from=" + slice.from() + "&to=" + slice.to() + (unit == null ? "" : "&unit=" + unit)
						+ (region == null || region.isBlank() ? "" : "&region=" + region));
		model.addAttribute("trend", trend(actor, slice, now, locale));
		return "statistics/dashboard";
	}

	/**
	 * Whether the period is the whole of the month, or all of it so far: no step is
	 * counted on a day still to come, so their counts are the month's.
	 */
	private boolean isMonthSoFar(Slice slice, YearMonth month) {
		return slice.from().equals(month.atDay(1)) && (slice.to().equals(month.atEndOfMonth())
				|| YearMonth.from(slice.to()).equals(month) && !slice.to().isBefore(this.statistics.today()));
	}

	/**
	 * A whole ranking of the dashboard's period and scope (the page shows its first
	 * rows), as an Excel ledger.
	 */
	@GetMapping("/dashboard/export")
	void exportRanking(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "UNIT") Ranking by, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		Slice slice = this.statistics.slice(actor, from, to, unit, region, null, null, null, false);
		List<Ranked> rows = switch (by) {
			case UNIT -> unitRanking(actor, slice);
			case REGION -> regionRanking(actor, slice);
			case CATEGORY -> categoryRanking(actor, slice);
		};
		String title = text("dashboard.export." + by, locale) + " " + slice.from() + "~" + slice.to();
		Ledger.prepare(response, title + ".xlsx");
		List<String> header = List.of(text("dashboard.col.rank", locale), text("dashboard.col.name", locale),
				text(by == Ranking.UNIT ? Measure.ASSIGNED.messageKey() : Measure.RECEIVED.messageKey(), locale),
				text(Measure.RESOLVED.messageKey(), locale), text("dashboard.rate.solved", locale),
				text("dashboard.rate.onTime", locale), text("dashboard.rate.satisfaction", locale));
		Ledger.write(response.getOutputStream(), text("dashboard.export." + by, locale), header, sink -> {
			int rank = 0;
			for (Ranked r : rows) {
				sink.row(++rank, r.name(), r.received(), r.resolved(), percent(r.solved()), percent(r.onTime()),
						percent(r.satisfaction()));
			}
		});
	}

	/**
	 * A rate as a percentage with one decimal, as the page shows it; none stays empty.
	 */
	private static Double percent(Double rate) {
		return rate == null ? null : Math.round(rate * 1000) / 10.0;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	@GetMapping("/statistics/definitions")
	String showDefinitions(Model model) {
		model.addAttribute("measures", Measure.values());
		return "statistics/definitions";
	}

	/** The filter of /cases that lists a measure's cases, where there is one. */
	private static String filterOf(Measure measure) {
		return switch (measure) {
			case BECAME_OVERDUE -> "&time=RED";
			case RESOLVED, RESOLVED_SOLVED, RESOLVED_ON_TIME -> "&state=RESOLVED";
			case SUSPENDED -> "&state=SUSPENDED";
			case DISPUTED -> "&state=DISPUTED";
			case REOPENED -> "&state=REOPENED";
			default -> "";
		};
	}

	private List<Ranked> unitRanking(Actor actor, Slice slice) {
		Map<String, Figures.Counts> byUnit = this.statistics.measuresBy(actor, slice, Figures.Dimension.UNIT, RANKED);
		byUnit.remove("0");
		Map<Long, String> names = this.units.namesOf(byUnit.keySet().stream().map(Long::valueOf).toList());
		List<Ranked> rows = new ArrayList<>();
		byUnit.forEach((key, counts) -> rows
			.add(ranked(slice, names.getOrDefault(Long.valueOf(key), key), "unit", key, counts, Measure.ASSIGNED)));
		rows.sort(Comparator.comparing((Ranked r) -> r.onTime() == null ? -1 : r.onTime())
			.reversed()
			.thenComparing(Ranked::resolved, Comparator.reverseOrder()));
		return rows;
	}

	/**
	 * The regions one level below the one the figures are read for (the chosen region,
	 * else the person's jurisdiction), each with the figures of its subtree.
	 */
	private List<Ranked> regionRanking(Actor actor, Slice slice) {
		String top = slice.regionPath() != null ? slice.regionPath() : actor.jurisdictionPath();
		if (top == null) {
			return List.of();
		}
		Map<String, Region> children = new HashMap<>();
		this.regions.childrenOf(top).forEach(r -> children.put(r.path(), r));
		List<Ranked> rows = new ArrayList<>();
		this.statistics.measuresBelow(actor, slice, top, RANKED).forEach((path, counts) -> {
			Region r = children.get(path);
			if (r != null) {
				rows.add(ranked(slice, r.name(), "region", r.code(), counts, Measure.RECEIVED));
			}
		});
		rows.sort(Comparator.comparing((Ranked r) -> r.onTime() == null ? -1 : r.onTime()).reversed());
		return rows;
	}

	private List<Ranked> categoryRanking(Actor actor, Slice slice) {
		Map<Long, String> names = new LinkedHashMap<>();
		this.categories.all().forEach(c -> names.put(c.id(), c.name()));
		List<Ranked> rows = new ArrayList<>();
		this.statistics.measuresBy(actor, slice, Figures.Dimension.CATEGORY, RANKED).forEach((key, counts) -> {
			long id = Long.parseLong(key);
			if (id != 0) {
				rows.add(ranked(slice, names.getOrDefault(id, key), "category", key, counts, Measure.RECEIVED));
			}
		});
		rows.sort(Comparator.comparingLong(Ranked::received).reversed());
		return rows;
	}

	/**
	 * A row of a ranking. What a unit took in is what was assigned to it: a case is
	 * received (filed) before any unit has it, so a unit's RECEIVED is always nought.
	 */
	private static Ranked ranked(Slice slice, String name, String param, String value, Figures.Counts counts,
			Measure intake) {
		String period = "from=" + slice.from() + "&to=" + slice.to();
		String cases = "/cases?" + period + "&" + param + "=" + value;
		String drill = "category".equals(param) ? cases : "/dashboard?" + period + "&" + param + "=" + value;
		return new Ranked(name, drill, cases, counts.get(intake), counts.get(Measure.RESOLVED),
				counts.rate(Measure.RESOLVED_SOLVED, Measure.RESOLVED),
				counts.rate(Measure.RESOLVED_ON_TIME, Measure.RESOLVED), counts.satisfaction());
	}

	/**
	 * The last twelve months up to the period's end, for the chart (JSON data block).
	 * @param now the counts of the period itself: its month's when it is that month so
	 * far, as it is by default
	 */
	private String trend(Actor actor, Slice slice, Figures.Counts now, Locale locale) {
		YearMonth last = YearMonth.from(slice.to());
		// Month by month, so that each whole month is read from its month's rows (the
		// year's day rows grouped by day took most of the page's time at a province's
		// size), and each ended one kept.
		Map<YearMonth, Figures.Counts> months = new TreeMap<>();
		for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
			months.put(m, isMonthSoFar(slice, m) ? now : this.statistics.measures(actor, slice, m));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("months", months.keySet().stream().map(YearMonth::toString).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (Measure m : List.of(Measure.RECEIVED, Measure.RESOLVED, Measure.RESOLVED_SOLVED, Measure.BECAME_OVERDUE)) {
			series.add(Map.of("name", this.messages.getMessage(m.messageKey(), null, locale), "data",
					months.values().stream().map(c -> c.get(m)).toList()));
		}
		chart.put("series", series);
		return this.json.writeValueAsString(chart);
	}

}
