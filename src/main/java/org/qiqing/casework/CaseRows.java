package org.qiqing.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The row of a case in {@code cases}, read and written by hand on the path of every
 * filing and every step: Spring Data's mapping converted each column reflectively, read
 * the co-handling units in a second statement, rendered its SQL anew each time and, to
 * learn the key of a new case, threw and caught an exception. {@link Case#fromRow} reads
 * the columns, {@link #bindInsert} and {@link #bindUpdate} write them; a column added to
 * the table goes to all three ({@code CaseRowsIntegrationTests} fails until it does). A
 * step that changes the co-handling units still goes through {@link Cases}.
 */
final class CaseRows {

	/**
	 * A case with the ids of its co-handling units, as an array ({@code null} when there
	 * are none), on {@code cases c}: one statement where Spring Data took two.
	 * {@code array_agg} is understood alike by H2 and PostgreSQL.
	 */
	static final String SELECT = """
			select c.*,
			       (select array_agg(cu.unit_id) from case_co_unit cu where cu.case_id = c.id) as co_unit_ids,
			       (select array_agg(cv.person_id) from case_verifier cv where cv.case_id = c.id) as verifier_ids
			from cases c
			""";

	/** Every column of a new case but its key, which the database gives it. */
	static final String INSERT = """
			insert into cases (number, kind, channel, state, category_id, enterprise_id, region_code, region_path,
			       title, description, submitted_by, lead_unit_id, due_date, requested_due_date, outcome, answer,
			       referral, rating, rating_comment, handoffs, reopen_count, created_at, updated_at, last_hash,
			       event_count, assigned_at, limit_at, yellow_at, time_state, limit_cycle, suspended_at,
			       escalated_unit_id, verified_at, priority, rating_source, respondent_name, respondent_role,
			       answered_at, answer_method, rating_review, rating_review_reason, version)
			values (:number, :kind, :channel, :state, :category_id, :enterprise_id, :region_code, :region_path,
			       :title, :description, :submitted_by, :lead_unit_id, :due_date, :requested_due_date, :outcome, :answer,
			       :referral, :rating, :rating_comment, :handoffs, :reopen_count, :created_at, :updated_at, :last_hash,
			       :event_count, :assigned_at, :limit_at, :yellow_at, :time_state, :limit_cycle, :suspended_at,
			       :escalated_unit_id, :verified_at, :priority, :rating_source, :respondent_name, :respondent_role,
			       :answered_at, :answer_method, :rating_review, :rating_review_reason, :version)""";

	/**
	 * Every column but the key, if the row still has the version the case was read with.
	 */
	static final String UPDATE = """
			update cases set number = :number, kind = :kind, channel = :channel, state = :state,
			       category_id = :category_id, enterprise_id = :enterprise_id, region_code = :region_code,
			       region_path = :region_path, title = :title, description = :description,
			       submitted_by = :submitted_by, lead_unit_id = :lead_unit_id, due_date = :due_date,
			       requested_due_date = :requested_due_date, outcome = :outcome, answer = :answer,
			       referral = :referral, rating = :rating, rating_comment = :rating_comment,
			       handoffs = :handoffs, reopen_count = :reopen_count, created_at = :created_at,
			       updated_at = :updated_at, last_hash = :last_hash, event_count = :event_count,
			       assigned_at = :assigned_at, limit_at = :limit_at, yellow_at = :yellow_at,
			       time_state = :time_state, limit_cycle = :limit_cycle, suspended_at = :suspended_at,
			       escalated_unit_id = :escalated_unit_id, verified_at = :verified_at, priority = :priority,
			       rating_source = :rating_source, respondent_name = :respondent_name,
			       respondent_role = :respondent_role, answered_at = :answered_at, answer_method = :answer_method,
			       rating_review = :rating_review, rating_review_reason = :rating_review_reason,
			       version = :version
			where id = :id and version = :previous""";

	private CaseRows() {
	}

	/** Binds {@link #INSERT} to write a new case at version 0. */
	static StatementSpec bindInsert(StatementSpec insert, Case kase) {
		return bindColumns(insert.param("version", 0, Types.INTEGER), kase);
	}

	/** Binds {@link #UPDATE} to write the case with the next version. */
	static StatementSpec bindUpdate(StatementSpec update, Case kase) {
		return bindColumns(update.param("id", kase.getId(), Types.BIGINT)
			.param("previous", kase.getVersion(), Types.INTEGER)
			.param("version", kase.getVersion() + 1, Types.INTEGER), kase);
	}

	/**
	 * Every column but the key and the version. Every value carries its SQL type, so that
	 * Spring binds a null without asking the driver which type to bind it as.
	 */
	private static StatementSpec bindColumns(StatementSpec statement, Case kase) {
		return statement.param("number", kase.getNumber(), Types.VARCHAR)
			.param("kind", name(kase.getKind()), Types.VARCHAR)
			.param("channel", name(kase.getChannel()), Types.VARCHAR)
			.param("state", name(kase.getState()), Types.VARCHAR)
			.param("category_id", kase.getCategoryId(), Types.BIGINT)
			.param("enterprise_id", kase.getEnterpriseId(), Types.BIGINT)
			.param("region_code", kase.getRegionCode(), Types.VARCHAR)
			.param("region_path", kase.getRegionPath(), Types.VARCHAR)
			.param("title", kase.getTitle(), Types.VARCHAR)
			.param("description", kase.getDescription(), Types.VARCHAR)
			.param("submitted_by", kase.getSubmittedBy(), Types.BIGINT)
			.param("lead_unit_id", kase.getLeadUnitId(), Types.BIGINT)
			.param("due_date", kase.getDueDate(), Types.DATE)
			.param("requested_due_date", kase.getRequestedDueDate(), Types.DATE)
			.param("outcome", name(kase.getOutcome()), Types.VARCHAR)
			.param("answer", kase.getAnswer(), Types.VARCHAR)
			.param("referral", kase.getReferral(), Types.VARCHAR)
			.param("rating", name(kase.getRating()), Types.VARCHAR)
			.param("rating_comment", kase.getRatingComment(), Types.VARCHAR)
			.param("handoffs", kase.getHandoffs(), Types.INTEGER)
			.param("reopen_count", kase.getReopenCount(), Types.INTEGER)
			.param("created_at", timestamp(kase.getCreatedAt()), Types.TIMESTAMP)
			.param("updated_at", timestamp(kase.getUpdatedAt()), Types.TIMESTAMP)
			.param("last_hash", kase.getLastHash(), Types.VARCHAR)
			.param("event_count", kase.getEventCount(), Types.INTEGER)
			.param("assigned_at", timestamp(kase.getAssignedAt()), Types.TIMESTAMP)
			.param("limit_at", timestamp(kase.getLimitAt()), Types.TIMESTAMP)
			.param("yellow_at", timestamp(kase.getYellowAt()), Types.TIMESTAMP)
			.param("time_state", name(kase.getTimeState()), Types.VARCHAR)
			.param("limit_cycle", kase.getLimitCycle(), Types.INTEGER)
			.param("suspended_at", timestamp(kase.getSuspendedAt()), Types.TIMESTAMP)
			.param("escalated_unit_id", kase.getEscalatedUnitId(), Types.BIGINT)
			.param("verified_at", timestamp(kase.getVerifiedAt()), Types.TIMESTAMP)
			.param("priority", name(kase.getPriority()), Types.VARCHAR)
			.param("rating_source", name(kase.getRatingSource()), Types.VARCHAR)
			.param("respondent_name", kase.getRespondentName(), Types.VARCHAR)
			.param("respondent_role", kase.getRespondentRole(), Types.VARCHAR)
			.param("answered_at", timestamp(kase.getAnsweredAt()), Types.TIMESTAMP)
			.param("answer_method", name(kase.getAnswerMethod()), Types.VARCHAR)
			.param("rating_review", name(kase.getRatingReview()), Types.VARCHAR)
			.param("rating_review_reason", kase.getRatingReviewReason(), Types.VARCHAR);
	}

	static Long nullableLong(ResultSet row, String column) throws SQLException {
		return row.getObject(column, Long.class);
	}

	static LocalDate localDate(ResultSet row, String column) throws SQLException {
		return row.getObject(column, LocalDate.class);
	}

	/** Both drivers give a {@code timestamp with time zone} as an OffsetDateTime. */
	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	static <E extends Enum<E>> E enumOf(ResultSet row, String column, Class<E> type) throws SQLException {
		String name = row.getString(column);
		return name == null ? null : Enum.valueOf(type, name);
	}

	/**
	 * The co-handling units of {@link #SELECT}'s array, whose ids both drivers give as
	 * Longs, in the kind of set Spring Data fills.
	 */
	static Set<Case.CoUnit> coUnits(ResultSet row) throws SQLException {
		Set<Case.CoUnit> units = new LinkedHashSet<>();
		Array ids = row.getArray("co_unit_ids");
		if (ids != null) {
			for (Object id : (Object[]) ids.getArray()) {
				units.add(new Case.CoUnit((Long) id));
			}
			ids.free();
		}
		return units;
	}

	/** The verifiers of {@link #SELECT}'s array (V53), none for most cases. */
	static Set<Long> verifiers(ResultSet row) throws SQLException {
		Array ids = row.getArray("verifier_ids");
		if (ids == null) {
			return Set.of();
		}
		Set<Long> people = new LinkedHashSet<>();
		for (Object id : (Object[]) ids.getArray()) {
			people.add(((Number) id).longValue());
		}
		ids.free();
		return Set.copyOf(people);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
