package org.qiqing.casework.web;

import org.qiqing.enterprise.Enterprise;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;

/**
 * The enterprise's contact on a case page, as the viewer may see him: the officials whose
 * work is to reach people get his number in full and a tap-to-call link; the others
 * (supervisors, leaders, inspectors) a masked number and no link; the enterprise's own
 * people nothing (it is their own number).
 *
 * @param callable whether the page offers a {@code tel:} link with the full number
 */
public record CaseContact(String name, String phone, boolean callable) {

	/** The contact to show, or null when there is none to show. */
	static CaseContact of(Enterprise enterprise, Actor viewer) {
		if (enterprise == null || viewer.isEnterpriseContact() || enterprise.getContactPhone() == null
				|| enterprise.getContactPhone().isBlank()) {
			return null;
		}
		boolean callable = PersonalData.seenInFullBy(viewer);
		return new CaseContact(enterprise.getContactName(),
				callable ? enterprise.getContactPhone() : PersonalData.maskPhone(enterprise.getContactPhone()),
				callable);
	}

	/** The number as a {@code tel:} link takes it: digits and a leading plus only. */
	public String dial() {
		return this.callable ? this.phone.replaceAll("[^0-9+]", "") : "";
	}

}
