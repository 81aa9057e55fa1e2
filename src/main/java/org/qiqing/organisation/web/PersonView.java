package org.qiqing.organisation.web;

import java.util.Set;

import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;

/**
 * An official as the API shows him; never his password hash.
 */
record PersonView(long id, String username, String displayName, Long unitId, String jurisdictionCode, Set<Role> roles,
		String phone, String email, boolean enabled, boolean mustChangePassword, int version) {

	static PersonView of(Person person) {
		return new PersonView(person.getId(), person.getUsername(), person.getDisplayName(), person.getUnitId(),
				person.getJurisdictionCode(), person.getRoles(), person.getPhone(), person.getEmail(),
				person.isEnabled(), person.isMustChangePassword(), person.getVersion());
	}

}
