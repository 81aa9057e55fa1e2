package org.qiqing.platform;

/**
 * Thrown when a step is not allowed in the current state or for the current user (409).
 * Its {@link Text} says why, in the reader's language.
 */
public class NotAllowed extends RuntimeException {

	private final Text text;

	public NotAllowed(Text text) {
		super(text.code());
		this.text = text;
	}

	/**
	 * @deprecated a person reads this message: say it with a {@link Text}
	 */
	@Deprecated
	public NotAllowed(String message) {
		super(message);
		this.text = null;
	}

	/** Why, to be put into words for the reader; null for an old plain message. */
	public Text text() {
		return this.text;
	}

	/** Why, in the language of the current request. */
	@Override
	public String getMessage() {
		return this.text == null ? super.getMessage() : this.text.resolve();
	}

}
