package org.qiqing.casework;

import java.time.LocalDate;

/**
 * What a person narrows the list of all cases to. Every part is optional (null: any); a
 * case must match all that are given. It narrows {@link CaseScope}, never widens it.
 *
 * @param state the state
 * @param unitId a unit that leads or co-handles the case
 * @param categoryId the category
 * @param kind the kind
 * @param channel how the case reached the government
 * @param time where an open case stands against its limit (a closed one has none)
 * @param from filed on or after this day (China's calendar)
 * @param to filed on or before this day
 * @param regionPath the path of a region: the cases of its subtree
 * @param outsideJurisdiction the region asked for lies outside the person's jurisdiction,
 * so nothing matches
 * @param text a part of the number, the title or the enterprise's name
 * @param sort the order; by default the most recently moved first, but within a range of
 * filing days the most recently filed first: what one who asks for the cases filed in a
 * week reads them by, and what the filing index answers at once (the cases filed in a
 * past week lie far down the order of movement, which PostgreSQL cannot know: it walked
 * 124,000 of them for a page)
 */
public record CaseFilter(CaseState state, Long unitId, Long categoryId, CaseKind kind, Channel channel, TimeState time,
		LocalDate from, LocalDate to, String regionPath, boolean outsideJurisdiction, String text, CaseSort sort) {

	public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, null, null, null, null, false,
			null, CaseSort.UPDATED);

	public CaseFilter {
		text = text == null || text.isBlank() ? null : text.strip();
		sort = sort != null ? sort : from != null || to != null ? CaseSort.FILED : CaseSort.UPDATED;
	}

	/** Only a state and a text, as the list was before it had more filters. */
	public static CaseFilter of(CaseState state, String text) {
		return new CaseFilter(state, null, null, null, null, null, null, null, null, false, text, CaseSort.UPDATED);
	}

}
