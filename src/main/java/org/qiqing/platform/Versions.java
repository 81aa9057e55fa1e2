package org.qiqing.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Entity versions as HTTP entity tags: every GET answers {@code ETag: "7"}, every update
 * must send {@code If-Match: "7"}.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * Reads the version from an If-Match header; a missing one is refused with 428 so
	 * that no client can overwrite a change it has not seen.
	 */
	public static int fromIfMatch(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
					"send If-Match with the ETag of the version you have read");
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
					"If-Match is not a version of this record");
		}
	}

}
