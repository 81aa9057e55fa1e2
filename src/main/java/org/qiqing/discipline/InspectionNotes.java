package org.qiqing.discipline;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an inspection noted against its action's checklist (检查要点), and its summary. An
 * inspection recorded once made brings its notes along; a planned one (明查) scheduled
 * ahead has none, and is filled in on its day by whoever went: on its page, or from a
 * phone whose record of the same unit by the same group on that day fills it in rather
 * than counting the visit twice. Filled in once ({@code checked_at}); its findings are
 * added as for any inspection.
 */
@Service
@Transactional
public class InspectionNotes {

	private final JdbcClient jdbc;

	private final DisciplineQueries queries;

	private final DisciplineScope scope;

	private final Clock clock;

	private final AuditLog audit;

	InspectionNotes(JdbcClient jdbc, DisciplineQueries queries, DisciplineScope scope, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.scope = scope;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Fills in an inspection with nothing noted yet, on or after its day, at the version
	 * read: whoever may record its findings (else 404, 403). Refused when cancelled, not
	 * yet come, issued or filled in already (409), or read before another's change (412).
	 * Audited.
	 * @return the inspection's new version
	 */
	public int fillIn(long inspectionId, int expectedVersion, String summary, List<NewInspection.Check> checks,
			Actor actor) {
		Views.Inspection inspection = this.queries.inspection(inspectionId, actor);
		if (!this.scope.isDiscipline(actor)) {
			throw new AccessDeniedException("discipline roles only");
		}
		if (inspection.cancelled()) {
			throw new NotAllowed(Text.of("discipline.error.cancelled"));
		}
		if (inspection.inspectedOn().isAfter(today())) {
			throw new NotAllowed(Text.of("discipline.error.notYet", inspection.inspectedOn()));
		}
		if (inspection.issuedAt() != null) {
			throw new NotAllowed(Text.of("discipline.error.issued"));
		}
		if (inspection.checkedAt() != null) {
			throw new NotAllowed(Text.of("discipline.error.filledIn"));
		}
		if (inspection.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, inspection.version());
		}
		requireComplete(summary, checks, this.queries.checkpoints(inspection.actionId()).size());
		if (!fill(inspectionId, summary, checks, null, Integer.valueOf(expectedVersion), actor)) {
			throw new StaleVersion();
		}
		this.audit.record(actor, AuditAction.DISCIPLINE_CHANGED, "inspection", inspectionId,
				"v" + (expectedVersion + 1) + ": filled in, " + checks.size() + " checks");
		return expectedVersion + 1;
	}

	/**
	 * Fills in the planned inspection a phone's record is of: the action's, by the same
	 * group, of the same unit, on the same day, one the person sees with nothing noted
	 * yet, neither cancelled nor issued (the oldest, should there be two), with the
	 * phone's notes under its key. Empty when there is none, or another filled it in
	 * first: the record is then an inspection of its own.
	 */
	Optional<Long> fillScheduled(long actionId, NewInspection inspection, Actor actor) {
		if (inspection.mode() != InspectionMode.PLANNED || inspection.groupId() == null || inspection.unitId() == null
				|| inspection.inspectedOn() == null || !this.scope.isDiscipline(actor)) {
			return Optional.empty();
		}
		Optional<Long> scheduled = this.jdbc.sql("""
				select id from inspection
				where action_id = :action and group_id = :group and unit_id = :unit and inspected_on = :on
				  and mode = 'PLANNED' and checked_at is null and cancelled_at is null and issued_at is null
				order by id limit 1""")
			.param("action", actionId)
			.param("group", inspection.groupId())
			.param("unit", inspection.unitId())
			.param("on", inspection.inspectedOn())
			.query(Long.class)
			.optional();
		if (scheduled.isEmpty() || this.queries.findInspection(scheduled.get(), actor).isEmpty()) {
			return Optional.empty();
		}
		requireComplete(inspection.summary(), inspection.checks(), this.queries.checkpoints(actionId).size());
		return fill(scheduled.get(), inspection.summary(), inspection.checks(), inspection.clientKey(), null, actor)
				? scheduled : Optional.empty();
	}

	/** The inspection filled in from the person's phone under this key, if any. */
	Optional<Long> filledUnder(String clientKey, Actor actor) {
		return this.jdbc.sql("select id from inspection where checked_by = :by and check_key = :key")
			.param("by", actor.personId())
			.param("key", clientKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * The notes of an inspection being recorded, written beside it. One made counts as
	 * filled in when it notes the checklist (of so many points), or, with none, has a
	 * summary: a summary alone beside a checklist says what to look at, as one scheduled
	 * ahead may, and the checklist is filled in later.
	 */
	void noteAtRecord(long inspectionId, NewInspection inspection, int points, Actor actor) {
		List<NewInspection.Check> checks = inspection.checks();
		String summary = inspection.summary();
		if (!inspection.inspectedOn().isAfter(today())
				&& (!checks.isEmpty() || (points == 0 && summary != null && !summary.isBlank()))) {
			this.jdbc.sql("update inspection set checked_at = :at, checked_by = :by where id = :id")
				.param("at", Timestamp.from(this.clock.instant()))
				.param("by", actor.personId())
				.param("id", inspectionId)
				.update();
		}
		writeChecks(inspectionId, checks);
	}

	/**
	 * What is wrong with a filling in: as {@link #validate}, and it notes every point of
	 * the checklist, or, with none, has a summary; anything less would be taken for done.
	 */
	private static void requireComplete(String summary, List<NewInspection.Check> checks, int points) {
		Map<String, Text> errors = new LinkedHashMap<>();
		validate(errors, summary, checks, points);
		if (errors.isEmpty() && points > 0 && checks.size() < points) {
			errors.put("checks", Text.of("discipline.error.checklistIncomplete", points));
		}
		if (errors.isEmpty() && points == 0 && (summary == null || summary.isBlank())) {
			errors.put("summary", Text.of("error.field.required", Text.of("discipline.summary")));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	/** What is wrong with the notes, against a checklist of so many points. */
	static void validate(Map<String, Text> errors, String summary, List<NewInspection.Check> checks, int points) {
		if (summary != null && summary.length() > 4000) {
			errors.put("summary", Text.of("error.field.tooLong", Text.of("discipline.summary"), 4000));
		}
		Set<Integer> positions = new HashSet<>();
		for (NewInspection.Check check : checks) {
			if (check == null || check.position() < 1 || check.position() > points
					|| !positions.add(check.position())) {
				errors.put("checks", Text.of("discipline.error.checkpoint"));
			}
			else if (check.note() != null && check.note().length() > 1000) {
				errors.put("checks", Text.of("error.field.tooLong", Text.of("discipline.note"), 1000));
			}
		}
	}

	/**
	 * Notes the inspection if nothing was noted yet (and at the version, when named); the
	 * row's update is what a concurrent fill waits on and then finds done.
	 */
	private boolean fill(long inspectionId, String summary, List<NewInspection.Check> checks, String key,
			Integer version, Actor actor) {
		int changed = this.jdbc.sql("""
				update inspection set summary = coalesce(:summary, summary), checked_at = :at, checked_by = :by,
				       check_key = :key,
				       version = version + 1
				where id = :id and checked_at is null and cancelled_at is null and issued_at is null
				  and inspected_on <= :today and (cast(:version as integer) is null or version = :version)""")
			.param("summary", summary == null || summary.isBlank() ? null : summary.strip())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", actor.personId())
			.param("key", key)
			.param("id", inspectionId)
			.param("today", today())
			.param("version", version)
			.update();
		if (changed == 0) {
			return false;
		}
		writeChecks(inspectionId, checks);
		return true;
	}

	private void writeChecks(long inspectionId, List<NewInspection.Check> checks) {
		for (NewInspection.Check check : checks) {
			this.jdbc
				.sql("insert into inspection_check (inspection_id, position, passed, note) values (:i, :p, :ok, :note)")
				.param("i", inspectionId)
				.param("p", check.position())
				.param("ok", check.passed())
				.param("note", check.note() == null || check.note().isBlank() ? null : check.note().strip())
				.update();
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

}
