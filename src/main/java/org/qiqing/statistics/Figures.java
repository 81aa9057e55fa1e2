package org.qiqing.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.qiqing.casework.CaseScope;
import org.qiqing.casework.CaseState;
import org.qiqing.organisation.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rollups within what a person may see ({@link CaseScope#figures}, the cases'
 * own rule): the measures of a slice, the states now, and either grouped by a dimension.
 * Only the filters a slice has are written into the statement (as conditions with bound
 * values), so each query can use the index of what it filters. Each read joins a caller's
 * transaction but opens none: its statements share no snapshot under read committed
 * anyway, and a transaction of its own added a commit, a round trip to the database, to
 * every read (six of them on a dashboard).
 */
@Component
public class Figures {

	/** What figures can be grouped by; the column is code, never input. */
	public enum Dimension {

		UNIT("r.unit_id"), REGION("r.region_path"), CATEGORY("r.category_id"), KIND("r.kind"), CHANNEL("r.channel"),
		DAY("r.on_day");

		private final String column;

		Dimension(String column) {
			this.column = column;
		}

	}

	private final JdbcClient jdbc;

	Figures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The measures of a slice, with the histogram of resolution times. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Counts measures(Actor actor, Slice slice) {
		Counts counts = new Counts();
		counted(actor, slice, null).query((rs, n) -> {
			counts.add(rs.getString(1), rs.getInt(2), rs.getLong(3));
			return null;
		}).list();
		return counts;
	}

	/** The measures of a slice grouped by a dimension, keyed by its value as text. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, Counts> measuresBy(Actor actor, Slice slice, Dimension dimension) {
		return grouped(counted(actor, slice, dimension));
	}

	/**
	 * The same, of the given measures only: a ranking reads its few, and leaves the rows
	 * of the rest (the days taken to resolve, one row for each) in the database.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, Counts> measuresBy(Actor actor, Slice slice, Dimension dimension, Set<Measure> only) {
		Map<String, Object> params = new LinkedHashMap<>();
		return grouped(counted(actor, slice, dimension.column, only(only, params), params, dimension == Dimension.DAY));
	}

	/**
	 * The given measures of a slice grouped by the regions one level below a region,
	 * keyed by each one's path; what is counted on the region itself is left out. Grouped
	 * in the statement, so that a province's ranking of its cities reads eleven groups
	 * where it would read every town's.
	 * @param parentPath the region's path (ends with '/')
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, Counts> measuresBelow(Actor actor, Slice slice, String parentPath, Set<Measure> only) {
		// the path up to the '/' that ends the child's code (the length is the path's
		// own, never input)
		int length = parentPath.length();
		String child = "substring(r.region_path, 1, " + length + " + position('/' in substring(r.region_path, "
				+ (length + 1) + ")))";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("below", parentPath + "_%");
		return grouped(
				counted(actor, slice, child, "r.region_path like :below and " + only(only, params), params, false));
	}

	private static String only(Set<Measure> measures, Map<String, Object> params) {
		params.put("measures", measures.stream().map(Measure::name).toList());
		return "r.measure in (:measures)";
	}

	/**
	 * The rows of a grouped statement (group, measure, bucket, count) added up by group.
	 */
	private static Map<String, Counts> grouped(StatementSpec statement) {
		Map<String, Counts> groups = new TreeMap<>();
		statement.query((rs, n) -> {
			groups.computeIfAbsent(rs.getString(1), key -> new Counts())
				.add(rs.getString(2), rs.getInt(3), rs.getLong(4));
			return null;
		}).list();
		return groups;
	}

	/** How many cases of the slice (its period ignored) are in each state now. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<CaseState, Long> states(Actor actor, Slice slice) {
		Map<CaseState, Long> states = new EnumMap<>(CaseState.class);
		states(actor, slice, null).query((rs, n) -> {
			long count = rs.getLong(2);
			if (count != 0) {
				states.put(CaseState.valueOf(rs.getString(1)), count);
			}
			return null;
		}).list();
		return states;
	}

	/** The same, grouped by a dimension (not DAY). */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<String, Map<CaseState, Long>> statesBy(Actor actor, Slice slice, Dimension dimension) {
		Map<String, Map<CaseState, Long>> groups = new TreeMap<>();
		states(actor, slice, dimension).query((rs, n) -> {
			long count = rs.getLong(3);
			if (count != 0) {
				groups.computeIfAbsent(rs.getString(1), key -> new EnumMap<>(CaseState.class))
					.put(CaseState.valueOf(rs.getString(2)), count);
			}
			return null;
		}).list();
		return groups;
	}

	private StatementSpec counted(Actor actor, Slice slice, Dimension dimension) {
		return counted(actor, slice, dimension == null ? null : dimension.column, null, new LinkedHashMap<>(),
				dimension == Dimension.DAY);
	}

	/**
	 * The measures of a slice (grouped, or not), one grouped branch per span of its
	 * period, their rows added up by the caller: a group may come once from the days'
	 * rows and again from the months'.
	 * @param group the expression grouped by (code, never input), or null
	 * @param condition one more condition (code) with its values in params, or null
	 * @param byDay whether to read only the days' rows: grouped by day, the months' would
	 * not do
	 */
	private StatementSpec counted(Actor actor, Slice slice, String group, String condition, Map<String, Object> params,
			boolean byDay) {
		List<Span> spans = byDay ? List.of(new Span(slice.from(), slice.to(), false))
				: Span.cover(slice.from(), slice.to(), lastCounted());
		String filters = filters(slice, params) + (condition == null ? "" : " and " + condition);
		String grouped = (group == null ? "" : group + ", ") + "r.measure, r.bucket";
		List<String> branches = new ArrayList<>();
		for (Span span : spans) {
			int i = branches.size();
			String dated = span.months() ? "stat_month r where r.in_month" : "stat_rollup r where r.on_day";
			branches.add("select " + grouped + ", sum(r.n) from " + dated + " between :from" + i + " and :to" + i
					+ " and " + filters + " group by " + grouped);
			params.put("from" + i, span.from());
			params.put("to" + i, span.to());
		}
		return statement(String.join(" union all ", branches), params, actor);
	}

	/**
	 * The last day any step was counted on (its primary key's first column: one index
	 * probe), or null.
	 */
	private LocalDate lastCounted() {
		List<Date> last = this.jdbc.sql("select max(on_day) from stat_rollup").query(Date.class).list();
		return last.isEmpty() || last.get(0) == null ? null : last.get(0).toLocalDate();
	}

	/** The states now of a slice (its period ignored), grouped by a dimension or not. */
	private StatementSpec states(Actor actor, Slice slice, Dimension dimension) {
		Map<String, Object> params = new LinkedHashMap<>();
		String grouped = (dimension == null ? "" : dimension.column + ", ") + "r.state";
		return statement("select " + grouped + ", sum(r.n) from stat_state r where " + filters(slice, params)
				+ " group by " + grouped, params, actor);
	}

	/**
	 * The conditions of what a person may see and of the slice's filters: only those the
	 * slice has, as conditions with bound values, so each query can use the index of what
	 * it filters.
	 */
	private static String filters(Slice slice, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		where.add(CaseScope.figures("r.region_path", "r.unit_id"));
		where.add("r.unit_role = :role");
		params.put("role", slice.coHandling() ? Cells.CO : Cells.LEAD);
		if (slice.unitId() != null) {
			where.add("r.unit_id = :unit");
			params.put("unit", slice.unitId());
		}
		if (slice.regionPath() != null) {
			where.add("r.region_path like :path");
			params.put("path", slice.regionPath() + "%");
		}
		if (slice.categoryId() != null) {
			where.add("r.category_id = :category");
			params.put("category", slice.categoryId());
		}
		if (slice.kind() != null) {
			where.add("r.kind = :kind");
			params.put("kind", slice.kind());
		}
		if (slice.channel() != null) {
			where.add("r.channel = :channel");
			params.put("channel", slice.channel());
		}
		return String.join(" and ", where);
	}

	private StatementSpec statement(String sql, Map<String, Object> params, Actor actor) {
		StatementSpec statement = this.jdbc.sql(sql);
		params.forEach(statement::param);
		return CaseScope.bind(statement, actor);
	}

	/** The counts of the measures of one slice, with the resolution-time histogram. */
	public static final class Counts {

		/** The measures {@link #satisfaction()} is made of. */
		public static final Set<Measure> SATISFACTION = Set.of(Measure.RATED, Measure.RATED_VERY_SATISFIED,
				Measure.RATED_SATISFIED, Measure.RATED_BASICALLY_SATISFIED);

		private final Map<Measure, Long> counts = new EnumMap<>(Measure.class);

		private final TreeMap<Integer, Long> days = new TreeMap<>();

		void add(String measure, int bucket, long n) {
			Measure m;
			try {
				m = Measure.valueOf(measure);
			}
			catch (IllegalArgumentException unknown) {
				// a measure this version does not know (a newer node's): not shown
				return;
			}
			if (m == Measure.RESOLVE_DAYS) {
				this.days.merge(bucket, n, Long::sum);
			}
			else {
				this.counts.merge(m, n, Long::sum);
			}
		}

		public void addAll(Counts other) {
			other.counts.forEach((m, n) -> this.counts.merge(m, n, Long::sum));
			other.days.forEach((d, n) -> this.days.merge(d, n, Long::sum));
		}

		public long get(Measure measure) {
			return this.counts.getOrDefault(measure, 0L);
		}

		public Map<Measure, Long> all() {
			Map<Measure, Long> all = new EnumMap<>(Measure.class);
			for (Measure m : Measure.values()) {
				if (m != Measure.RESOLVE_DAYS) {
					all.put(m, get(m));
				}
			}
			return all;
		}

		/** Resolutions by working days taken (the last bucket holds the longer ones). */
		public Map<Integer, Long> resolveDays() {
			return this.days;
		}

		/**
		 * The working days within which the given share of resolutions came (nearest
		 * rank), or null without resolutions: 0.5 is the median.
		 */
		public Integer percentile(double share) {
			long total = this.days.values().stream().mapToLong(Long::longValue).sum();
			if (total == 0) {
				return null;
			}
			long rank = (long) Math.ceil(share * total);
			long seen = 0;
			for (Map.Entry<Integer, Long> bucket : this.days.entrySet()) {
				seen += bucket.getValue();
				if (seen >= Math.max(rank, 1)) {
					return bucket.getKey();
				}
			}
			return this.days.lastKey();
		}

		/** numerator / denominator as a share, or null when nothing was counted. */
		public Double rate(Measure numerator, Measure denominator) {
			long whole = get(denominator);
			return whole == 0 ? null : (double) get(numerator) / whole;
		}

		/** Satisfied at any of the three good levels, among ratings given. */
		public Double satisfaction() {
			long rated = get(Measure.RATED);
			return rated == 0 ? null : (double) (get(Measure.RATED_VERY_SATISFIED) + get(Measure.RATED_SATISFIED)
					+ get(Measure.RATED_BASICALLY_SATISFIED)) / rated;
		}

	}

	static LocalDate firstOfMonth(LocalDate day) {
		return day.withDayOfMonth(1);
	}

}
