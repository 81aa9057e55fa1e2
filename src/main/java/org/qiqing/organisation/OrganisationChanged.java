package org.qiqing.organisation;

/**
 * A region, unit or person created or changed by an administrator (by hand or by an
 * import), published in the transaction of the change for the audit log.
 *
 * @param kind {@code region}, {@code unit} or {@code person}
 * @param id the region's code, the unit's or the person's id
 * @param change what happened, in a few words (no secrets: never a password)
 */
public record OrganisationChanged(Actor actor, String kind, String id, String change) {

	static OrganisationChanged created(Actor actor, String kind, Object id) {
		return new OrganisationChanged(actor, kind, String.valueOf(id), "created");
	}

	static OrganisationChanged of(Actor actor, String kind, Object id, String change) {
		return new OrganisationChanged(actor, kind, String.valueOf(id), change);
	}

	static OrganisationChanged changed(Actor actor, String kind, Object id) {
		return new OrganisationChanged(actor, kind, String.valueOf(id), "changed");
	}

}
