package org.qiqing.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects what is wrong with the fields of an input, to refuse it at once with every
 * reason ({@link InvalidInput}) rather than one at a time.
 */
public final class FieldErrors {

	/** Each field's reason: a {@link Text}, or an older caller's plain String. */
	private final Map<String, Object> errors = new LinkedHashMap<>();

	/** Notes that a text is blank or longer than allowed. */
	public FieldErrors required(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return reject(field, field + " is required");
		}
		return maxLength(field, value, maxLength);
	}

	/** Notes that a value is missing. */
	public FieldErrors required(String field, Object value) {
		return value == null ? reject(field, field + " is required") : this;
	}

	/** Notes that an optional text is longer than allowed. */
	public FieldErrors maxLength(String field, String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			return reject(field, field + " has more than " + maxLength + " characters");
		}
		return this;
	}

	/** Notes a reason for a field, unless one was noted already. */
	public FieldErrors reject(String field, Text reason) {
		this.errors.putIfAbsent(field, reason);
		return this;
	}

	/**
	 * Notes a plain reason for a field, unless one was noted already.
	 * @deprecated a person reads this reason: say it with a {@link Text}
	 */
	@Deprecated
	public FieldErrors reject(String field, String reason) {
		this.errors.putIfAbsent(field, reason);
		return this;
	}

	/**
	 * @throws InvalidInput when any reason was noted
	 */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInput(this.errors);
		}
	}

}
