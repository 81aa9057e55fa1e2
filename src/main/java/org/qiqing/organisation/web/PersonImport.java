package org.qiqing.organisation.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonDetails;
import org.qiqing.organisation.PersonManagement;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.TabularFile;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports officials from a table with the columns
 * {@code username, display_name, unit_code, roles} and optionally
 * {@code password, jurisdiction_code, phone, email, enabled}; a person whose username is
 * known is updated, and keeps his password when the cell is blank.
 */
@Component
class PersonImport {

	static final List<String> REQUIRED = List.of("username", "display_name", "unit_code", "roles");

	static final List<String> OPTIONAL = List.of("password", "jurisdiction_code", "phone", "email", "enabled");

	private static final Set<String> YES = Set.of("true", "yes", "y", "1", "是");

	private static final Set<String> NO = Set.of("false", "no", "n", "0", "否");

	private final PersonManagement management;

	private final Units units;

	PersonImport(PersonManagement management, Units units) {
		this.management = management;
		this.units = units;
	}

	ImportReport run(MultipartFile file, Actor actor) {
		return ImportReport.run(file, REQUIRED, OPTIONAL, row -> this.management.createOrUpdate(details(row), actor));
	}

	private PersonDetails details(TabularFile.Row row) {
		String unitCode = row.required("unit_code");
		long unitId = this.units.findByCode(unitCode)
			.map(Unit::getId)
			.orElseThrow(() -> new InvalidInput("unit_code", Text.of("error.unit.unknownCode", unitCode)));
		return new PersonDetails(row.required("username"), row.required("display_name"), row.text("password"), unitId,
				row.text("jurisdiction_code"), roles(row), row.text("phone"), row.text("email"), enabled(row));
	}

	private static Set<Role> roles(TabularFile.Row row) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : row.list("roles")) {
			try {
				roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("roles", Text.of("error.person.unknownRole", name));
			}
		}
		return roles;
	}

	private static Boolean enabled(TabularFile.Row row) {
		String value = row.text("enabled");
		if (value == null) {
			return null;
		}
		String answer = value.toLowerCase(Locale.ROOT);
		if (YES.contains(answer) || NO.contains(answer)) {
			return YES.contains(answer);
		}
		throw new InvalidInput("enabled", Text.of("error.import.boolean", "enabled", value));
	}

}
