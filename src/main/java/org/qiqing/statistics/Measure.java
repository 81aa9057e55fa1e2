package org.qiqing.statistics;

import java.util.Locale;

import org.qiqing.casework.Outcome;
import org.qiqing.casework.Rating;

/**
 * What the rollups count, each a number of steps of one action (or of one action with one
 * outcome, rating or lateness) taken in the period. {@link Tally} says which step counts
 * for which; the definitions page reads {@code statistics.measure.NAME} and
 * {@code statistics.measure.NAME.definition} from the messages bundles. A new measure is
 * a constant here, a line in {@link Tally} and its two texts.
 */
public enum Measure {

	RECEIVED, ACCEPTED, ACCEPTED_IN_TIME, DECLINED, WITHDRAWN, ASSIGNED, CONTACTED, CONTACTED_IN_TIME, RESOLVED,
	RESOLVED_SOLVED, RESOLVED_EXPLAINED, RESOLVED_OUT_OF_REMIT, RESOLVED_NOT_SUPPORTED_BY_LAW, RESOLVED_UNSOLVABLE,
	RESOLVED_ON_TIME, BECAME_OVERDUE, REOPENED, SENT_BACK, HANDED_OFF, DISPUTED, DISPUTE_REJECTED, EXTENSION_REQUESTED,
	EXTENSION_APPROVED, SUSPENSION_REQUESTED, SUSPENDED, URGED, ORDERED, ESCALATED, CRITICISED, RATED,
	RATED_VERY_SATISFIED, RATED_SATISFIED, RATED_BASICALLY_SATISFIED, RATED_UNSATISFIED, RATED_VERY_UNSATISFIED,
	RETURN_VISITED, NOT_RATED, RATING_REVIEWED, RATING_JUDGED_UNREASONABLE, CONFIRMED, VERIFIED,
	/**
	 * A histogram: one count per resolution in the bucket of its working days from
	 * filing, so that medians and percentiles come from the rollups.
	 */
	RESOLVE_DAYS;

	/**
	 * The highest bucket of {@link #RESOLVE_DAYS}: longer resolutions are counted in it.
	 */
	public static final int LAST_DAY_BUCKET = 120;

	static Measure resolvedAs(Outcome outcome) {
		return valueOf("RESOLVED_" + outcome.name());
	}

	static Measure ratedAs(Rating rating) {
		return valueOf("RATED_" + rating.name());
	}

	/** The key of its name and definition in the messages bundles. */
	public String messageKey() {
		return "statistics.measure." + name();
	}

	/** Its name in URLs and JSON keys: {@code resolvedOnTime}. */
	public String camel() {
		StringBuilder out = new StringBuilder();
		for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
			out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return out.toString();
	}

}
