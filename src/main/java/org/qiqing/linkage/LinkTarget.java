package org.qiqing.linkage;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

/**
 * What a link ties its holder to.
 */
public enum LinkTarget {

	/** One enterprise, by its credit code. */
	ENTERPRISE,
	/** A town or a village (联镇包村). */
	REGION,
	/** A named project, in a region. */
	PROJECT;

	static LinkTarget parse(String text) {
		String value = text == null || text.isBlank() ? ENTERPRISE.name() : text.strip();
		return Arrays.stream(values())
			.filter(target -> target.name().equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("targetKind", Text.of("error.field.oneOf", "targetKind", text,
					Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")))));
	}

}
