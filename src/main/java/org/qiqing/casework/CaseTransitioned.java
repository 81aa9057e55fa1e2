package org.qiqing.casework;

/**
 * Published in the transaction of every step of a case, for the modules that watch cases.
 */
public record CaseTransitioned(long caseId, String number, CaseAction action, CaseState from, CaseState to,
		Long leadUnitId) {
}
