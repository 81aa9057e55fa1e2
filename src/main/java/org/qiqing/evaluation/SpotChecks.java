package org.qiqing.evaluation;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qiqing.casework.AnswerMethod;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseQueries.ClosedCase;
import org.qiqing.casework.CaseScope;
import org.qiqing.casework.Rating;
import org.qiqing.casework.RatingSource;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Offices;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot-check return visits (回访抽查): a draw takes a share of the closed cases of a period
 * in the drawer's jurisdiction ({@link Sample}), assigns each to the service centre of
 * the case's region (never the unit that handled it), whose officials call the enterprise
 * back and record what it says beside the rating it gave itself.
 * <p>
 * Who sees a spot-check: the rule of records about cases, {@link CaseScope#figures}, over
 * the case's region and the centre it is assigned to (an overseer of the region, or a
 * member of the centre), and never a member of the unit that handled the case.
 */
@Component
public class SpotChecks {

	/** A draw: its period, share, seed and how many it took of how many. */
	public record Draw(long id, LocalDate from, LocalDate to, double share, String seed, int population, int drawn) {
	}

	/** What the service centre heard when it called the enterprise back. */
	public record Answer(Rating rating, Boolean solved, String note, String respondent, AnswerMethod method,
			Instant answeredAt) {
	}

	/** A spot-check: the case, who handled it and who calls, the two ratings. */
	public record SpotCheck(long id, long drawId, long caseId, String caseNumber, String caseTitle, long enterpriseId,
			long leadUnitId, String leadUnitName, long centreUnitId, String centreUnitName, String regionCode,
			Instant closedAt, Rating ownRating, RatingSource ownSource, Rating rating, Boolean solved, String note,
			String respondent, AnswerMethod answerMethod, Instant answeredAt, Long recordedBy, Instant recordedAt) {

		public boolean recorded() {
			return this.rating != null;
		}

	}

	private static final String COLUMNS = """
			select s.id, s.draw_id as drawId, s.case_id as caseId, s.case_number as caseNumber,
			       s.case_title as caseTitle, s.enterprise_id as enterpriseId, s.lead_unit_id as leadUnitId,
			       '' as leadUnitName, s.centre_unit_id as centreUnitId, '' as centreUnitName,
			       s.region_code as regionCode, s.closed_at as closedAt, s.own_rating as ownRating,
			       s.own_source as ownSource, s.rating, s.solved, s.note, s.respondent,
			       s.answer_method as answerMethod, s.answered_at as answeredAt, s.recorded_by as recordedBy,
			       s.recorded_at as recordedAt
			from eval_spot_check s
			""";

	/** The one rule, and never to the handling unit. */
	static final String SCOPE = CaseScope.figures("s.region_path", "s.centre_unit_id")
			+ " and s.lead_unit_id <> :scopeUnit";

	private final JdbcClient jdbc;

	private final CaseQueries cases;

	private final Offices offices;

	private final Regions regions;

	private final Units units;

	private final PlatformClock clock;

	private final EvaluationSettings settings;

	SpotChecks(JdbcClient jdbc, CaseQueries cases, Offices offices, Regions regions, Units units, PlatformClock clock,
			EvaluationSettings settings) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.offices = offices;
		this.regions = regions;
		this.units = units;
		this.clock = clock;
		this.settings = settings;
	}

	public EvaluationSettings settings() {
		return this.settings;
	}

	/** The seed of a draw: its jurisdiction and period, written on the draw. */
	static String seed(String jurisdictionPath, LocalDate from, LocalDate to) {
		return "spot-check:" + jurisdictionPath + ":" + from + ":" + to;
	}

	/**
	 * Draws the spot-checks of the closed cases of {@code [from, to]} (days in China) the
	 * organiser may see, at {@code share} (the setting when null). A jurisdiction draws a
	 * period once: a second draw overlapping it is refused.
	 */
	@Transactional
	public Draw draw(LocalDate from, LocalDate to, Double share, Actor actor) {
		if (actor.jurisdictionPath() == null || Campaigns.ORGANISERS.stream().noneMatch(actor::has)) {
			throw new AccessDeniedException("not an organiser of a jurisdiction");
		}
		double taken = share == null ? this.settings.sampleShare() : share;
		Map<String, Text> errors = new LinkedHashMap<>();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), CHINA);
		if (from == null) {
			errors.put("from", Text.of("evaluation.error.required"));
		}
		if (to == null) {
			errors.put("to", Text.of("evaluation.error.required"));
		}
		else if (from != null && (to.isBefore(from) || to.isAfter(today) || from.isBefore(to.minusYears(1)))) {
			errors.put("to", Text.of("evaluation.error.period"));
		}
		if (!(taken > 0 && taken <= 1)) {
			errors.put("share", Text.of("evaluation.error.share"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		boolean overlaps = this.jdbc.sql("""
				select count(*) from eval_draw
				where region_path = :path and period_from <= :to and period_to >= :from""")
			.param("path", actor.jurisdictionPath())
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single() > 0;
		if (overlaps) {
			throw new NotAllowed(Text.of("evaluation.error.drawOverlaps"));
		}
		List<ClosedCase> population = this.cases.closedBetween(actor, Campaigns.startOf(from),
				Campaigns.startOf(to.plusDays(1)));
		String seed = seed(actor.jurisdictionPath(), from, to);
		Map<Long, ClosedCase> byId = population.stream()
			.collect(Collectors.toMap(ClosedCase::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<Long> drawn = Sample.draw(byId.keySet(), seed, taken);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into eval_draw (region_path, period_from, period_to, share_permille, seed, population, drawn_by,
				                       drawn_at)
				values (:path, :from, :to, :share, :seed, :population, :by, :at)""")
			.param("path", actor.jurisdictionPath())
			.param("from", from)
			.param("to", to)
			.param("share", (int) Math.round(taken * 1000))
			.param("seed", seed)
			.param("population", byId.size())
			.param("by", actor.personId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long drawId = key.getKeyAs(Number.class).longValue();
		Map<String, Long> centres = new HashMap<>();
		for (long caseId : drawn) {
			ClosedCase c = byId.get(caseId);
			long centre = centres.computeIfAbsent(c.regionCode() + "/" + c.leadUnitId(),
					k -> centreFor(c.regionCode(), c.leadUnitId(), actor));
			this.jdbc.sql("""
					insert into eval_spot_check (draw_id, case_id, case_number, case_title, enterprise_id,
					       lead_unit_id, centre_unit_id, region_code, region_path, closed_at, own_rating, own_source)
					values (:draw, :case, :number, :title, :enterprise, :lead, :centre, :code, :path, :closed,
					        :rating, :source)""")
				.param("draw", drawId)
				.param("case", caseId)
				.param("number", c.number())
				.param("title", c.title())
				.param("enterprise", c.enterpriseId())
				.param("lead", c.leadUnitId())
				.param("centre", centre)
				.param("code", c.regionCode())
				.param("path", c.regionPath())
				.param("closed", Timestamp.from(c.closedAt()))
				.param("rating", c.rating() == null ? null : c.rating().name())
				.param("source", c.ratingSource() == null ? null : c.ratingSource().name())
				.update();
		}
		return new Draw(drawId, from, to, taken, seed, byId.size(), drawn.size());
	}

	/**
	 * The service centre of the case's region, the nearest up the region tree that is not
	 * the unit that handled the case; else the nearest supervision office; else the
	 * drawer's own unit.
	 */
	private long centreFor(String regionCode, long leadUnitId, Actor actor) {
		for (UnitKind kind : List.of(UnitKind.SERVICE_CENTRE, UnitKind.SUPERVISION_OFFICE)) {
			String code = regionCode;
			Set<String> seen = new HashSet<>();
			while (code != null && seen.add(code)) {
				Optional<Unit> found = this.offices.nearest(code, kind);
				if (found.isEmpty()) {
					break;
				}
				if (found.get().getId() != leadUnitId && found.get().isEnabled()) {
					return found.get().getId();
				}
				code = this.regions.find(found.get().getRegionCode()).map(Region::parentCode).orElse(null);
			}
		}
		return actor.unitId() == null ? leadUnitId : actor.unitId();
	}

	/**
	 * The spot-checks the person may see, of cases closed in {@code [from, to]} (either
	 * may be null), waiting ones first when {@code open} is null, else only waiting or
	 * only recorded ones.
	 */
	@Transactional(readOnly = true)
	public List<SpotCheck> list(Actor actor, LocalDate from, LocalDate to, Boolean open, int limit) {
		if (actor.isEnterpriseContact()) {
			return List.of();
		}
		String sql = COLUMNS + " where " + SCOPE + (from == null ? "" : " and s.closed_at >= :from")
				+ (to == null ? "" : " and s.closed_at < :to")
				+ (open == null ? "" : open ? " and s.rating is null" : " and s.rating is not null")
				+ " order by case when s.rating is null then 0 else 1 end, s.closed_at desc, s.id desc limit :limit";
		StatementSpec statement = CaseScope.bind(this.jdbc.sql(sql), actor).param("limit", limit);
		if (from != null) {
			statement = statement.param("from", Timestamp.from(Campaigns.startOf(from)));
		}
		if (to != null) {
			statement = statement.param("to", Timestamp.from(Campaigns.startOf(to.plusDays(1))));
		}
		return named(statement.query(Rows.of(SpotCheck.class)).list());
	}

	/** One spot-check the person may see, or 404. */
	@Transactional(readOnly = true)
	public SpotCheck find(long id, Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw Campaigns.notFound();
		}
		return named(CaseScope.bind(this.jdbc.sql(COLUMNS + " where s.id = :id and " + SCOPE), actor)
			.param("id", id)
			.query(Rows.of(SpotCheck.class))
			.list()).stream().findFirst().orElseThrow(Campaigns::notFound);
	}

	/** The spot-checks of one case the person may see. */
	@Transactional(readOnly = true)
	public List<SpotCheck> ofCase(long caseId, Actor actor) {
		if (actor.isEnterpriseContact()) {
			return List.of();
		}
		return named(CaseScope.bind(this.jdbc.sql(COLUMNS + " where s.case_id = :case and " + SCOPE), actor)
			.param("case", caseId)
			.query(Rows.of(SpotCheck.class))
			.list());
	}

	/** Whether the person may record the answer of a spot-check he sees. */
	public boolean mayRecord(SpotCheck check, Actor actor) {
		return !check.recorded() && !actor.isEnterpriseContact() && actor.unitId() != null
				&& actor.unitId() != check.leadUnitId()
				&& (actor.unitId() == check.centreUnitId() || Campaigns.ORGANISERS.stream().anyMatch(actor::has));
	}

	/**
	 * Records what the enterprise said when called back, once, by a member of the
	 * assigned centre or an organiser overseeing the case's region; never by the unit
	 * that handled the case.
	 */
	@Transactional
	public SpotCheck record(long id, Answer answer, Actor actor) {
		SpotCheck check = find(id, actor);
		if (check.recorded()) {
			throw new NotAllowed(Text.of("evaluation.error.recorded"));
		}
		if (!mayRecord(check, actor)) {
			throw new NotAllowed(Text.of("evaluation.error.notRecorder"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		if (answer.rating() == null) {
			errors.put("rating", Text.of("evaluation.error.required"));
		}
		if (answer.solved() == null) {
			errors.put("solved", Text.of("evaluation.error.required"));
		}
		if (answer.method() == null) {
			errors.put("method", Text.of("evaluation.error.required"));
		}
		String respondent = answer.respondent() == null ? "" : answer.respondent().strip();
		if (respondent.isEmpty()) {
			errors.put("respondent", Text.of("evaluation.error.required"));
		}
		else if (respondent.length() > 100) {
			errors.put("respondent", Text.of("evaluation.error.tooLong", 100));
		}
		String note = answer.note() == null ? null : answer.note().strip();
		if (note != null && note.length() > 1000) {
			errors.put("note", Text.of("evaluation.error.tooLong", 1000));
		}
		Instant now = this.clock.instant();
		Instant answeredAt = answer.answeredAt() == null ? now : answer.answeredAt();
		if (answeredAt.isAfter(now.plusSeconds(60)) || answeredAt.isBefore(check.closedAt())) {
			errors.put("answeredAt", Text.of("evaluation.error.answeredAt"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int updated = this.jdbc.sql("""
				update eval_spot_check set rating = :rating, solved = :solved, note = :note, respondent = :respondent,
				       answer_method = :method, answered_at = :answeredAt, recorded_by = :by, recorded_at = :at
				where id = :id and rating is null""")
			.param("rating", answer.rating().name())
			.param("solved", answer.solved())
			.param("note", note == null || note.isEmpty() ? null : note)
			.param("respondent", respondent)
			.param("method", answer.method().name())
			.param("answeredAt", Timestamp.from(answeredAt))
			.param("by", actor.personId())
			.param("at", Timestamp.from(now))
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new NotAllowed(Text.of("evaluation.error.recorded"));
		}
		return find(id, actor);
	}

	/** The recorded spot-checks the person may see, of cases closed in a period. */
	List<SpotCheck> recorded(Actor actor, LocalDate from, LocalDate to) {
		return list(actor, from, to, false, Integer.MAX_VALUE);
	}

	private List<SpotCheck> named(List<SpotCheck> checks) {
		Set<Long> ids = new HashSet<>();
		checks.forEach(c -> {
			ids.add(c.leadUnitId());
			ids.add(c.centreUnitId());
		});
		Map<Long, String> names = this.units.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		List<SpotCheck> named = new ArrayList<>(checks.size());
		for (SpotCheck c : checks) {
			named.add(new SpotCheck(c.id(), c.drawId(), c.caseId(), c.caseNumber(), c.caseTitle(), c.enterpriseId(),
					c.leadUnitId(), names.getOrDefault(c.leadUnitId(), ""), c.centreUnitId(),
					names.getOrDefault(c.centreUnitId(), ""), c.regionCode(), c.closedAt(), c.ownRating(),
					c.ownSource(), c.rating(), c.solved(), c.note(), c.respondent(), c.answerMethod(), c.answeredAt(),
					c.recordedBy(), c.recordedAt()));
		}
		return named;
	}

}
