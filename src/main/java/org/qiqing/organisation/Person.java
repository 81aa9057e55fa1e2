package org.qiqing.organisation;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Someone who logs in: an official of a unit, or a contact of an enterprise.
 */
@Table("person")
public class Person {

	@Id
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private Long unitId;

	private Long enterpriseId;

	private String jurisdictionCode;

	private String phone;

	private String email;

	private boolean enabled = true;

	/** Set by a reset: he must choose his own password before he may do anything else. */
	private boolean mustChangePassword;

	/** Whether saving him must end his sessions (a reset password), not stored. */
	@Transient
	private boolean endSessions;

	@MappedCollection(idColumn = "person_id")
	private Set<PersonRole> roles = new HashSet<>();

	@Version
	private Integer version;

	Person(String username, String displayName, String passwordHash) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
	}

	public static Person official(String username, String displayName, String passwordHash, long unitId,
			String jurisdictionCode, Set<Role> roles) {
		Person person = new Person(username, displayName, passwordHash);
		person.unitId = unitId;
		person.jurisdictionCode = jurisdictionCode;
		person.grant(roles);
		return person;
	}

	public static Person enterpriseContact(String username, String displayName, String passwordHash,
			long enterpriseId) {
		Person person = new Person(username, displayName, passwordHash);
		person.enterpriseId = enterpriseId;
		person.grant(Set.of(Role.ENTERPRISE));
		return person;
	}

	public void grant(Set<Role> granted) {
		this.roles = granted.stream().map(PersonRole::new).collect(Collectors.toCollection(HashSet::new));
	}

	public void rename(String displayName) {
		this.displayName = displayName;
	}

	/** Moves an official to a unit, with the region he oversees there (or none). */
	public void placeIn(long unitId, String jurisdictionCode) {
		this.unitId = unitId;
		this.jurisdictionCode = jurisdictionCode;
	}

	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * A password an administrator set for him, known to the administrator: he must change
	 * it at his next login, and his current sessions end.
	 */
	public void resetPassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = true;
		this.endSessions = true;
	}

	/** A password he chose himself. */
	void choosePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = false;
	}

	/** Lets the person log in, or stops him without deleting what he did. */
	public void allowLogin(boolean enabled) {
		this.enabled = enabled;
	}

	public void contactBy(String phone, String email) {
		this.phone = phone;
		this.email = email;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public Long getEnterpriseId() {
		return this.enterpriseId;
	}

	public String getJurisdictionCode() {
		return this.jurisdictionCode;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getEmail() {
		return this.email;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	/** Whether his sessions must end now that he is saved. */
	public boolean endsSessions() {
		return !this.enabled || this.endSessions;
	}

	public Set<Role> getRoles() {
		return this.roles.stream()
			.map(PersonRole::role)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public Integer getVersion() {
		return this.version;
	}

	@Table("person_role")
	record PersonRole(Role role) {
	}

}
