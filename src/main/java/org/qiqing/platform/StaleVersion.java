package org.qiqing.platform;

/**
 * Thrown when an update names a version that is no longer the current one (412).
 */
public class StaleVersion extends RuntimeException {

	private final Text text;

	public StaleVersion(int expected, int actual) {
		this(Text.of("error.stale.version", expected, actual));
	}

	public StaleVersion() {
		this(Text.of("error.stale.changed"));
	}

	private StaleVersion(Text text) {
		super(text.code());
		this.text = text;
	}

	/** Why, in the language of the current request. */
	@Override
	public String getMessage() {
		return this.text.resolve();
	}

}
