package org.qiqing.organisation.web;

import java.util.List;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitDetails;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.UnitManagement;
import org.qiqing.organisation.Units;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.TabularFile;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports units from a table with the columns {@code code, name, kind, region_code} and
 * optionally {@code superior_code}; a unit whose code is known is updated. A superior
 * must be known already, or come in an earlier row.
 */
@Component
class UnitImport {

	static final List<String> REQUIRED = List.of("code", "name", "kind", "region_code");

	static final List<String> OPTIONAL = List.of("superior_code");

	private final UnitManagement management;

	private final Units units;

	UnitImport(UnitManagement management, Units units) {
		this.management = management;
		this.units = units;
	}

	ImportReport run(MultipartFile file, Actor actor) {
		return ImportReport.run(file, REQUIRED, OPTIONAL, row -> this.management.createOrUpdate(details(row), actor));
	}

	private UnitDetails details(TabularFile.Row row) {
		String superior = row.text("superior_code");
		Long superiorId = superior == null ? null : this.units.findByCode(superior)
			.map(Unit::getId)
			.orElseThrow(() -> new InvalidInput("superior_code", Text.of("error.unit.unknownSuperior", superior)));
		return new UnitDetails(row.required("code"), row.required("name"), row.choice("kind", UnitKind.class),
				row.required("region_code"), superiorId);
	}

}
