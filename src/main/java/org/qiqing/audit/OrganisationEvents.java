package org.qiqing.audit;

import org.qiqing.organisation.ApiTokenIssued;
import org.qiqing.organisation.ApiTokenRevoked;
import org.qiqing.organisation.OrganisationChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits what the organisation module publishes (it cannot call the audit log, which
 * depends on it). The listeners run in the publisher's transaction, so the entry and the
 * change are committed or rolled back together.
 */
@Component
class OrganisationEvents {

	private final AuditLog log;

	OrganisationEvents(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(OrganisationChanged event) {
		this.log.record(event.actor(), AuditAction.ADMINISTRATION_CHANGED, event.kind(), event.id(), event.change());
	}

	@EventListener
	void on(ApiTokenIssued event) {
		// Not its name: a token is its owner's alone, and the id finds it.
		this.log.write(event.personId(), null, AuditAction.TOKEN_ISSUED, "api-token", event.tokenId(), null);
	}

	@EventListener
	void on(ApiTokenRevoked event) {
		this.log.write(event.personId(), null, AuditAction.TOKEN_REVOKED, "api-token", event.tokenId(), null);
	}

}
