/**
 * The audit log: who logged in or failed to, changed the administration, issued a token,
 * exported data or saw personal data in full, when and from where; append-only, read by
 * administrators and inspectors of the jurisdiction ({@link org.qiqing.audit.AuditLog}).
 */
package org.qiqing.audit;
