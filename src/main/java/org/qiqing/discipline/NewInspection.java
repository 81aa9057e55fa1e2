package org.qiqing.discipline;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection of a unit by a group of an action, against its checklist; a client key
 * makes a phone's resent inspection count once.
 */
public record NewInspection(Long groupId, Long unitId, InspectionMode mode, LocalDate inspectedOn, String summary,
		List<Check> checks, String clientKey) {

	public NewInspection {
		checks = checks == null ? List.of() : List.copyOf(checks);
	}

	/** What was noted on one point of the checklist (its position, from 1). */
	public record Check(int position, boolean passed, String note) {
	}

}
