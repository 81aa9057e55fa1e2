package org.qiqing.campaign;

import java.util.Map;

import org.qiqing.platform.Text;

/** The check of a text field both the campaigns and the meetings make. */
final class FieldChecks {

	private FieldChecks() {
	}

	/**
	 * Puts an error for the field when it is blank and required, or longer than it may
	 * be.
	 */
	static void text(Map<String, Text> errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, Text.of("error.field.required", field));
			}
		}
		else if (value.length() > max) {
			errors.put(field, Text.of("error.field.tooLong", field, max));
		}
	}

}
