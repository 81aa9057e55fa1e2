package org.qiqing.platform;

import java.util.Map;

/**
 * Thrown when input is well-formed but makes no sense (400), with a message per field.
 */
public class InvalidInput extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidInput(String field, String message) {
		this(Map.of(field, message));
	}

	public InvalidInput(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
