package org.qiqing.casework;

/**
 * Where a case stands. A kind of case uses the states its workflow names.
 */
public enum CaseState {

	SUBMITTED, DECLINED, WITHDRAWN, ACCEPTED, ASSIGNED, DISPUTED, IN_PROGRESS, EXTENSION_REQUESTED,
	SUSPENSION_REQUESTED, SUSPENDED, RESOLVED, REOPENED, CLOSED;

	public boolean isOpen() {
		return this != DECLINED && this != WITHDRAWN && this != CLOSED;
	}

}
