package org.qiqing.platform;

/**
 * Thrown when a record does not exist or is outside what the current user may see; both
 * answer 404 so that a foreign id reveals nothing.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
