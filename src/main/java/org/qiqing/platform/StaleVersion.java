package org.qiqing.platform;

/**
 * Thrown when an update names a version that is no longer the current one (412).
 */
public class StaleVersion extends RuntimeException {

	public StaleVersion(int expected, int actual) {
		super("version " + expected + " is stale; the current version is " + actual);
	}

	public StaleVersion() {
		super("the record was changed by someone else; reload it and try again");
	}

}
