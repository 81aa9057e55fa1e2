package org.qiqing.assessment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.statistics.Measure;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the formula: read, and published by the top administrator (an
 * administrator of the top-level region) as a new version, never an edit of an old one. A
 * version may take effect only in a month not yet frozen.
 */
@Component
public class Formulas {

	/** The largest weight or deduction a formula may give. */
	static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);

	/** What the top administrator asks for: a new version from a month. */
	public record Draft(YearMonth validFrom, Map<Indicator, BigDecimal> weights, List<Deduction> deductions,
			String note) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Formulas(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether a person may publish a formula or freeze a month: the top administrator.
	 */
	public static boolean topAdministrator(Actor actor) {
		return actor.has(Role.ADMIN) && actor.overseesTopRegion();
	}

	@Transactional(readOnly = true)
	public List<Formula> all() {
		List<Integer> versions = this.jdbc.sql("select version from assessment_formula order by version desc")
			.query(Integer.class)
			.list();
		return versions.stream().map(v -> find(v).orElseThrow()).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Formula> find(int version) {
		record Head(int version, Date validFrom, String note, Long createdBy, Timestamp createdAt) {
		}
		Optional<Head> head = this.jdbc
			.sql("select version, valid_from, note, created_by, created_at from assessment_formula where version = :v")
			.param("v", version)
			.query((rs, n) -> new Head(rs.getInt(1), rs.getDate(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
					rs.getTimestamp(5)))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Map<Indicator, BigDecimal> weights = new EnumMap<>(Indicator.class);
		this.jdbc.sql("select indicator, weight from assessment_weight where version = :v")
			.param("v", version)
			.query((rs, n) -> weights.put(Indicator.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
			.list();
		List<Deduction> deductions = this.jdbc.sql("""
				select measure, less_measure, points, cap from assessment_deduction
				where version = :v order by measure, less_measure""")
			.param("v", version)
			.query((rs, n) -> new Deduction(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
			.list();
		Head h = head.get();
		return Optional.of(new Formula(h.version(), YearMonth.from(h.validFrom().toLocalDate()), weights, deductions,
				h.note(), h.createdBy(), h.createdAt().toInstant()));
	}

	/** The version in force in a month: the latest that took effect by then. */
	@Transactional(readOnly = true)
	public Formula inForce(YearMonth month) {
		Integer version = this.jdbc.sql("""
				select max(version) from assessment_formula
				where valid_from = (select max(valid_from) from assessment_formula where valid_from <= :month)""")
			.param("month", Date.valueOf(month.atDay(1)))
			.query(Integer.class)
			.single();
		return find(version).orElseThrow();
	}

	/**
	 * Publishes a new version.
	 * @throws NotAllowed for anyone but the top administrator, or a month already frozen
	 * @throws InvalidInput for weights or deductions that make no sense
	 */
	@Transactional
	public Formula publish(Actor actor, Draft draft) {
		if (!topAdministrator(actor)) {
			throw new NotAllowed(Text.of("assessment.error.topAdministrator"));
		}
		check(draft);
		Date lastFrozen = this.jdbc.sql("select max(month_start) from assessment_month")
			.query(Date.class)
			.optional()
			.orElse(null);
		if (lastFrozen != null && !draft.validFrom().isAfter(YearMonth.from(lastFrozen.toLocalDate()))) {
			throw new InvalidInput("validFrom",
					Text.of("assessment.error.validFromFrozen", YearMonth.from(lastFrozen.toLocalDate()).toString()));
		}
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from assessment_formula")
			.query(Integer.class)
			.single();
		try {
			this.jdbc.sql("""
					insert into assessment_formula (version, valid_from, note, created_by, created_at)
					values (:v, :from, :note, :by, :at)""")
				.param("v", version)
				.param("from", Date.valueOf(draft.validFrom().atDay(1)))
				.param("note", draft.note().strip())
				.param("by", actor.personId())
				.param("at", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException twin) {
			throw new NotAllowed(Text.of("assessment.error.concurrentEdit"));
		}
		draft.weights()
			.forEach((indicator, weight) -> this.jdbc
				.sql("insert into assessment_weight (version, indicator, weight) values (:v, :i, :w)")
				.param("v", version)
				.param("i", indicator.name())
				.param("w", weight)
				.update());
		for (Deduction d : draft.deductions()) {
			this.jdbc.sql("""
					insert into assessment_deduction (version, measure, less_measure, points, cap)
					values (:v, :m, :l, :p, :c)""")
				.param("v", version)
				.param("m", d.measure())
				.param("l", d.less())
				.param("p", d.points())
				.param("c", d.cap())
				.update();
		}
		return find(version).orElseThrow();
	}

	/** The names a deduction may count: the statistics' measures and the open slot. */
	public static List<String> countable() {
		List<String> names = new ArrayList<>();
		for (Measure m : Measure.values()) {
			if (m != Measure.RESOLVE_DAYS) {
				names.add(m.name());
			}
		}
		names.add(Deduction.ACCOUNTABILITY);
		return names;
	}

	private static void check(Draft draft) {
		Map<String, Text> errors = new LinkedHashMap<>();
		if (draft.validFrom() == null) {
			errors.put("validFrom", Text.of("assessment.error.required"));
		}
		if (draft.note() == null || draft.note().isBlank() || draft.note().length() > 500) {
			errors.put("note", Text.of("assessment.error.note"));
		}
		if (draft.weights() == null || draft.weights().isEmpty()) {
			errors.put("weights", Text.of("assessment.error.weights"));
		}
		else {
			BigDecimal sum = BigDecimal.ZERO;
			for (BigDecimal w : draft.weights().values()) {
				if (w == null || w.signum() < 0 || w.compareTo(MAX_POINTS) > 0 || w.scale() > 2) {
					errors.put("weights", Text.of("assessment.error.weights"));
					break;
				}
				sum = sum.add(w);
			}
			if (sum.signum() <= 0) {
				errors.put("weights", Text.of("assessment.error.weights"));
			}
		}
		List<Deduction> deductions = draft.deductions() == null ? List.of() : draft.deductions();
		List<String> countable = countable();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (Deduction d : deductions) {
			if (d == null || d.measure() == null || !countable.contains(d.measure())
					|| !(d.less().isEmpty() || countable.contains(d.less())) || d.less().equals(d.measure())
					|| !seen.add(d.measure() + "-" + d.less())) {
				errors.put("deductions", Text.of("assessment.error.deductionMeasure"));
				break;
			}
			if (d.points() == null || d.points().signum() < 0 || d.points().compareTo(MAX_POINTS) > 0
					|| d.points().scale() > 2 || d.cap() != null
							&& (d.cap().signum() < 0 || d.cap().compareTo(MAX_POINTS) > 0 || d.cap().scale() > 2)) {
				errors.put("deductions", Text.of("assessment.error.deductionPoints"));
				break;
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

}
