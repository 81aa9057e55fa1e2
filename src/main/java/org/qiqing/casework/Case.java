package org.qiqing.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qiqing.casework.Workflow.Field;
import org.qiqing.casework.Workflow.Transition;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A case: the aggregate the engine moves. Every change goes through {@link #perform},
 * which asks the workflow of the case's kind whether the step is allowed, applies it and
 * returns the event to append to the history.
 */
@Table("cases")
public class Case {

	@Id
	private Long id;

	private String number;

	private CaseKind kind;

	private Channel channel;

	private CaseState state;

	private Long categoryId;

	private Long enterpriseId;

	private String regionCode;

	private String regionPath;

	private String title;

	private String description;

	private Long submittedBy;

	private Long leadUnitId;

	private LocalDate dueDate;

	private LocalDate requestedDueDate;

	private Outcome outcome;

	private String answer;

	private String referral;

	private Rating rating;

	private String ratingComment;

	private int handoffs;

	private int reopenCount;

	private Instant createdAt;

	private Instant updatedAt;

	private String lastHash;

	private int eventCount;

	private Instant assignedAt;

	private Instant limitAt;

	private Instant yellowAt;

	private TimeState timeState;

	private int limitCycle;

	private Instant suspendedAt;

	private Long escalatedUnitId;

	private Instant verifiedAt;

	private Priority priority = Priority.NORMAL;

	/** Who gave the rating (or that nobody did): the enterprise, a return visit. */
	private RatingSource ratingSource;

	/** Of the last return visit: who answered for the enterprise, when and how. */
	private String respondentName;

	private String respondentRole;

	private Instant answeredAt;

	private AnswerMethod answerMethod;

	/** A supervisor's judgement of the bad rating, and his reason (差评复核). */
	private RatingReview ratingReview;

	private String ratingReviewReason;

	@MappedCollection(idColumn = "case_id")
	private Set<CoUnit> coUnits = new HashSet<>();

	/**
	 * The people who verify this rectification item besides the jurisdiction's
	 * inspectors: the members of the supervision group that found its problem
	 * ({@code case_verifier}, read with the row, never written through Spring Data).
	 */
	@Transient
	private Set<Long> verifierIds = Set.of();

	@Version
	private Integer version;

	/**
	 * The facts as the last sealed event left them; read from the row on the first step.
	 */
	@Transient
	private Map<String, String> sealedFacts;

	/** The step taken but not yet sealed ({@link #seal}). */
	@Transient
	private Pending pending;

	Case() {
	}

	/** A new case, in its kind's first state, with its SUBMIT event. */
	static Submitted submit(String number, CaseKind kind, Channel channel, Long categoryId, Long enterpriseId,
			String regionCode, String regionPath, String title, String description, Priority priority, Actor by,
			Instant now, List<NewAttachment> attachments) {
		Case kase = new Case();
		kase.priority = priority;
		kase.number = number;
		kase.kind = kind;
		kase.channel = channel;
		kase.categoryId = categoryId;
		kase.enterpriseId = enterpriseId;
		kase.regionCode = regionCode;
		kase.regionPath = regionPath;
		kase.title = title;
		kase.description = description;
		kase.submittedBy = by.personId();
		kase.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
		kase.lastHash = HashChain.GENESIS;
		kase.state = kind.workflow().initial();
		kase.sealedFacts = Map.of();
		CaseEvent event = kase.record(CaseAction.SUBMIT, by, now, null, null, true, attachments);
		return new Submitted(kase, event);
	}

	record Submitted(Case kase, CaseEvent event) {
	}

	/**
	 * The case in a row read with {@link CaseRows#SELECT}, exactly as {@link Cases} would
	 * load it, each column read once.
	 */
	static Case fromRow(ResultSet row) throws SQLException {
		Case kase = new Case();
		kase.id = row.getLong("id");
		kase.number = row.getString("number");
		kase.kind = CaseRows.enumOf(row, "kind", CaseKind.class);
		kase.channel = CaseRows.enumOf(row, "channel", Channel.class);
		kase.state = CaseRows.enumOf(row, "state", CaseState.class);
		kase.categoryId = CaseRows.nullableLong(row, "category_id");
		kase.enterpriseId = CaseRows.nullableLong(row, "enterprise_id");
		kase.regionCode = row.getString("region_code");
		kase.regionPath = row.getString("region_path");
		kase.title = row.getString("title");
		kase.description = row.getString("description");
		kase.submittedBy = row.getLong("submitted_by");
		kase.leadUnitId = CaseRows.nullableLong(row, "lead_unit_id");
		kase.dueDate = CaseRows.localDate(row, "due_date");
		kase.requestedDueDate = CaseRows.localDate(row, "requested_due_date");
		kase.outcome = CaseRows.enumOf(row, "outcome", Outcome.class);
		kase.answer = row.getString("answer");
		kase.referral = row.getString("referral");
		kase.rating = CaseRows.enumOf(row, "rating", Rating.class);
		kase.ratingComment = row.getString("rating_comment");
		kase.handoffs = row.getInt("handoffs");
		kase.reopenCount = row.getInt("reopen_count");
		kase.createdAt = CaseRows.instant(row, "created_at");
		kase.updatedAt = CaseRows.instant(row, "updated_at");
		kase.lastHash = row.getString("last_hash");
		kase.eventCount = row.getInt("event_count");
		kase.assignedAt = CaseRows.instant(row, "assigned_at");
		kase.limitAt = CaseRows.instant(row, "limit_at");
		kase.yellowAt = CaseRows.instant(row, "yellow_at");
		kase.timeState = CaseRows.enumOf(row, "time_state", TimeState.class);
		kase.limitCycle = row.getInt("limit_cycle");
		kase.suspendedAt = CaseRows.instant(row, "suspended_at");
		kase.escalatedUnitId = CaseRows.nullableLong(row, "escalated_unit_id");
		kase.verifiedAt = CaseRows.instant(row, "verified_at");
		kase.priority = CaseRows.enumOf(row, "priority", Priority.class);
		kase.ratingSource = CaseRows.enumOf(row, "rating_source", RatingSource.class);
		kase.respondentName = row.getString("respondent_name");
		kase.respondentRole = row.getString("respondent_role");
		kase.answeredAt = CaseRows.instant(row, "answered_at");
		kase.answerMethod = CaseRows.enumOf(row, "answer_method", AnswerMethod.class);
		kase.ratingReview = CaseRows.enumOf(row, "rating_review", RatingReview.class);
		kase.ratingReviewReason = row.getString("rating_review_reason");
		kase.coUnits = CaseRows.coUnits(row);
		kase.verifierIds = CaseRows.verifiers(row);
		kase.version = row.getInt("version");
		return kase;
	}

	/**
	 * Takes a step: refuses it unless the workflow allows it now for one of the actor's
	 * parties and it carries what it needs, then applies it.
	 * @return the event to append to the history
	 */
	CaseEvent perform(CaseAction requested, StepInput input, Actor actor, Instant now) {
		return perform(requested, input, actor, now, true);
	}

	/**
	 * Takes a step, as {@link #perform(CaseAction, StepInput, Actor, Instant)}.
	 * @param badRatingReopens whether a bad rating reopens the case, or closes it because
	 * its re-ratings are used up
	 */
	CaseEvent perform(CaseAction requested, StepInput input, Actor actor, Instant now, boolean badRatingReopens) {
		boolean reopens = input.rating() != null && input.rating().isBad() && badRatingReopens;
		CaseAction action = (requested == CaseAction.RATE && reopens) ? CaseAction.REOPEN : requested;
		// A return visit closes the case, or reopens it as the enterprise's own bad
		// rating would: one action, two rows of the table.
		CaseState wanted = action == CaseAction.RETURN_VISIT ? (reopens ? CaseState.REOPENED : CaseState.CLOSED) : null;
		Transition step = this.kind.workflow()
			.find(action, this.state, wanted)
			.orElseThrow(() -> new NotAllowed(Text.of("error.case.stepNotInState",
					Text.of("action." + requested.name()), Text.of("state." + this.state.name()))));
		if (step.by().stream().noneMatch(Party.of(actor, this)::contains)) {
			throw new NotAllowed(Text.of("error.case.stepNotYours", Text.of("action." + requested.name())));
		}
		requireFields(step, input);
		if (this.pending != null) {
			seal();
		}
		if (this.sealedFacts == null) {
			this.sealedFacts = CaseFacts.of(this);
		}
		CaseState from = this.state;
		apply(action, input, step.target(from), now);
		if (action == CaseAction.ASSIGN || action == CaseAction.REASSIGN) {
			this.assignedAt = now.truncatedTo(ChronoUnit.MILLIS);
		}
		if (action == CaseAction.VERIFY) {
			this.verifiedAt = now.truncatedTo(ChronoUnit.MILLIS);
		}
		this.state = step.target(from);
		return record(action, actor, now, from, input.note(), step.visibleToEnterprise(), input.attachments());
	}

	/** The actions this actor may take on the case now. */
	public List<CaseAction> allowedActions(Actor actor) {
		return this.kind.workflow()
			.allowed(this.state, Party.of(actor, this))
			.stream()
			.filter(action -> action != CaseAction.REOPEN)
			.filter(action -> action != CaseAction.REVIEW_RATING || hasUnreviewedBadRating())
			.toList();
	}

	/** A bad rating no supervisor has judged yet: what 差评复核 is for. */
	public boolean hasUnreviewedBadRating() {
		return this.rating != null && this.rating.isBad() && this.ratingReview == null;
	}

	private void apply(CaseAction action, StepInput input, CaseState target, Instant now) {
		switch (action) {
			case ASSIGN, REASSIGN -> {
				if (action == CaseAction.REASSIGN || this.leadUnitId != null) {
					this.handoffs++;
				}
				this.leadUnitId = input.leadUnitId();
				this.coUnits = input.coUnitIds()
					.stream()
					.filter(unit -> !unit.equals(input.leadUnitId()))
					.map(CoUnit::new)
					.collect(Collectors.toCollection(HashSet::new));
				this.dueDate = input.dueDate();
			}
			case REQUEST_EXTENSION -> {
				if (this.dueDate != null && !input.dueDate().isAfter(this.dueDate)) {
					throw new InvalidInput("dueDate", Text.of("error.case.extensionLater", this.dueDate));
				}
				this.requestedDueDate = input.dueDate();
			}
			case APPROVE_EXTENSION -> {
				this.dueDate = this.requestedDueDate;
				this.requestedDueDate = null;
			}
			case REFUSE_EXTENSION -> this.requestedDueDate = null;
			case RESOLVE -> {
				if (input.outcome() == Outcome.OUT_OF_REMIT && isBlank(input.referral())) {
					throw new InvalidInput("referral", Text.of("error.case.referral"));
				}
				this.outcome = input.outcome();
				this.answer = input.answer();
				this.referral = input.referral();
			}
			case RATE -> rate(input, RatingSource.ENTERPRISE);
			case REOPEN -> {
				rate(input, RatingSource.ENTERPRISE);
				this.reopenCount++;
				this.outcome = null;
			}
			case RETURN_VISIT -> {
				Respondent respondent = input.respondent();
				// A form gives the minute: the minute of the filing will do.
				if (respondent.answeredAt().isAfter(now)
						|| respondent.answeredAt().isBefore(this.createdAt.truncatedTo(ChronoUnit.MINUTES))) {
					throw new InvalidInput("answeredAt",
							"the answer was heard after the case was filed, and not later than now");
				}
				rate(input, RatingSource.RETURN_VISIT);
				this.respondentName = respondent.name().trim();
				this.respondentRole = isBlank(respondent.role()) ? null : respondent.role().trim();
				this.answeredAt = respondent.answeredAt().truncatedTo(ChronoUnit.MILLIS);
				this.answerMethod = respondent.method();
				if (target == CaseState.REOPENED) {
					this.reopenCount++;
					this.outcome = null;
				}
			}
			case CLOSE_UNRATED -> {
				// A rating left from an earlier round (a bad one that reopened the case)
				// is not this round's: the case closes with none.
				rate(StepInput.empty(), RatingSource.NOT_RATED);
			}
			case REVIEW_RATING -> {
				if (!hasUnreviewedBadRating()) {
					throw new NotAllowed("only a bad rating not yet reviewed may be reviewed");
				}
				this.ratingReview = input.review();
				this.ratingReviewReason = input.note();
			}
			case SEND_BACK -> {
				this.outcome = null;
				this.verifiedAt = null;
			}
			default -> {
			}
		}
	}

	/**
	 * Starts the clock on a new limit: from now on the case is watched against
	 * {@code limit}, turning yellow at {@code yellow}. Each new limit is a new cycle, so
	 * that the timers of the old one do not fire.
	 */
	void runClock(Instant limit, Instant yellow, Instant now) {
		this.limitAt = limit;
		this.yellowAt = yellow;
		this.suspendedAt = null;
		this.limitCycle++;
		this.timeState = timeStateAt(now);
	}

	/** Stops the clock while the case is suspended; {@link #runClock} restarts it. */
	void suspendClock(Instant now) {
		this.suspendedAt = now;
		this.timeState = TimeState.SUSPENDED;
	}

	/** The case has left the government's hands (resolved, declined, closed). */
	void stopClock() {
		this.limitAt = null;
		this.yellowAt = null;
		this.suspendedAt = null;
		this.timeState = null;
	}

	void commitTo(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	void escalateTo(long unitId) {
		this.escalatedUnitId = unitId;
	}

	/** The time state at an instant, for a running clock; null when none runs. */
	public TimeState timeStateAt(Instant now) {
		return timeStateAt(this.suspendedAt, this.limitAt, this.yellowAt, now);
	}

	/** The same, from the columns alone (the timers read only these). */
	static TimeState timeStateAt(Instant suspendedAt, Instant limitAt, Instant yellowAt, Instant now) {
		if (suspendedAt != null) {
			return TimeState.SUSPENDED;
		}
		if (limitAt == null) {
			return null;
		}
		if (!now.isBefore(limitAt)) {
			return TimeState.RED;
		}
		return yellowAt != null && !now.isBefore(yellowAt) ? TimeState.YELLOW : TimeState.ON_TIME;
	}

	/**
	 * A new rating replaces the last one with all that went with it: who answered a
	 * return visit, and a review of the old rating.
	 */
	private void rate(StepInput input, RatingSource source) {
		this.rating = input.rating();
		this.ratingComment = input.note();
		this.ratingSource = source;
		this.respondentName = null;
		this.respondentRole = null;
		this.answeredAt = null;
		this.answerMethod = null;
		this.ratingReview = null;
		this.ratingReviewReason = null;
	}

	/**
	 * The step's event, not yet sealed: what else the step changes on the case (its due
	 * date, the unit it is escalated to) is decided after the workflow's part, and the
	 * event seals the facts as the whole step leaves them.
	 */
	private CaseEvent record(CaseAction action, Actor actor, Instant now, CaseState from, String note,
			boolean visibleToEnterprise, List<NewAttachment> attachments) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		int seq = this.eventCount + 1;
		CaseEvent event = new CaseEvent(seq, action, actor.personId(), actor.unitId(), at, from, this.state, note, null,
				visibleToEnterprise, null, CaseEvent.HASH_VERSION, this.lastHash, null);
		this.eventCount = seq;
		this.updatedAt = at;
		this.pending = new Pending(event, attachments);
		return event;
	}

	/**
	 * The step just taken says the platform's own words (a timer's automatic order): its
	 * note keeps them in Chinese and its event their text, which each reader reads in his
	 * language; both are sealed.
	 */
	void noteSaidByPlatform(Text words) {
		if (this.pending == null) {
			throw new IllegalStateException("no step to note");
		}
		CaseEvent draft = this.pending.event();
		CaseEvent said = new CaseEvent(draft.seq(), draft.action(), draft.actorId(), draft.actorUnitId(), draft.at(),
				draft.fromState(), draft.toState(), Texts.resolve(words, Locale.SIMPLIFIED_CHINESE), words.toJson(),
				draft.visibleToEnterprise(), null, CaseEvent.versionFor(words.toJson()), draft.prevHash(), null);
		this.pending = new Pending(said, this.pending.attachments());
	}

	/**
	 * Seals the last step once everything it changes is done: its event's hash covers
	 * every field of the event, the facts of the case it changed and its attachments, and
	 * becomes the case's head.
	 * @return the event to append to the history
	 */
	CaseEvent seal() {
		if (this.pending == null) {
			throw new IllegalStateException("no step to seal");
		}
		CaseEvent draft = this.pending.event();
		Map<String, String> facts = CaseFacts.of(this);
		String changes = CaseFacts.changes(this.sealedFacts, facts);
		String hash = CaseEvent.sealOf(draft.prevHash(), this.number, draft.seq(), draft.action(), draft.actorId(),
				draft.actorUnitId(), draft.at(), draft.fromState(), draft.toState(), draft.note(), draft.noteText(),
				draft.visibleToEnterprise(), changes,
				this.pending.attachments()
					.stream()
					.map(file -> new CaseEvent.Sealed(file.filename(), file.contentType(), file.content().length,
							file.sha256()))
					.toList());
		this.lastHash = hash;
		this.sealedFacts = facts;
		this.pending = null;
		return new CaseEvent(draft.seq(), draft.action(), draft.actorId(), draft.actorUnitId(), draft.at(),
				draft.fromState(), draft.toState(), draft.note(), draft.noteText(), draft.visibleToEnterprise(),
				changes, CaseEvent.versionFor(draft.noteText()), draft.prevHash(), hash);
	}

	private record Pending(CaseEvent event, List<NewAttachment> attachments) {
	}

	private static void requireFields(Transition step, StepInput input) {
		Map<String, Text> missing = new LinkedHashMap<>();
		Map<Field, Boolean> present = new EnumMap<>(Field.class);
		present.put(Field.NOTE, !isBlank(input.note()));
		present.put(Field.LEAD_UNIT, input.leadUnitId() != null);
		present.put(Field.DUE_DATE, input.dueDate() != null);
		present.put(Field.OUTCOME, input.outcome() != null);
		present.put(Field.ANSWER, !isBlank(input.answer()));
		present.put(Field.RATING, input.rating() != null);
		present.put(Field.REVIEW, input.review() != null);
		present.put(Field.EVIDENCE, !input.attachments().isEmpty());
		Respondent respondent = input.respondent();
		if (step.requires().contains(Field.RESPONDENT)) {
			// Each part of it is a field of its own on the form.
			if (respondent == null || isBlank(respondent.name())) {
				missing.put("respondentName", Text.of("error.field.requiredFor", "respondentName",
						Text.of("action." + step.action().name())));
			}
			if (respondent == null || respondent.answeredAt() == null) {
				missing.put("answeredAt",
						Text.of("error.field.requiredFor", "answeredAt", Text.of("action." + step.action().name())));
			}
			if (respondent == null || respondent.method() == null) {
				missing.put("answerMethod",
						Text.of("error.field.requiredFor", "answerMethod", Text.of("action." + step.action().name())));
			}
		}
		present.put(Field.RESPONDENT, true);
		for (Field field : step.requires()) {
			if (!present.get(field)) {
				String name = switch (field) {
					case NOTE -> "note";
					case LEAD_UNIT -> "leadUnitId";
					case DUE_DATE -> "dueDate";
					case OUTCOME -> "outcome";
					case ANSWER -> "answer";
					case RATING -> "rating";
					case REVIEW -> "review";
					case RESPONDENT -> "respondent";
					case EVIDENCE -> "attachments";
				};
				missing.put(name, Text.of("error.field.requiredFor", name, Text.of("action." + step.action().name())));
			}
		}
		if (!missing.isEmpty()) {
			throw new InvalidInput(missing);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	public Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public CaseKind getKind() {
		return this.kind;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public CaseState getState() {
		return this.state;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public Long getEnterpriseId() {
		return this.enterpriseId;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public String getRegionPath() {
		return this.regionPath;
	}

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public Long getSubmittedBy() {
		return this.submittedBy;
	}

	public Long getLeadUnitId() {
		return this.leadUnitId;
	}

	/** The members of the group that verifies this rectification item (销号). */
	public Set<Long> getVerifierIds() {
		return this.verifierIds == null ? Set.of() : this.verifierIds;
	}

	public Set<Long> getCoUnitIds() {
		return this.coUnits.stream().map(CoUnit::unitId).collect(Collectors.toSet());
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public LocalDate getRequestedDueDate() {
		return this.requestedDueDate;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public String getAnswer() {
		return this.answer;
	}

	public String getReferral() {
		return this.referral;
	}

	public Rating getRating() {
		return this.rating;
	}

	public String getRatingComment() {
		return this.ratingComment;
	}

	public int getHandoffs() {
		return this.handoffs;
	}

	public int getReopenCount() {
		return this.reopenCount;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public String getLastHash() {
		return this.lastHash;
	}

	public int getEventCount() {
		return this.eventCount;
	}

	public Instant getAssignedAt() {
		return this.assignedAt;
	}

	public Instant getLimitAt() {
		return this.limitAt;
	}

	public Instant getYellowAt() {
		return this.yellowAt;
	}

	public TimeState getTimeState() {
		return this.timeState;
	}

	public int getLimitCycle() {
		return this.limitCycle;
	}

	public Instant getSuspendedAt() {
		return this.suspendedAt;
	}

	public Long getEscalatedUnitId() {
		return this.escalatedUnitId;
	}

	public Instant getVerifiedAt() {
		return this.verifiedAt;
	}

	public Priority getPriority() {
		return this.priority;
	}

	public RatingSource getRatingSource() {
		return this.ratingSource;
	}

	public String getRespondentName() {
		return this.respondentName;
	}

	public String getRespondentRole() {
		return this.respondentRole;
	}

	public Instant getAnsweredAt() {
		return this.answeredAt;
	}

	public AnswerMethod getAnswerMethod() {
		return this.answerMethod;
	}

	public RatingReview getRatingReview() {
		return this.ratingReview;
	}

	public String getRatingReviewReason() {
		return this.ratingReviewReason;
	}

	public int getVersion() {
		return this.version == null ? 0 : this.version;
	}

	/** The version its row was written with ({@link CaseRowWriter}). */
	void setVersion(int version) {
		this.version = version;
	}

	/** The key its new row was given, at version 0 ({@link CaseRowWriter#insert}). */
	void inserted(long id) {
		this.id = id;
		this.version = 0;
	}

	@Table("case_co_unit")
	record CoUnit(Long unitId) {
	}

}
