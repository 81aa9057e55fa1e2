package org.qiqing.audit;

/**
 * What an audit entry records. The target (kind and id) and a short detail say on what.
 */
public enum AuditAction {

	/** A login with the login form. */
	LOGIN_SUCCEEDED,
	/** A wrong password, an unknown or disabled login, a bad API token. */
	LOGIN_FAILED,
	/**
	 * A region, unit, person, category, calendar or notification robot created or changed
	 * (by hand or by an import).
	 */
	ADMINISTRATION_CHANGED,
	/** An API token issued. */
	TOKEN_ISSUED,
	/** An API token revoked. */
	TOKEN_REVOKED,
	/** Data taken out of the platform as a file (the coverage's Excel export). */
	DATA_EXPORTED,
	/** A phone number or e-mail address shown in full where lists show it masked. */
	PERSONAL_DATA_REVEALED,
	/** A unit's self-examination list published on the public page (公示), or withdrawn. */
	DISCLOSURE_CHANGED,
	/**
	 * A discipline record changed that people rely on: an accountability decision
	 * registered (问责追究), a supervision group's leader or members changed.
	 */
	DISCIPLINE_CHANGED

}
