package org.qiqing.enterprise.web;

import java.util.LinkedHashSet;
import java.util.List;

import org.qiqing.enterprise.EnterpriseDetails;
import org.qiqing.enterprise.EnterpriseManagement;
import org.qiqing.enterprise.EnterpriseScale;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.TabularFile;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports enterprises from a table with the columns
 * {@code credit_code, name, region_code} and optionally
 * {@code industry, address, scale, contact_name, contact_phone,
 * contact_email, tags}; an enterprise whose credit code is known is updated.
 */
@Component
class EnterpriseImport {

	static final List<String> REQUIRED = List.of("credit_code", "name", "region_code");

	static final List<String> OPTIONAL = List.of("industry", "address", "scale", "contact_name", "contact_phone",
			"contact_email", "tags");

	private final EnterpriseManagement management;

	EnterpriseImport(EnterpriseManagement management) {
		this.management = management;
	}

	ImportReport run(MultipartFile file, Actor actor) {
		return ImportReport.run(file, REQUIRED, OPTIONAL, row -> this.management.registerOrUpdate(details(row), actor));
	}

	private static EnterpriseDetails details(TabularFile.Row row) {
		return new EnterpriseDetails(row.required("credit_code"), row.required("name"), row.required("region_code"),
				row.text("industry"), row.text("address"), row.choice("scale", EnterpriseScale.class),
				row.text("contact_name"), row.text("contact_phone"), row.text("contact_email"),
				new LinkedHashSet<>(row.list("tags")));
	}

}
