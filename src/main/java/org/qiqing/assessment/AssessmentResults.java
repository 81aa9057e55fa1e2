package org.qiqing.assessment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.qiqing.casework.CaseScope;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frozen results a person may read: those of his unit and of the units and regions of
 * his jurisdiction ({@link CaseScope#figures}, the rule of every figure counted about
 * cases); an enterprise contact reads none. League tables with the movement since the
 * month before, one result with what followed from it, and the follow-ups recorded.
 */
@Component
public class AssessmentResults {

	/** U: units; R: regions. */
	public enum Subject {

		UNIT('U'), REGION('R');

		private final char code;

		Subject(char code) {
			this.code = code;
		}

		public char code() {
			return this.code;
		}

		static Subject of(char code) {
			return code == 'U' ? UNIT : REGION;
		}

	}

	/** A frozen month. */
	public record Month(YearMonth month, int formulaVersion, String hash, int results, int adjustments,
			Instant frozenAt) {
	}

	/**
	 * A row of a league table: the movement is the previous month's rank less this one
	 * (positive: up), null when it had no rank in the same league then.
	 */
	public record Line(long id, Subject subject, long unitId, String regionCode, String name, String league,
			String leagueName, int rank, int leagueSize, Integer previousRank, BigDecimal score,
			BigDecimal indicatorPoints, BigDecimal deductionPoints, Map<String, Long> figures,
			Map<String, Long> adjusted) {

		@com.fasterxml.jackson.annotation.JsonProperty("movement")
		public Integer movement() {
			return this.previousRank == null ? null : this.previousRank - this.rank;
		}

		/** ↑2, ↓1, = or new. */
		@com.fasterxml.jackson.annotation.JsonProperty("movementMark")
		public String movementMark() {
			Integer m = movement();
			return m == null ? "new" : m > 0 ? "↑" + m : m < 0 ? "↓" + (-m) : "=";
		}

	}

	/** A league table: its month, formula and lines, best first per league. */
	public record Table(Month month, Formula formula, Subject subject, List<Line> lines) {
	}

	/** What followed from a result. */
	public record FollowUp(long id, String kind, String reference, String note, long recordedBy, Instant recordedAt) {
	}

	/** A late count carried between months. */
	public record Carried(YearMonth month, YearMonth ofMonth, String measure, long delta) {
	}

	/** One result with its formula, score, what was carried and what followed. */
	public record Detail(Line line, Month month, Formula formula, Formula.Score score, List<Carried> carriedIn,
			List<Carried> carriedOut, List<FollowUp> followUps) {
	}

	private static final String LINE = """
			select r.id, r.subject, r.unit_id, r.region_code, r.league, r.league_rank, r.league_size, p.league_rank, r.score,
			       r.indicator_points, r.deduction_points, r.figures, r.adjusted, r.month_start
			from assessment_result r
			left join assessment_result p on p.month_start = :previous and p.subject = r.subject and p.unit_id = r.unit_id
			     and p.region_code = r.region_code and p.league = r.league
			""";

	private final JdbcClient jdbc;

	private final Formulas formulas;

	private final Units units;

	private final Regions regions;

	private final Clock clock;

	AssessmentResults(JdbcClient jdbc, Formulas formulas, Units units, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.formulas = formulas;
		this.units = units;
		this.regions = regions;
		this.clock = clock;
	}

	/** The frozen months, latest first. */
	@Transactional(readOnly = true)
	public List<Month> months(Actor actor) {
		refuseEnterprise(actor);
		return this.jdbc.sql("""
				select month_start, formula_version, hash, results, adjustments, frozen_at from assessment_month
				order by month_start desc""").query((rs, n) -> month(rs)).list();
	}

	@Transactional(readOnly = true)
	public Month month(Actor actor, YearMonth month) {
		refuseEnterprise(actor);
		return this.jdbc.sql("""
				select month_start, formula_version, hash, results, adjustments, frozen_at from assessment_month
				where month_start = :month""")
			.param("month", Date.valueOf(month.atDay(1)))
			.query((rs, n) -> month(rs))
			.optional()
			.orElseThrow(() -> new NotFound(Text.of("assessment.error.monthNotFrozen", month.toString())));
	}

	/**
	 * The league tables of a month that the person may read, optionally of one kind of
	 * unit (or level of region).
	 */
	@Transactional(readOnly = true)
	public Table table(Actor actor, YearMonth month, Subject subject, String kind) {
		Month frozen = month(actor, month);
		List<Line> lines = new ArrayList<>();
		Names names = names();
		StatementSpec statement = this.jdbc
			.sql(LINE + " where r.month_start = :month and r.subject = :subject and "
					+ CaseScope.figures("r.region_path", "r.unit_id") + (kind == null ? "" : " and r.league like :kind")
					+ " order by r.league, r.league_rank, r.unit_id, r.region_code")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("previous", Date.valueOf(month.minusMonths(1).atDay(1)))
			.param("subject", String.valueOf(subject.code()));
		if (kind != null) {
			statement = statement.param("kind", kind + "@%");
		}
		CaseScope.bind(statement, actor).query((rs, n) -> lines.add(line(rs, names))).list();
		return new Table(frozen, this.formulas.find(frozen.formulaVersion()).orElseThrow(), subject, lines);
	}

	/** Every line of a month the person may read, units then regions, for the export. */
	@Transactional(readOnly = true)
	public void eachLine(Actor actor, YearMonth month, Consumer<Line> each) {
		month(actor, month);
		Names names = names();
		CaseScope.bind(this.jdbc
			.sql(LINE + " where r.month_start = :month and " + CaseScope.figures("r.region_path", "r.unit_id")
					+ " order by r.subject desc, r.league, r.league_rank, r.unit_id, r.region_code")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("previous", Date.valueOf(month.minusMonths(1).atDay(1))), actor).query(rs -> {
				each.accept(line(rs, names));
			});
	}

	/** One result the person may read, or 404. */
	@Transactional(readOnly = true)
	public Detail detail(Actor actor, long id) {
		refuseEnterprise(actor);
		YearMonth of = this.jdbc.sql("select month_start from assessment_result where id = :id")
			.param("id", id)
			.query(Date.class)
			.optional()
			.map(d -> YearMonth.from(d.toLocalDate()))
			.orElseThrow(() -> new NotFound(Text.of("assessment.error.resultNotFound", id)));
		Names names = names();
		Line line = CaseScope
			.bind(this.jdbc.sql(LINE + " where r.id = :id and " + CaseScope.figures("r.region_path", "r.unit_id"))
				.param("id", id)
				.param("previous", Date.valueOf(of.minusMonths(1).atDay(1))), actor)
			.query((rs, n) -> line(rs, names))
			.optional()
			.orElseThrow(() -> new NotFound(Text.of("assessment.error.resultNotFound", id)));
		Month month = month(actor, of);
		Formula formula = this.formulas.find(month.formulaVersion()).orElseThrow();
		Map<String, Long> all = new TreeMap<>(line.figures());
		line.adjusted().forEach((m, n) -> all.merge(m, n, Long::sum));
		String subject = String.valueOf(line.subject().code());
		List<Carried> in = carried("a.month_start = :month", of, subject, line);
		List<Carried> out = carried("a.of_month = :month", of, subject, line);
		List<FollowUp> followUps = this.jdbc.sql("""
				select id, kind, reference, note, recorded_by, recorded_at from assessment_follow_up
				where result_id = :id order by recorded_at, id""")
			.param("id", id)
			.query((rs, n) -> new FollowUp(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getTimestamp(6).toInstant()))
			.list();
		return new Detail(line, month, formula, formula.score(all), in, out, followUps);
	}

	private List<Carried> carried(String where, YearMonth month, String subject, Line line) {
		return this.jdbc
			.sql("select a.month_start, a.of_month, a.measure, a.delta from assessment_adjustment a where " + where
					+ " and a.subject = :subject and a.unit_id = :unit and a.region_code = :region"
					+ " order by a.month_start, a.of_month, a.measure")
			.param("month", Date.valueOf(month.atDay(1)))
			.param("subject", subject)
			.param("unit", line.unitId())
			.param("region", line.regionCode())
			.query((rs, n) -> new Carried(YearMonth.from(rs.getDate(1).toLocalDate()),
					YearMonth.from(rs.getDate(2).toLocalDate()), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Records what followed from a result: a supervisor or leader who may read it, with a
	 * reference (a document's number).
	 * @throws AccessDeniedException for anyone else who may read it
	 */
	@Transactional
	public FollowUp recordFollowUp(Actor actor, long resultId, String kind, String reference, String note) {
		detail(actor, resultId);
		if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.LEADER)) {
			throw new AccessDeniedException("follow-ups: supervisors and leaders");
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		FollowUpKind known = null;
		try {
			known = kind == null ? null : FollowUpKind.valueOf(kind);
		}
		catch (IllegalArgumentException unknown) {
			// reported below
		}
		if (known == null) {
			errors.put("kind", Text.of("assessment.error.followUpKind"));
		}
		if (reference == null || reference.isBlank() || reference.strip().length() > 100) {
			errors.put("reference", Text.of("assessment.error.reference"));
		}
		if (note != null && note.length() > 1000) {
			errors.put("note", Text.of("assessment.error.note"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into assessment_follow_up (result_id, kind, reference, note, recorded_by, recorded_at)
				values (:result, :kind, :reference, :note, :by, :at)""")
			.param("result", resultId)
			.param("kind", known.name())
			.param("reference", reference.strip())
			.param("note", note == null ? "" : note.strip())
			.param("by", actor.personId())
			.param("at", Timestamp.from(now))
			.update();
		long id = this.jdbc.sql("select max(id) from assessment_follow_up where result_id = :result")
			.param("result", resultId)
			.query(Long.class)
			.single();
		return new FollowUp(id, known.name(), reference.strip(), note == null ? "" : note.strip(), actor.personId(),
				now);
	}

	private static void refuseEnterprise(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new NotFound(Text.of("assessment.error.none"));
		}
	}

	/** The names of units and regions, read once per request. */
	record Names(Map<Long, Unit> units, Map<String, Region> regions) {

		String of(Subject subject, long unitId, String regionCode) {
			if (subject == Subject.UNIT) {
				Unit unit = this.units.get(unitId);
				return unit == null ? "#" + unitId : unit.getName();
			}
			Region region = this.regions.get(regionCode);
			return region == null ? regionCode : region.name();
		}

		/** The league's place: the region after the "@", or "". */
		String placeOf(String league) {
			String code = league.substring(league.indexOf('@') + 1);
			Region region = this.regions.get(code);
			return region == null ? "" : region.name();
		}

	}

	Names names() {
		Map<Long, Unit> units = new HashMap<>();
		this.units.findAll().forEach(u -> units.put(u.getId(), u));
		Map<String, Region> regions = new HashMap<>();
		this.regions.all().forEach(r -> regions.put(r.code(), r));
		return new Names(units, regions);
	}

	private static Line line(java.sql.ResultSet rs, Names names) throws java.sql.SQLException {
		Subject subject = Subject.of(rs.getString(2).charAt(0));
		long unit = rs.getLong(3);
		String region = rs.getString(4);
		String league = rs.getString(5);
		int previous = rs.getInt(8);
		Integer previousRank = rs.wasNull() ? null : previous;
		return new Line(rs.getLong(1), subject, unit, region, names.of(subject, unit, region), league,
				names.placeOf(league), rs.getInt(6), rs.getInt(7), previousRank, rs.getBigDecimal(9),
				rs.getBigDecimal(10), rs.getBigDecimal(11), Snapshot.figures(rs.getString(12)),
				Snapshot.figures(rs.getString(13)));
	}

	private static Month month(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Month(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getInt(2), rs.getString(3), rs.getInt(4),
				rs.getInt(5), rs.getTimestamp(6).toInstant());
	}

}
