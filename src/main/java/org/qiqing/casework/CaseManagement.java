package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.AssignableUnits;
import org.qiqing.organisation.Offices;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Units;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files cases and moves them, one step per transaction: the case row, its history event
 * and its attachments are written together or not at all.
 */
@Service
@Transactional
public class CaseManagement {

	private final Cases cases;

	private final CaseHistory history;

	private final VisibleCases visibleCases;

	private final CaseRowWriter rows;

	private final Categories categories;

	private final EnterpriseDirectory enterprises;

	private final Regions regions;

	private final Units units;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final CaseClocks clocks;

	private final CaseTimers timers;

	private final SupervisionDesk supervision;

	private final Clock clock;

	private final HelpVisits helpVisits;

	private final Offices offices;

	private final CaseNumbers numbers;

	private final StepTimes stepTimes;

	CaseManagement(Cases cases, CaseHistory history, VisibleCases visibleCases, Categories categories,
			EnterpriseDirectory enterprises, Regions regions, Units units, JdbcClient jdbc,
			ApplicationEventPublisher events, CaseClocks clocks, CaseTimers timers, SupervisionDesk supervision,
			Clock clock, HelpVisits helpVisits, Offices offices, CaseRowWriter rows, CaseNumbers numbers,
			StepTimes stepTimes) {
		this.stepTimes = stepTimes;
		this.rows = rows;
		this.numbers = numbers;
		this.helpVisits = helpVisits;
		this.offices = offices;
		this.cases = cases;
		this.history = history;
		this.visibleCases = visibleCases;
		this.categories = categories;
		this.enterprises = enterprises;
		this.regions = regions;
		this.units = units;
		this.jdbc = jdbc;
		this.events = events;
		this.clocks = clocks;
		this.timers = timers;
		this.supervision = supervision;
		this.clock = clock;
	}

	public Case submit(NewCase request, Actor actor) {
		Channel channel = request.kind()
			.workflow()
			.channelFor(actor.roles())
			.orElseThrow(() -> new NotAllowed(Text.of("error.case.mayNotFile")));
		return submit(request, actor, channel);
	}

	/**
	 * Files an enterprise's request heard by a visiting official (走访): channel VISIT
	 * whatever other roles he holds, in the caller's transaction, so a visit and the
	 * cases raised on it are kept together or not at all.
	 */
	public Case submitHeardOnVisit(NewCase request, Actor actor) {
		if (!actor.has(Role.VISITOR) || request.kind() != CaseKind.ENTERPRISE_REQUEST) {
			throw new NotAllowed(Text.of("error.case.visitorOnly"));
		}
		return submit(request, actor, Channel.VISIT);
	}

	/**
	 * Files a rectification item (整改) and assigns it at once to the unit that rectifies,
	 * due on the plan's last date: an inspector files it from a finding in his
	 * jurisdiction, a unit's own staff from a problem it found in itself (查摆). Runs in
	 * the caller's transaction, so a finding and its item are kept together.
	 */
	public Case fileRectification(Rectification item, Actor actor) {
		Map<String, Text> errors = new LinkedHashMap<>();
		requireText(errors, "title", item.title(), 200);
		requireText(errors, "description", item.description(), 4000);
		Unit unit = item.unitId() == null ? null : this.units.findById(item.unitId()).orElse(null);
		if (unit == null) {
			errors.put("unitId", Text.of("error.case.leadUnit"));
		}
		if (item.dueDate() == null) {
			errors.put("dueDate", Text.of("error.case.dueDate"));
		}
		else if (item.dueDate().isBefore(LocalDate.now(this.clock.withZone(CHINA)))) {
			errors.put("dueDate", Text.of("error.date.past", item.dueDate()));
		}
		Long categoryId = this.jdbc.sql("select id from case_category where code = :code")
			.param("code", Rectification.CATEGORY_CODE)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = this.regions.find(unit.getRegionCode()).orElseThrow();
		boolean inspector = actor.has(Role.INSPECTOR) && actor.oversees(region.path());
		boolean ownUnit = actor.has(Role.HANDLER) && unit.getId().equals(actor.unitId());
		// A member of the group that found the problem files it for his group to verify.
		boolean verifier = item.verifierIds().contains(actor.personId());
		if (!inspector && !ownUnit && !verifier) {
			throw new NotAllowed(Text.of("error.case.mayNotFile"));
		}
		Instant now = this.clock.instant();
		Case.Submitted submitted = Case.submit(this.numbers.next(region), CaseKind.RECTIFICATION, Channel.INSPECTION,
				categoryId, null, region.code(), region.path(), item.title().trim(), item.description().trim(),
				Priority.NORMAL, actor, now, item.attachments());
		Case saved = insert(submitted, item.attachments(), actor, now);
		for (Long person : new java.util.LinkedHashSet<>(item.verifierIds())) {
			this.jdbc.sql("insert into case_verifier (person_id, case_id) values (:person, :item)")
				.param("person", person)
				.param("item", saved.getId())
				.update();
		}
		return take(saved, CaseAction.ASSIGN,
				new StepInput(null, unit.getId(), null, item.dueDate(), null, null, null, null, null),
				this.supervision.system());
	}

	/**
	 * Names again who verifies rectification items (V53), once the groups that found them
	 * have changed: the given people replace those named before. Runs in the caller's
	 * transaction; the discipline module decides who they are and who may change them.
	 */
	public void nameVerifiers(Collection<Long> caseIds, Collection<Long> personIds) {
		for (Long caseId : new java.util.LinkedHashSet<>(caseIds)) {
			this.jdbc.sql("delete from case_verifier where case_id = :item").param("item", caseId).update();
			for (Long person : new java.util.LinkedHashSet<>(personIds)) {
				this.jdbc.sql("insert into case_verifier (person_id, case_id) values (:person, :item)")
					.param("person", person)
					.param("item", caseId)
					.update();
			}
		}
	}

	private Case insert(Case.Submitted submitted, List<NewAttachment> attachments, Actor actor, Instant now) {
		List<Timer> timers = this.clocks.follow(submitted.kase(), CaseAction.SUBMIT, now);
		CaseEvent sealed = submitted.kase().seal();
		Case saved = this.rows.insert(submitted.kase());
		this.history.append(saved.getId(), sealed, attachments);
		this.timers.set(saved.getId(), timers);
		publish(saved, sealed, null, null, Set.of(), actor);
		return saved;
	}

	private Case submit(NewCase request, Actor actor, Channel channel) {
		Map<String, Text> errors = new LinkedHashMap<>();
		requireText(errors, "title", request.title(), 200);
		requireText(errors, "description", request.description(), 4000);
		boolean helpVisit = request.kind() == CaseKind.HELP_VISIT;
		Long categoryId = helpVisit ? this.helpVisits.categoryId().orElse(null) : request.categoryId();
		Category category = categoryId == null ? null : this.categories.find(categoryId).orElse(null);
		if (category == null) {
			errors.put("categoryId", Text.of("error.case.category"));
		}
		if (helpVisit) {
			checkHelpVisit(errors, request.helpVisit());
		}
		else if (category != null && HelpVisit.CATEGORY_CODE.equals(category.code())) {
			errors.put("categoryId", Text.of("error.case.helpVisitCategory"));
		}
		else if (category != null && category.retired()) {
			errors.put("categoryId", Text.of("error.case.categoryRetired"));
		}
		Long enterpriseId = actor.isEnterpriseContact() ? actor.enterpriseId() : request.enterpriseId();
		Enterprise enterprise = enterpriseId == null ? null
				: this.enterprises.findVisible(enterpriseId, actor).orElse(null);
		if (enterprise == null && (enterpriseId != null || request.kind().servesEnterprise())) {
			errors.put("enterpriseId", Text.of("error.case.enterprise"));
		}
		NewCase.Assignment assignment = request.kind().servesEnterprise() ? null : request.assignment();
		if (!request.kind().servesEnterprise()) {
			checkAssignment(errors, request.assignment());
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Region region = enterprise != null ? this.regions.find(enterprise.getRegionCode()).orElseThrow()
				: regionOfMatter(this.units.findById(assignment.leadUnitId()).orElseThrow(), actor);
		if (assignment != null && !actor.oversees(region.path())) {
			throw new InvalidInput(enterprise != null ? "enterpriseId" : "leadUnitId",
					Text.of("error.case.outsideJurisdiction"));
		}
		Instant now = this.clock.instant();
		Case.Submitted submitted = Case.submit(this.numbers.next(region), request.kind(), channel, categoryId,
				enterprise == null ? null : enterprise.getId(), region.code(), region.path(), request.title().trim(),
				request.description().trim(), assignment == null ? Priority.NORMAL : assignment.priority(), actor, now,
				request.attachments());
		Case saved = insert(submitted, request.attachments(), actor, now);
		if (helpVisit) {
			this.helpVisits.add(saved.getId(), request.helpVisit());
			return take(saved, CaseAction.ASSIGN,
					new StepInput(null, helpOfficeOf(region).getId(), null, null, null, null, null, null, null),
					this.supervision.system());
		}
		if (assignment != null) {
			return take(saved, CaseAction.ASSIGN, new StepInput(null, assignment.leadUnitId(), assignment.coUnitIds(),
					assignment.dueDate(), null, null, null, null, null), actor);
		}
		return saved;
	}

	/**
	 * Where a leader's matter without an enterprise lies: where its unit stands or, for a
	 * unit that serves his jurisdiction from above, his jurisdiction.
	 */
	private Region regionOfMatter(Unit lead, Actor actor) {
		Region place = this.regions.find(lead.getRegionCode()).orElseThrow();
		if (actor.oversees(place.path()) || actor.jurisdictionPath() == null
				|| !this.offices.assignableBy(actor).contains(lead.getId())) {
			return place;
		}
		String path = actor.jurisdictionPath();
		String own = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
		return this.regions.find(own).orElse(place);
	}

	/**
	 * A leader's matter is assigned as it is filed: to a known unit, by a day to come.
	 */
	private void checkAssignment(Map<String, Text> errors, NewCase.Assignment assignment) {
		if (assignment == null || assignment.leadUnitId() == null) {
			errors.put("leadUnitId", Text.of("error.case.leadUnit"));
		}
		else if (!this.units.existsById(assignment.leadUnitId())) {
			errors.put("leadUnitId", Text.of("error.unit.unknown", assignment.leadUnitId()));
		}
		if (assignment == null || assignment.dueDate() == null) {
			errors.put("dueDate", Text.of("error.case.dueDate"));
		}
		else if (assignment.dueDate().isBefore(LocalDate.now(this.clock.withZone(CHINA)))) {
			errors.put("dueDate", Text.of("error.date.past", assignment.dueDate()));
		}
	}

	/**
	 * A service visit names a place and a first day to come, neither past; a second
	 * choice comes after the first.
	 */
	private void checkHelpVisit(Map<String, Text> errors, HelpVisit visit) {
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		if (visit == null || visit.place() == null || visit.place().isBlank()) {
			errors.put("place", Text.of("error.case.place"));
		}
		else if (visit.place().length() > 300) {
			errors.put("place", Text.of("error.field.tooLong", "place", 300));
		}
		if (visit == null || visit.firstDate() == null) {
			errors.put("firstDate", Text.of("error.case.firstDate"));
		}
		else if (visit.firstDate().isBefore(today)) {
			errors.put("firstDate", Text.of("error.date.past", visit.firstDate()));
		}
		else if (visit.secondDate() != null && !visit.secondDate().isAfter(visit.firstDate())) {
			errors.put("secondDate", Text.of("error.case.secondDate"));
		}
	}

	/**
	 * The help office (帮企办) nearest up the region tree; where there is none, the region's
	 * service centre.
	 */
	private Unit helpOfficeOf(Region region) {
		return this.offices.nearest(region.code(), UnitKind.HELP_OFFICE, UnitKind.SERVICE_CENTRE)
			.orElseThrow(() -> new NotAllowed(Text.of("error.case.noHelpOffice", region.name())));
	}

	/**
	 * Where and when the enterprise asked a service visit to come, if the case is one.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<HelpVisit> helpVisit(long caseId, Actor actor) {
		return this.helpVisits.of(find(caseId, actor).getId());
	}

	/** The category whose limits and guide service visits follow. */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> helpVisitCategoryId() {
		return this.helpVisits.categoryId();
	}

	/**
	 * Takes one step on a case the actor can see, if its workflow allows it.
	 * @param expectedVersion the version the actor has seen; another one means someone
	 * was faster
	 */
	public Case perform(long caseId, int expectedVersion, CaseAction action, StepInput input, Actor actor) {
		Case kase = find(caseId, actor);
		if (kase.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, kase.getVersion());
		}
		return take(kase, action, input, actor);
	}

	/**
	 * A step the platform takes itself when a timer fires (an automatic supervision
	 * order, an escalation): no scope to pass and no version to match, but the same
	 * workflow and the same history.
	 */
	Case performAsSystem(long caseId, CaseAction action, Text note) {
		Case kase = this.cases.findById(caseId)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.case"), caseId)));
		return take(kase, action, StepInput.note(note == null ? null : Texts.resolve(note, Locale.SIMPLIFIED_CHINESE)),
				this.supervision.system(), note);
	}

	private Case take(Case kase, CaseAction action, StepInput requested, Actor actor) {
		return take(kase, action, requested, actor, null);
	}

	/**
	 * @param said the platform's own words for the note (a timer's), kept as a text
	 * beside their Chinese; null for a person's step
	 */
	private Case take(Case kase, CaseAction action, StepInput requested, Actor actor, Text said) {
		Set<Long> coUnitsBefore = Set.copyOf(kase.getCoUnitIds());
		Long leadBefore = kase.getLeadUnitId();
		Instant now = this.clock.instant();
		validate(action, requested, kase);
		requireAssignable(action, requested, actor);
		StepInput input = withDefaultDueDate(kase, action, requested, now);
		this.clocks.check(kase, action, input, now);
		this.supervision.check(kase, action);
		CaseState from = kase.getState();
		CaseEvent event = kase.perform(action, input, actor, now, this.clocks.badRatingReopens(kase));
		if (said != null) {
			kase.noteSaidByPlatform(said);
		}
		this.supervision.apply(kase, event.action(), input, actor, now);
		List<Timer> timers = this.clocks.follow(kase, event.action(), now);
		CaseEvent sealed = kase.seal();
		Case saved = kase.getCoUnitIds().equals(coUnitsBefore) ? this.rows.update(kase) : this.cases.save(kase);
		this.history.append(saved.getId(), sealed, input.attachments());
		this.timers.set(saved.getId(), timers);
		this.supervision.record(saved, event.action(), input, actor, now, said);
		publish(saved, sealed, from, leadBefore, coUnitsBefore, actor);
		return saved;
	}

	/**
	 * An assignment without a due date gets the one its category gives; a leader's matter
	 * handed on keeps the date he set.
	 */
	private StepInput withDefaultDueDate(Case kase, CaseAction action, StepInput input, Instant now) {
		if ((action == CaseAction.ASSIGN || action == CaseAction.REASSIGN) && input.dueDate() == null) {
			return input.withDueDate(kase.getKind().servesEnterprise() || kase.getDueDate() == null
					? this.clocks.defaultDueDate(kase, now) : kase.getDueDate());
		}
		return input;
	}

	@Transactional(readOnly = true)
	public Case find(long caseId, Actor actor) {
		return this.visibleCases.find(caseId, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.case"), caseId)));
	}

	/**
	 * The steps the actor may take on the case now: those its workflow allows him, less a
	 * reply with no open order and an escalation with no unit above.
	 */
	@Transactional(readOnly = true)
	public List<CaseAction> allowedActions(Case kase, Actor actor) {
		return kase.allowedActions(actor)
			.stream()
			.filter(action -> action != CaseAction.REPLY_ORDER || this.supervision.hasOpenOrder(kase))
			.filter(action -> action != CaseAction.ESCALATE || this.supervision.canEscalate(kase))
			.toList();
	}

	/** The due date the case's category would give it if it were assigned now. */
	@Transactional(readOnly = true)
	public LocalDate defaultDueDate(Case kase) {
		return this.clocks.defaultDueDate(kase, this.clock.instant());
	}

	/** The supervision orders of a case; an enterprise contact does not see them. */
	@Transactional(readOnly = true)
	public List<SupervisionOrders.Order> orders(long caseId, Actor actor) {
		Case kase = find(caseId, actor);
		return actor.isEnterpriseContact() ? List.of() : this.supervision.orders(kase);
	}

	@Transactional(readOnly = true)
	public List<CaseHistory.Entry> timeline(long caseId, Actor actor) {
		Case kase = find(caseId, actor);
		return this.history.timeline(kase.getId(), actor.isEnterpriseContact());
	}

	/**
	 * The timeline with the platform's own notes in a given language (an official
	 * document prints them in Chinese, whoever prints it).
	 */
	@Transactional(readOnly = true)
	public List<CaseHistory.Entry> timeline(long caseId, Actor actor, Locale language) {
		Case kase = find(caseId, actor);
		return this.history.timeline(kase.getId(), actor.isEnterpriseContact(), language);
	}

	@Transactional(readOnly = true)
	public List<HistoryFinding> verify(long caseId, Actor actor) {
		return this.history.verify(find(caseId, actor).getId());
	}

	@Transactional(readOnly = true)
	public CaseHistory.Attachment attachment(long caseId, long attachmentId, Actor actor) {
		find(caseId, actor);
		return this.history.attachment(caseId, attachmentId, actor.isEnterpriseContact())
			.orElseThrow(
					() -> new NotFound(Text.of("error.record.notFound", Text.of("record.attachment"), attachmentId)));
	}

	private void validate(CaseAction action, StepInput input, Case kase) {
		Map<String, Text> errors = new LinkedHashMap<>();
		if (input.note() != null && input.note().length() > 4000) {
			errors.put("note", Text.of("error.field.tooLong", "note", 4000));
		}
		if (input.answer() != null && input.answer().length() > 4000) {
			errors.put("answer", Text.of("error.field.tooLong", "answer", 4000));
		}
		if (input.referral() != null && input.referral().length() > 300) {
			errors.put("referral", Text.of("error.field.tooLong", "referral", 300));
		}
		if (input.respondent() != null && input.respondent().name() != null
				&& input.respondent().name().length() > 100) {
			errors.put("respondentName", Text.of("error.field.tooLong", "respondentName", 100));
		}
		if (input.respondent() != null && input.respondent().role() != null
				&& input.respondent().role().length() > 100) {
			errors.put("respondentRole", Text.of("error.field.tooLong", "respondentRole", 100));
		}
		if (input.leadUnitId() != null && !this.units.existsById(input.leadUnitId())) {
			errors.put("leadUnitId", Text.of("error.unit.unknown", input.leadUnitId()));
		}
		for (Long unit : input.coUnitIds()) {
			if (!this.units.existsById(unit)) {
				errors.put("coUnitIds", Text.of("error.unit.unknown", unit));
			}
		}
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		if (input.dueDate() != null && input.dueDate().isBefore(today) && (action == CaseAction.ASSIGN
				|| action == CaseAction.REASSIGN || action == CaseAction.REQUEST_EXTENSION)) {
			errors.put("dueDate", Text.of("error.date.past", input.dueDate()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	/**
	 * A person hands a case only to the units he may assign to (his jurisdiction's, and
	 * those marked as serving it); the platform's own steps (a service visit to the
	 * nearest help office) choose their unit themselves.
	 */
	private void requireAssignable(CaseAction action, StepInput input, Actor actor) {
		if (action != CaseAction.ASSIGN && action != CaseAction.REASSIGN
				|| actor.personId() == this.supervision.system().personId()) {
			return;
		}
		AssignableUnits assignable = this.offices.assignableBy(actor);
		Map<String, Object> errors = new LinkedHashMap<>();
		if (input.leadUnitId() != null && !assignable.contains(input.leadUnitId())) {
			errors.put("leadUnitId", Text.of("error.case.unitNotAssignable",
					this.units.findById(input.leadUnitId()).map(Unit::getName).orElse(input.leadUnitId().toString())));
		}
		if (!assignable.containsAll(input.coUnitIds())) {
			errors.put("coUnitIds", Text.of("error.case.coUnitNotAssignable"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	private void publish(Case kase, CaseEvent event, CaseState from, Long leadBefore, Set<Long> coUnitsBefore,
			Actor actor) {
		this.events.publishEvent(StepFacts.transitioned(kase.getId(), kase.getNumber(), kase.getRegionPath(),
				CaseFacts.of(kase), event.action(), event.at(), from, leadBefore, coUnitsBefore,
				actor.personId() == this.supervision.system().personId(), this.stepTimes));
	}

	private static void requireText(Map<String, Text> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.put(field, Text.of("error.field.required", field));
		}
		else if (value.length() > max) {
			errors.put(field, Text.of("error.field.tooLong", field, max));
		}
	}

}
