package org.qiqing.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published in the transaction of a supervision step that is also a written document: an
 * urging (催办通知书), a supervision order (督办单) or a written criticism (书面通报). The documents
 * module gives it its official number there, so a number is allocated once, with the
 * step, or not at all.
 *
 * @param seq the step's place in the case's history
 * @param issuerUnitId the unit of the supervisor who took the step; null when the
 * platform took it (a timer)
 * @param unitId the handling unit it is addressed to
 * @param regionCode the case's region, where the platform's own steps find their issuer
 * @param state the case's state after the step
 * @param dueDate the case's due date then, if it has one
 */
public record CaseSupervised(long caseId, String number, int seq, CaseAction action, Long issuerUnitId, Long unitId,
		String regionCode, CaseState state, LocalDate dueDate, Instant at) {

	/** Whether a step of this action is a document of its own. */
	public static boolean isDocument(CaseAction action) {
		return action == CaseAction.URGE || action == CaseAction.ORDER || action == CaseAction.CRITICISE;
	}

}
