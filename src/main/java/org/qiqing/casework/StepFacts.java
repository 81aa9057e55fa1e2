package org.qiqing.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one mapping from a case's facts after a step ({@link CaseFacts}) to what the step
 * publishes ({@link CaseTransitioned}): a live step and a replayed history
 * ({@link CaseHistories}) both go through it, so they cannot tell different stories.
 */
final class StepFacts {

	private StepFacts() {
	}

	static CaseTransitioned transitioned(long caseId, String number, String regionPath, Map<String, String> facts,
			CaseAction action, Instant at, CaseState from, Long leadBefore, Set<Long> coUnitsBefore, boolean bySystem,
			StepTimes times) {
		Long category = longOf(facts.get("category_id"));
		String region = facts.get("region_code");
		Instant filed = instantOf(facts.get("created_at"));
		Rating rating = action == CaseAction.RATE || action == CaseAction.REOPEN || action == CaseAction.RETURN_VISIT
				? enumOf(Rating.class, facts.get("rating")) : null;
		return new CaseTransitioned(caseId, number, action, from, enumOf(CaseState.class, facts.get("state")),
				longOf(facts.get("lead_unit_id")), enumOf(CaseKind.class, facts.get("kind")),
				enumOf(Channel.class, facts.get("channel")), category, region, regionPath,
				units(facts.get("co_unit_ids")), leadBefore, coUnitsBefore, at, filed,
				enumOf(Outcome.class, facts.get("outcome")), rating, bySystem,
				times.withinLimit(action, at, filed, instantOf(facts.get("assigned_at")), dateOf(facts.get("due_date")),
						category, region),
				times.workingDays(action, at, filed, region),
				action == CaseAction.REVIEW_RATING ? enumOf(RatingReview.class, facts.get("rating_review")) : null);
	}

	static Set<Long> units(String text) {
		if (text == null || text.isEmpty()) {
			return Set.of();
		}
		return Arrays.stream(text.split(",")).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
	}

	static Long longOf(String text) {
		return text == null || text.isEmpty() ? null : Long.valueOf(text);
	}

	private static Instant instantOf(String text) {
		return text == null || text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(text));
	}

	private static LocalDate dateOf(String text) {
		return text == null || text.isEmpty() ? null : LocalDate.parse(text);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
		return text == null || text.isEmpty() ? null : Enum.valueOf(type, text);
	}

}
