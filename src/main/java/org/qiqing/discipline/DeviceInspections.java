package org.qiqing.discipline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Text;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inspections recorded on a phone, offline, and sent when the network returns: the
 * inspection, its notes on the checklist and its findings with their photos arrive in one
 * transaction under the key the phone made, so a send repeated after a lost answer
 * creates nothing twice and is answered with what the first one stored. The record of a
 * planned inspection scheduled for that day fills that one in ({@link InspectionNotes}).
 */
@Service
public class DeviceInspections {

	/** The most photos of one finding a phone sends. */
	public static final int MAX_PHOTOS = 5;

	/** The most findings one inspection sent from a phone holds. */
	public static final int MAX_FINDINGS = 20;

	private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

	private final DisciplineManagement management;

	private final InspectionNotes notes;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DeviceInspections(DisciplineManagement management, InspectionNotes notes, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.management = management;
		this.notes = notes;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What became of an inspection a phone sent: stored now, or by an earlier send. */
	public record Recorded(long id, long actionId, long unitId, LocalDate inspectedOn, List<Long> findingIds,
			boolean created) {
	}

	/**
	 * Records an inspection of the action and its findings, all or nothing; sent again
	 * under the same key, answers what the first send stored and stores nothing. A key
	 * the person already used for another action's inspection is a conflict.
	 */
	public Recorded record(long actionId, NewInspection inspection, List<FindingOnSite> findings, Actor actor) {
		if (inspection.clientKey() == null || !CLIENT_KEY.matcher(inspection.clientKey()).matches()) {
			throw new InvalidInput("clientKey", Text.of("discipline.error.clientKey"));
		}
		Optional<Recorded> earlier = find(inspection.clientKey(), actor);
		if (earlier.isPresent()) {
			return sameAction(earlier.get(), actionId);
		}
		// A phone records an inspection made: one planned ahead is set up on the action's
		// page.
		if (inspection.inspectedOn() != null
				&& inspection.inspectedOn().isAfter(LocalDate.now(this.clock.withZone(PlatformClock.CHINA)))) {
			throw new InvalidInput("inspectedOn", Text.of("discipline.error.future"));
		}
		if (findings.size() > MAX_FINDINGS) {
			throw new InvalidInput("findings", Text.of("discipline.error.findings", MAX_FINDINGS));
		}
		for (FindingOnSite finding : findings) {
			if (finding == null || finding.finding() == null) {
				throw new InvalidInput("findings", Text.of("discipline.error.kind"));
			}
			if (finding.photos().size() > MAX_PHOTOS) {
				throw new InvalidInput("photos", Text.of("discipline.error.photos", MAX_PHOTOS));
			}
		}
		try {
			return this.transactions.execute(status -> {
				// A planned inspection scheduled for that day is filled in rather than
				// counted twice. Otherwise the inspection's row comes first: a concurrent
				// send of the same key waits on its unique key here and fails before any
				// finding is written.
				Optional<Long> scheduled = this.notes.fillScheduled(actionId, inspection, actor);
				if (scheduled.isEmpty()) {
					// A concurrent send of the same key may have filled it in meanwhile.
					Optional<Recorded> filled = find(inspection.clientKey(), actor);
					if (filled.isPresent()) {
						return sameAction(filled.get(), actionId);
					}
				}
				long id = scheduled.orElseGet(() -> this.management.recordNewInspection(actionId, inspection, actor));
				for (FindingOnSite finding : findings) {
					this.management.recordFinding(id, finding.finding(), finding.photos(), actor);
				}
				return find(inspection.clientKey(), actor)
					.map(r -> new Recorded(r.id(), r.actionId(), r.unitId(), r.inspectedOn(), r.findingIds(), true))
					.orElseThrow();
			});
		}
		catch (DuplicateKeyException ex) {
			// Another send of the same inspection committed first: its result is the
			// answer.
			return sameAction(find(inspection.clientKey(), actor).orElseThrow(() -> ex), actionId);
		}
	}

	/**
	 * The inspection the person's phone sent under this key, if it arrived: recorded, or
	 * a planned one it filled in.
	 */
	public Optional<Recorded> find(String clientKey, Actor actor) {
		Optional<Long> id = this.jdbc.sql("select id from inspection where recorded_by = :by and client_key = :key")
			.param("by", actor.personId())
			.param("key", clientKey)
			.query(Long.class)
			.optional()
			.or(() -> this.notes.filledUnder(clientKey, actor));
		return id.map(found -> this.jdbc.sql("select action_id, unit_id, inspected_on from inspection where id = :id")
			.param("id", found)
			.query((rs, n) -> new Recorded(found, rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					findingsOf(found), false))
			.single());
	}

	private List<Long> findingsOf(long inspectionId) {
		return this.jdbc.sql("select id from finding where inspection_id = :id order by id")
			.param("id", inspectionId)
			.query(Long.class)
			.list();
	}

	private static Recorded sameAction(Recorded earlier, long actionId) {
		if (earlier.actionId() != actionId) {
			throw new NotAllowed(Text.of("discipline.error.clientKeyTaken"));
		}
		return earlier;
	}

}
