package org.qiqing.evaluation;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.casework.CaseQueries;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Text;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns of 评议: an organiser of a jurisdiction (service centre, supervisor,
 * administrator) asks the enterprises each unit served in a period to rate it on a few
 * questions; an enterprise contact answers once per unit; the answers keep no trace of
 * who gave them, and every figure of a unit is shown only once it has
 * {@code minAnswersShown} answers, to anyone.
 * <p>
 * Who sees a campaign: whoever oversees its region ({@link Actor#oversees}, the one
 * jurisdiction rule) in an overseeing role sees all its units; a member of an invited
 * unit sees his unit's figures; nobody else (404).
 */
@Component
@EnableConfigurationProperties(EvaluationSettings.class)
public class Campaigns {

	/** The roles that organise campaigns and draws within their jurisdiction. */
	public static final Set<Role> ORGANISERS = Set.of(Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN);

	/** The roles that read the results of their jurisdiction. */
	public static final Set<Role> OVERSEERS = Set.of(Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.LEADER,
			Role.INSPECTOR);

	static final int MAX_QUESTIONS = 10;

	/**
	 * A campaign asked for, or its new terms while it has not opened.
	 *
	 * @param opensOn the first day enterprises may answer (null: today)
	 */
	public record NewCampaign(String title, LocalDate from, LocalDate to, LocalDate opensOn, LocalDate closesOn,
			String scale, List<String> questions) {
	}

	/** Where a campaign stands: not yet open (editable), open to answers, closed. */
	public enum Status {

		SCHEDULED, OPEN, CLOSED

	}

	/**
	 * A campaign as it stands today.
	 *
	 * @param opensOn the first day of answers (null: the day it was created)
	 * @param closedAt when an organiser closed it before its last day, with
	 * {@code closeReason}; null otherwise
	 */
	public record Campaign(long id, String title, LocalDate from, LocalDate to, LocalDate opensOn, LocalDate closesOn,
			Scale scale, String regionPath, List<String> questions, int invited, int answered, Status status,
			Instant closedAt, String closeReason, int version) {

		public boolean open(LocalDate today) {
			return this.closedAt == null && (this.opensOn == null || !today.isBefore(this.opensOn))
					&& !today.isAfter(this.closesOn);
		}

		static Status status(LocalDate opensOn, LocalDate closesOn, Instant closedAt, LocalDate today) {
			if (closedAt != null || today.isAfter(closesOn)) {
				return Status.CLOSED;
			}
			return opensOn != null && today.isBefore(opensOn) ? Status.SCHEDULED : Status.OPEN;
		}

	}

	/** A question's figures for one unit: null counts until enough answers exist. */
	public record QuestionResult(int position, String question, Double mean, Map<Integer, Integer> counts) {
	}

	/**
	 * A unit's figures in a campaign: how many were invited and answered, and each
	 * question's figures when {@code shown}.
	 */
	public record UnitResult(long unitId, String unitName, int invited, int answered, boolean shown,
			List<QuestionResult> questions) {
	}

	public record Results(Campaign campaign, int minAnswers, List<UnitResult> units) {
	}

	/** An open invitation of an enterprise to rate a unit. */
	public record Invitation(long id, long campaignId, String title, LocalDate from, LocalDate to, LocalDate closesOn,
			Scale scale, long unitId, String unitName, List<String> questions) {
	}

	private final JdbcClient jdbc;

	private final CaseQueries cases;

	private final Units units;

	private final PlatformClock clock;

	private final EvaluationSettings settings;

	private final AuditLog audit;

	Campaigns(JdbcClient jdbc, CaseQueries cases, Units units, PlatformClock clock, EvaluationSettings settings,
			AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.cases = cases;
		this.units = units;
		this.clock = clock;
		this.settings = settings;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), CHINA);
	}

	static Instant startOf(LocalDate day) {
		return day.atStartOfDay(CHINA).toInstant();
	}

	/**
	 * Creates a campaign over the organiser's jurisdiction and invites, for each unit
	 * that led a case of an enterprise resolved in the period, each such enterprise.
	 */
	@Transactional
	public Campaign create(NewCampaign request, Actor actor) {
		if (actor.jurisdictionPath() == null || ORGANISERS.stream().noneMatch(actor::has)) {
			throw new AccessDeniedException("not an organiser of a jurisdiction");
		}
		Terms terms = check(request);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into eval_campaign (title, period_from, period_to, opens_on, closes_on, scale, region_path,
				                           created_by, created_at)
				values (:title, :from, :to, :opensOn, :closesOn, :scale, :path, :by, :at)""")
			.param("title", terms.title())
			.param("from", request.from())
			.param("to", request.to())
			.param("opensOn", terms.opensOn())
			.param("closesOn", terms.closesOn())
			.param("scale", terms.scale().name())
			.param("path", actor.jurisdictionPath())
			.param("by", actor.personId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		invite(id, terms.questions(), request, actor);
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "evaluation-campaign", id,
				"created: " + terms.title());
		return load(id).orElseThrow();
	}

	/**
	 * Changes a campaign that has not opened: its title, period, days, scale and
	 * questions, and invites anew for the new period. Only an organiser of the campaign's
	 * own jurisdiction edits it (the invitations are his jurisdiction's).
	 * @param version the version the edit was made on
	 * @throws NotAllowed once it has opened or closed (409)
	 * @throws StaleVersion when it was changed since that version (412)
	 */
	@Transactional
	public Campaign edit(long id, int version, NewCampaign request, Actor actor) {
		Campaign campaign = organised(id, actor);
		if (!campaign.regionPath().equals(actor.jurisdictionPath())) {
			throw new AccessDeniedException("only the organising jurisdiction edits a campaign");
		}
		if (campaign.status() != Status.SCHEDULED) {
			throw new NotAllowed(Text.of("evaluation.error.notScheduled"));
		}
		Terms terms = check(request);
		int edited = this.jdbc.sql("""
				update eval_campaign set title = :title, period_from = :from, period_to = :to, opens_on = :opensOn,
				       closes_on = :closesOn, scale = :scale, version = version + 1
				where id = :id and version = :version and closed_at is null""")
			.param("title", terms.title())
			.param("from", request.from())
			.param("to", request.to())
			.param("opensOn", terms.opensOn())
			.param("closesOn", terms.closesOn())
			.param("scale", terms.scale().name())
			.param("id", id)
			.param("version", version)
			.update();
		if (edited != 1) {
			throw new StaleVersion(version, campaign.version());
		}
		// Nobody has answered before it opens: the questions and invitations are made
		// anew.
		this.jdbc.sql("delete from eval_question where campaign_id = :c").param("c", id).update();
		this.jdbc.sql("delete from eval_invitation where campaign_id = :c and answered_on is null")
			.param("c", id)
			.update();
		invite(id, terms.questions(), request, actor);
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "evaluation-campaign", id,
				"edited: " + terms.title() + " " + request.from() + ".." + request.to() + ", opens " + terms.opensOn()
						+ ", closes " + terms.closesOn());
		return load(id).orElseThrow();
	}

	/**
	 * Closes a campaign before its last day, with the reason: no answer is taken after
	 * it; what was answered stays. An organiser who oversees its region closes it.
	 * @throws NotAllowed when it is closed already (409)
	 * @throws InvalidInput without a reason
	 */
	@Transactional
	public Campaign close(long id, String reason, Actor actor) {
		Campaign campaign = organised(id, actor);
		if (campaign.status() == Status.CLOSED) {
			throw new NotAllowed(Text.of("evaluation.error.alreadyClosed"));
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInput("reason", Text.of("evaluation.error.required"));
		}
		if (why.length() > 500) {
			throw new InvalidInput("reason", Text.of("evaluation.error.tooLong", 500));
		}
		int closed = this.jdbc.sql("""
				update eval_campaign set closed_at = :at, closed_by = :by, close_reason = :reason
				where id = :id and closed_at is null""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor.personId())
			.param("reason", why)
			.param("id", id)
			.update();
		if (closed != 1) {
			throw new NotAllowed(Text.of("evaluation.error.alreadyClosed"));
		}
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "evaluation-campaign", id, "closed: " + why);
		return load(id).orElseThrow();
	}

	/**
	 * A campaign the person may organise: 404 when he may not see it, 403 when he sees it
	 * without organising its region.
	 */
	private Campaign organised(long id, Actor actor) {
		Campaign campaign = load(id).orElseThrow(() -> notFound());
		boolean sees = !actor.isEnterpriseContact() && (oversees(actor, campaign) || actor.unitId() != null
				&& this.jdbc.sql("select count(*) from eval_invitation where campaign_id = :c and unit_id = :u")
					.param("c", id)
					.param("u", actor.unitId())
					.query(Integer.class)
					.single() > 0);
		if (!sees) {
			throw notFound();
		}
		if (ORGANISERS.stream().noneMatch(actor::has) || !actor.oversees(campaign.regionPath())) {
			throw new AccessDeniedException("not an organiser of the campaign's region");
		}
		return campaign;
	}

	private record Terms(String title, Scale scale, LocalDate opensOn, LocalDate closesOn, List<String> questions) {
	}

	private void invite(long id, List<String> questions, NewCampaign request, Actor actor) {
		for (int i = 0; i < questions.size(); i++) {
			this.jdbc.sql("insert into eval_question (campaign_id, position, text) values (:c, :p, :t)")
				.param("c", id)
				.param("p", i + 1)
				.param("t", questions.get(i))
				.update();
		}
		for (CaseQueries.Served served : this.cases.servedBetween(actor, startOf(request.from()),
				startOf(request.to().plusDays(1)))) {
			this.jdbc.sql("insert into eval_invitation (campaign_id, unit_id, enterprise_id) values (:c, :u, :e)")
				.param("c", id)
				.param("u", served.unitId())
				.param("e", served.enterpriseId())
				.update();
		}
	}

	/** The terms of a new or edited campaign, or every reason they are refused. */
	private Terms check(NewCampaign request) {
		Map<String, Text> errors = new LinkedHashMap<>();
		String title = request.title() == null ? "" : request.title().strip();
		if (title.isEmpty()) {
			errors.put("title", Text.of("evaluation.error.required"));
		}
		else if (title.length() > 200) {
			errors.put("title", Text.of("evaluation.error.tooLong", 200));
		}
		Scale scale = null;
		try {
			scale = Scale.valueOf(request.scale() == null ? "" : request.scale());
		}
		catch (IllegalArgumentException ex) {
			errors.put("scale", Text.of("evaluation.error.scale"));
		}
		LocalDate today = today();
		if (request.from() == null) {
			errors.put("from", Text.of("evaluation.error.required"));
		}
		if (request.to() == null) {
			errors.put("to", Text.of("evaluation.error.required"));
		}
		else if (request.from() != null && (request.to().isBefore(request.from()) || request.to().isAfter(today)
				|| request.from().isBefore(request.to().minusYears(1)))) {
			errors.put("to", Text.of("evaluation.error.period"));
		}
		LocalDate opensOn = request.opensOn() == null ? today : request.opensOn();
		if (opensOn.isBefore(today)) {
			errors.put("opensOn", Text.of("evaluation.error.opensOn"));
		}
		LocalDate closesOn = request.closesOn() == null ? opensOn.plusDays(30) : request.closesOn();
		if (closesOn.isBefore(today) || closesOn.isBefore(opensOn)) {
			errors.put("closesOn", Text.of("evaluation.error.closesOn"));
		}
		List<String> questions = request.questions() == null ? List.of()
				: request.questions().stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
		if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
			errors.put("questions", Text.of("evaluation.error.questions", MAX_QUESTIONS));
		}
		else if (questions.stream().anyMatch(q -> q.length() > 300)) {
			errors.put("questions", Text.of("evaluation.error.tooLong", 300));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new Terms(title, scale, opensOn, closesOn, questions);
	}

	private record Row(long id, String title, LocalDate periodFrom, LocalDate periodTo, LocalDate opensOn,
			LocalDate closesOn, String scale, String regionPath, Timestamp closedAt, String closeReason, int version) {
	}

	private static final String ROW = """
			select id, title, period_from as periodFrom, period_to as periodTo, opens_on as opensOn,
			       closes_on as closesOn, scale, region_path as regionPath, closed_at as closedAt,
			       close_reason as closeReason, version
			from eval_campaign
			""";

	private java.util.Optional<Campaign> load(long id) {
		return this.jdbc.sql(ROW + "where id = :id").param("id", id).query(Row.class).optional().map(this::campaign);
	}

	private Campaign campaign(Row row) {
		List<String> questions = this.jdbc
			.sql("select text from eval_question where campaign_id = :c order by position")
			.param("c", row.id())
			.query(String.class)
			.list();
		int[] counts = this.jdbc.sql("""
				select count(*) as invited, count(answered_on) as answered from eval_invitation
				where campaign_id = :c""")
			.param("c", row.id())
			.query((rs, n) -> new int[] { rs.getInt("invited"), rs.getInt("answered") })
			.single();
		Instant closedAt = row.closedAt() == null ? null : row.closedAt().toInstant();
		return new Campaign(row.id(), row.title(), row.periodFrom(), row.periodTo(), row.opensOn(), row.closesOn(),
				Scale.valueOf(row.scale()), row.regionPath(), questions, counts[0], counts[1],
				Campaign.status(row.opensOn(), row.closesOn(), closedAt, today()), closedAt, row.closeReason(),
				row.version());
	}

	/** Whether the person oversees the whole campaign: all its units' figures. */
	static boolean oversees(Actor actor, Campaign campaign) {
		return OVERSEERS.stream().anyMatch(actor::has) && actor.oversees(campaign.regionPath());
	}

	/**
	 * The campaigns the person may read, newest first: those of regions he oversees, and
	 * those that invited enterprises to rate his unit.
	 */
	@Transactional(readOnly = true)
	public List<Campaign> visible(Actor actor) {
		if (actor.isEnterpriseContact()) {
			return List.of();
		}
		Set<Long> ofUnit = actor.unitId() == null ? Set.of()
				: Set.copyOf(this.jdbc.sql("select distinct campaign_id from eval_invitation where unit_id = :u")
					.param("u", actor.unitId())
					.query(Long.class)
					.list());
		return this.jdbc.sql(ROW + "order by period_from desc, id desc")
			.query(Row.class)
			.list()
			.stream()
			.filter(row -> ofUnit.contains(row.id())
					|| OVERSEERS.stream().anyMatch(actor::has) && actor.oversees(row.regionPath()))
			.map(this::campaign)
			.toList();
	}

	/**
	 * The figures of a campaign by unit and question, as the person may read them: every
	 * unit for an overseer of its region, his own unit for a member of an invited unit;
	 * 404 otherwise. A unit's figures are shown only from {@code minAnswersShown}
	 * answers.
	 */
	@Transactional(readOnly = true)
	public Results results(long id, Actor actor) {
		Campaign campaign = load(id).orElseThrow(() -> notFound());
		boolean all = !actor.isEnterpriseContact() && oversees(actor, campaign);
		Map<Long, int[]> invitations = new TreeMap<>();
		this.jdbc.sql("""
				select unit_id, count(*) as invited, count(answered_on) as answered from eval_invitation
				where campaign_id = :c group by unit_id""").param("c", id).query((rs, n) -> {
			invitations.put(rs.getLong("unit_id"), new int[] { rs.getInt("invited"), rs.getInt("answered") });
			return null;
		}).list();
		if (!all && (actor.unitId() == null || actor.isEnterpriseContact()
				|| !invitations.containsKey(actor.unitId()))) {
			throw notFound();
		}
		Map<Long, Map<Integer, Map<Integer, Integer>>> scores = new TreeMap<>();
		this.jdbc.sql("""
				select unit_id, position, score, count(*) as n from eval_answer where campaign_id = :c
				group by unit_id, position, score""").param("c", id).query((rs, n) -> {
			scores.computeIfAbsent(rs.getLong("unit_id"), u -> new TreeMap<>())
				.computeIfAbsent(rs.getInt("position"), p -> new TreeMap<>())
				.put(rs.getInt("score"), rs.getInt("n"));
			return null;
		}).list();
		Map<Long, String> names = this.units.findAllById(invitations.keySet())
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		List<UnitResult> results = new ArrayList<>();
		invitations.forEach((unit, counts) -> {
			if (!all && !unit.equals(actor.unitId())) {
				return;
			}
			boolean shown = counts[1] >= this.settings.minAnswersShown();
			List<QuestionResult> questions = new ArrayList<>();
			for (int i = 0; i < campaign.questions().size(); i++) {
				Map<Integer, Integer> counted = scores.getOrDefault(unit, Map.of()).getOrDefault(i + 1, Map.of());
				int n = counted.values().stream().mapToInt(Integer::intValue).sum();
				double sum = counted.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue()).sum();
				questions.add(shown
						? new QuestionResult(i + 1, campaign.questions().get(i),
								n == 0 ? null : Math.round(sum / n * 100) / 100.0, counted)
						: new QuestionResult(i + 1, campaign.questions().get(i), null, null));
			}
			results.add(
					new UnitResult(unit, names.getOrDefault(unit, "#" + unit), counts[0], counts[1], shown, questions));
		});
		results.sort(Comparator.comparing(UnitResult::unitName));
		return new Results(campaign, this.settings.minAnswersShown(), results);
	}

	/** The invitations of the contact's enterprise that wait for his answer. */
	@Transactional(readOnly = true)
	public List<Invitation> openInvitations(Actor actor) {
		if (!actor.isEnterpriseContact()) {
			return List.of();
		}
		List<long[]> rows = this.jdbc.sql("""
				select i.id, i.campaign_id, i.unit_id from eval_invitation i
				join eval_campaign c on c.id = i.campaign_id
				where i.enterprise_id = :e and i.answered_on is null and c.closes_on >= :today
				  and c.closed_at is null and (c.opens_on is null or c.opens_on <= :today)
				order by c.closes_on, i.id""")
			.param("e", actor.enterpriseId())
			.param("today", today())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		Map<Long, String> names = this.units.findAllById(rows.stream().map(r -> r[2]).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Unit::getId, Unit::getName));
		Map<Long, Campaign> campaigns = rows.stream()
			.map(r -> r[1])
			.distinct()
			.collect(Collectors.toMap(Function.identity(), c -> load(c).orElseThrow()));
		return rows.stream().map(r -> {
			Campaign c = campaigns.get(r[1]);
			return new Invitation(r[0], c.id(), c.title(), c.from(), c.to(), c.closesOn(), c.scale(), r[2],
					names.getOrDefault(r[2], "#" + r[2]), c.questions());
		}).toList();
	}

	/** One open invitation of the contact's enterprise, or 404. */
	@Transactional(readOnly = true)
	public Invitation invitation(long id, Actor actor) {
		return openInvitations(actor).stream().filter(i -> i.id() == id).findFirst().orElseThrow(() -> notFound());
	}

	/**
	 * Records the enterprise's answer to an invitation, once: a score for every question
	 * in the campaign's scale. The answer is stored under a random sheet id, apart from
	 * the invitation, which only notes the day it was answered.
	 */
	@Transactional
	public void answer(long invitationId, Map<Integer, Integer> scores, Actor actor) {
		if (!actor.isEnterpriseContact()) {
			throw notFound();
		}
		record Owned(long campaignId, long unitId, boolean answered) {
		}
		Owned owned = this.jdbc.sql("""
				select campaign_id as campaignId, unit_id as unitId,
				       case when answered_on is null then false else true end as answered
				from eval_invitation where id = :id and enterprise_id = :e""")
			.param("id", invitationId)
			.param("e", actor.enterpriseId())
			.query(Owned.class)
			.optional()
			.orElseThrow(() -> notFound());
		Campaign campaign = load(owned.campaignId()).orElseThrow();
		if (owned.answered()) {
			throw new NotAllowed(Text.of("evaluation.error.answered"));
		}
		if (!campaign.open(today())) {
			throw new NotAllowed(Text.of("evaluation.error.closed"));
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		Map<Integer, Integer> given = scores == null ? Map.of() : scores;
		for (int i = 1; i <= campaign.questions().size(); i++) {
			Integer score = given.get(i);
			if (score == null) {
				errors.put("scores[" + i + "]", Text.of("evaluation.error.required"));
			}
			else if (!campaign.scale().allows(score)) {
				errors.put("scores[" + i + "]", Text.of("evaluation.error.score", campaign.scale().top()));
			}
		}
		if (given.keySet().stream().anyMatch(p -> p == null || p < 1 || p > campaign.questions().size())) {
			errors.put("scores", Text.of("evaluation.error.unknownQuestion"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int claimed = this.jdbc
			.sql("update eval_invitation set answered_on = :today where id = :id and answered_on is null")
			.param("today", today())
			.param("id", invitationId)
			.update();
		if (claimed != 1) {
			throw new NotAllowed(Text.of("evaluation.error.answered"));
		}
		String sheet = UUID.randomUUID().toString();
		given.forEach((position, score) -> this.jdbc.sql("""
				insert into eval_answer (campaign_id, unit_id, sheet, position, score)
				values (:c, :u, :s, :p, :score)""")
			.param("c", owned.campaignId())
			.param("u", owned.unitId())
			.param("s", sheet)
			.param("p", position)
			.param("score", score)
			.update());
	}

	static NotFound notFound() {
		return new NotFound(Text.of("evaluation.error.notFound"));
	}

}
