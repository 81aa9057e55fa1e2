package org.qiqing.enterprise.web;

import java.util.Set;

import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseScale;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;

/**
 * An enterprise as the API shows it to a viewer: its contact's phone and e-mail masked
 * for those who do not need them ({@link PersonalData}).
 */
record EnterpriseView(long id, String creditCode, String name, String regionCode, String industry, String address,
		EnterpriseScale scale, String contactName, String contactPhone, String contactEmail, Set<String> tags,
		int version) {

	static EnterpriseView of(Enterprise enterprise, Actor viewer) {
		return new EnterpriseView(enterprise.getId(), enterprise.getCreditCode(), enterprise.getName(),
				enterprise.getRegionCode(), enterprise.getIndustry(), enterprise.getAddress(), enterprise.getScale(),
				enterprise.getContactName(), PersonalData.phone(enterprise.getContactPhone(), viewer),
				PersonalData.email(enterprise.getContactEmail(), viewer), enterprise.getTags(),
				enterprise.getVersion());
	}

}
