package org.qiqing.enterprise;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an administrator or dispatcher says about an enterprise when he registers or
 * changes it.
 *
 * @param creditCode the Unified Social Credit Code, the lasting key (imports match on
 * it); lower case is accepted; it cannot change
 */
public record EnterpriseDetails(String creditCode, String name, String regionCode, String industry, String address,
		EnterpriseScale scale, String contactName, String contactPhone, String contactEmail, Set<String> tags) {

	public EnterpriseDetails {
		tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
	}

}
