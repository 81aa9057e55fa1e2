package org.qiqing.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.qiqing.organisation.Actor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each person last looked at his queue (table {@code queue_look}, V32), for the
 * "new" mark. A visit is a run of looks less than {@link #VISIT_GAP} apart; what moved
 * after the last look of the visit before is new, and stays marked for the whole visit,
 * so that switching tabs or pages does not wipe the marks a person has not read yet.
 */
@Component
public class QueueLooks {

	/** Looks further apart than this begin a new visit. */
	static final Duration VISIT_GAP = Duration.ofMinutes(30);

	/**
	 * A look this soon after the last one is not written: the queue is read far more
	 * often than that, and every write of one person's row would queue his requests
	 * behind each other.
	 */
	static final Duration WRITE_EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	QueueLooks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Look(Instant lookedAt, Instant seenBefore) {
	}

	/**
	 * Records that the person looks at his queue now and answers since when a case counts
	 * as new to him: the last look of his previous visit, or null when he never looked
	 * before (then everything is new). Outside any transaction, the caller's included:
	 * its read and its rare write each stand alone, so a transaction of its own only
	 * added a commit, a round trip to the database, to every read of the queue.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Instant look(Actor actor) {
		Instant now = this.clock.instant();
		Look last = this.jdbc
			.sql("select looked_at as lookedAt, seen_before as seenBefore from queue_look where person_id = :person")
			.param("person", actor.personId())
			.query(org.qiqing.platform.Rows.of(Look.class))
			.optional()
			.orElse(null);
		if (last == null) {
			try {
				this.jdbc.sql("insert into queue_look (person_id, looked_at) values (:person, :now)")
					.param("person", actor.personId())
					.param("now", Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// his other request looked at the same moment: that look counts
			}
			return null;
		}
		boolean newVisit = last.lookedAt().plus(VISIT_GAP).isBefore(now);
		Instant since = newVisit ? last.lookedAt() : last.seenBefore();
		if (newVisit || last.lookedAt().plus(WRITE_EVERY).isBefore(now)) {
			this.jdbc.sql("update queue_look set looked_at = :now, seen_before = :since where person_id = :person")
				.param("person", actor.personId())
				.param("now", Timestamp.from(now))
				.param("since", since == null ? null : Timestamp.from(since))
				.update();
		}
		return since;
	}

}
