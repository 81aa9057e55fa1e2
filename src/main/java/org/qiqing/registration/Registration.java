package org.qiqing.registration;

import java.time.Instant;

/**
 * A registration of an enterprise contact, as the people who decide it see it (never with
 * its password).
 */
public record Registration(long id, long enterpriseId, String enterpriseName, String regionPath, String displayName,
		String phone, String email, String username, RegistrationStatus status, String reason, Instant filedAt,
		Instant decidedAt, Long personId, int version) {

}
