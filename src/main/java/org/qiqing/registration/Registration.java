package org.qiqing.registration;

import java.time.Instant;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;

/**
 * A registration of an enterprise contact, as the people who decide it see it (never with
 * its password).
 */
public record Registration(long id, long enterpriseId, String enterpriseName, String regionPath, String displayName,
		String phone, String email, String username, RegistrationStatus status, String reason, Instant filedAt,
		Instant decidedAt, Long personId, int version) {

	/** The registration with its phone and e-mail address as the viewer may see them. */
	public Registration shownTo(Actor viewer) {
		return new Registration(this.id, this.enterpriseId, this.enterpriseName, this.regionPath, this.displayName,
				PersonalData.phone(this.phone, viewer), PersonalData.email(this.email, viewer), this.username,
				this.status, this.reason, this.filedAt, this.decidedAt, this.personId, this.version);
	}

}
