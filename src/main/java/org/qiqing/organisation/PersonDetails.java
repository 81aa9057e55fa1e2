package org.qiqing.organisation;

import java.util.Set;

/**
 * What an administrator says about an official when he creates or changes him.
 *
 * @param username the lasting login name (imports match on it); it cannot change
 * @param password a new password, or null to keep the current one (required to create)
 * @param jurisdictionCode the region he oversees, or null
 * @param enabled whether he may log in; null keeps it as it is (yes for a new person)
 */
public record PersonDetails(String username, String displayName, String password, Long unitId, String jurisdictionCode,
		Set<Role> roles, String phone, String email, Boolean enabled) {

	public PersonDetails {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
	}

	@Override
	public String toString() {
		return "PersonDetails[" + this.username + "]";
	}

}
