package org.qiqing.platform;

/**
 * Thrown when a step is not allowed in the current state or for the current user (409).
 */
public class NotAllowed extends RuntimeException {

	public NotAllowed(String message) {
		super(message);
	}

}
