package org.qiqing.enterprise.web;

import java.util.Set;

import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseScale;

/**
 * An enterprise as the API shows it.
 */
record EnterpriseView(long id, String creditCode, String name, String regionCode, String industry, String address,
		EnterpriseScale scale, String contactName, String contactPhone, String contactEmail, Set<String> tags,
		int version) {

	static EnterpriseView of(Enterprise enterprise) {
		return new EnterpriseView(enterprise.getId(), enterprise.getCreditCode(), enterprise.getName(),
				enterprise.getRegionCode(), enterprise.getIndustry(), enterprise.getAddress(), enterprise.getScale(),
				enterprise.getContactName(), enterprise.getContactPhone(), enterprise.getContactEmail(),
				enterprise.getTags(), enterprise.getVersion());
	}

}
