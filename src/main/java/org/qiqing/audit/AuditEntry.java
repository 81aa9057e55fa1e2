package org.qiqing.audit;

import java.time.Instant;

/**
 * One line of the audit log as administrators and inspectors read it.
 */
public record AuditEntry(long id, Instant at, Long personId, String username, String address, AuditAction action,
		String targetKind, String targetId, String detail) {
}
