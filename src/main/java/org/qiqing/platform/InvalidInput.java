package org.qiqing.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Thrown when input is well-formed but makes no sense (400), with a reason per field,
 * each a {@link Text} put into words in the reader's language.
 */
public class InvalidInput extends RuntimeException {

	/** Each field's reason: a {@link Text}, or the plain String of an older caller. */
	private final Map<String, Object> reasons;

	public InvalidInput(String field, Text reason) {
		this(Map.of(field, reason));
	}

	/**
	 * @deprecated a person reads this message: say it with a {@link Text}
	 */
	@Deprecated
	public InvalidInput(String field, String message) {
		this(Map.of(field, message));
	}

	/**
	 * @param errors each field's reason, a {@link Text} (or, from older callers, a plain
	 * String, which a person reads untranslated)
	 */
	public InvalidInput(Map<String, ?> errors) {
		super(String.join("; ", errors.values().stream().map(String::valueOf).toList()));
		this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** Each field's reason, in the language of the current request. */
	public Map<String, String> errors() {
		return errors(Text::resolve);
	}

	/** Each field's reason, put into words by the given means (a language, bundles). */
	public Map<String, String> errors(Function<Text, String> words) {
		Map<String, String> errors = new LinkedHashMap<>();
		this.reasons.forEach((field, reason) -> errors.put(field,
				reason instanceof Text text ? words.apply(text) : String.valueOf(reason)));
		return errors;
	}

	/** The reasons, in the language of the current request, one after another. */
	@Override
	public String getMessage() {
		return String.join("; ", errors().values());
	}

}
