package org.qiqing.organisation;

import java.util.Set;

/**
 * The person behind the current request, with what decides what he may see: his unit, his
 * enterprise (for an enterprise contact) and the region subtree of his jurisdiction.
 *
 * @param jurisdictionPath the path of the region he oversees ({@code /330400/330421/}),
 * or null
 */
public record Actor(long personId, String username, String displayName, Long unitId, Long enterpriseId,
		String jurisdictionPath, Set<Role> roles) implements java.io.Serializable {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isEnterpriseContact() {
		return this.enterpriseId != null;
	}

	/**
	 * Whether his jurisdiction is a top-level region (a city, a province), the level that
	 * keeps what all its regions share: the national calendar, the categories.
	 */
	public boolean overseesTopRegion() {
		return this.jurisdictionPath != null && this.jurisdictionPath.length() > 2
				&& this.jurisdictionPath.indexOf('/', 1) == this.jurisdictionPath.length() - 1;
	}

	/** Whether a region (given by its path) lies in this person's jurisdiction. */
	public boolean oversees(String regionPath) {
		return this.jurisdictionPath != null && regionPath != null && regionPath.startsWith(this.jurisdictionPath);
	}

	/**
	 * Whether this person's whole jurisdiction lies in a region (given by its path): the
	 * region is his own or one above it.
	 */
	public boolean liesWithin(String regionPath) {
		return this.jurisdictionPath != null && regionPath != null && this.jurisdictionPath.startsWith(regionPath);
	}

	/**
	 * The LIKE pattern that matches the paths of every region in the jurisdiction, or
	 * null.
	 */
	public String jurisdictionPattern() {
		return this.jurisdictionPath == null ? null : this.jurisdictionPath + "%";
	}

}
