package org.qiqing.casework;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The facts a case row carries that its history must account for, by column name, as
 * text: what a step decides (state, lead unit, due date, answer, outcome, rating, …) and
 * what the filing said. The clock's columns ({@code limit_at}, {@code time_state}, …) are
 * left out: the timer sweep moves them set-wise, without an event, and they follow from
 * the facts and the calendar. An event seals the facts it changed ({@link #changes}), so
 * replaying a case's events gives its row.
 */
final class CaseFacts {

	private CaseFacts() {
	}

	/** Every fact of the case, in a fixed order; an absent value is the empty text. */
	static Map<String, String> of(Case kase) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("kind", text(kase.getKind()));
		facts.put("channel", text(kase.getChannel()));
		facts.put("category_id", text(kase.getCategoryId()));
		facts.put("enterprise_id", text(kase.getEnterpriseId()));
		facts.put("region_code", text(kase.getRegionCode()));
		facts.put("title", text(kase.getTitle()));
		facts.put("description", text(kase.getDescription()));
		facts.put("submitted_by", text(kase.getSubmittedBy()));
		facts.put("priority", text(kase.getPriority()));
		facts.put("created_at", text(kase.getCreatedAt()));
		facts.put("state", text(kase.getState()));
		facts.put("lead_unit_id", text(kase.getLeadUnitId()));
		facts.put("co_unit_ids",
				String.join(",", new TreeSet<>(kase.getCoUnitIds()).stream().map(String::valueOf).toList()));
		facts.put("due_date", text(kase.getDueDate()));
		facts.put("requested_due_date", text(kase.getRequestedDueDate()));
		facts.put("outcome", text(kase.getOutcome()));
		facts.put("answer", text(kase.getAnswer()));
		facts.put("referral", text(kase.getReferral()));
		facts.put("rating", text(kase.getRating()));
		facts.put("rating_comment", text(kase.getRatingComment()));
		facts.put("handoffs", text(kase.getHandoffs()));
		facts.put("reopen_count", text(kase.getReopenCount()));
		facts.put("escalated_unit_id", text(kase.getEscalatedUnitId()));
		facts.put("assigned_at", text(kase.getAssignedAt()));
		facts.put("verified_at", text(kase.getVerifiedAt()));
		facts.put("rating_source", text(kase.getRatingSource()));
		facts.put("respondent_name", text(kase.getRespondentName()));
		facts.put("respondent_role", text(kase.getRespondentRole()));
		facts.put("answered_at", text(kase.getAnsweredAt()));
		facts.put("answer_method", text(kase.getAnswerMethod()));
		facts.put("rating_review", text(kase.getRatingReview()));
		facts.put("rating_review_reason", text(kase.getRatingReviewReason()));
		return facts;
	}

	/** The facts of {@code after} that differ from {@code before}, encoded. */
	static String changes(Map<String, String> before, Map<String, String> after) {
		StringBuilder text = new StringBuilder();
		after.forEach((name, value) -> {
			if (!value.equals(before.getOrDefault(name, ""))) {
				text.append(name).append('=').append(escape(value)).append('\n');
			}
		});
		return text.toString();
	}

	/** Applies the changes an event sealed to the facts replayed so far. */
	static void replay(String changes, Map<String, String> facts) {
		if (changes == null) {
			return;
		}
		for (String line : changes.split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				facts.put(line.substring(0, equals), unescape(line.substring(equals + 1)));
			}
		}
	}

	private static String text(Object value) {
		if (value instanceof Instant instant) {
			// The row keeps microseconds at most, the clock may give nanoseconds.
			return Long.toString(instant.toEpochMilli());
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return Objects.toString(value, "");
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String unescape(String value) {
		StringBuilder text = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

}
