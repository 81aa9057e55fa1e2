package org.qiqing.platform;

/**
 * Thrown when a record does not exist or is outside what the current user may see; both
 * answer 404 so that a foreign id reveals nothing. Its {@link Text} says what was not
 * found, in the reader's language.
 */
public class NotFound extends RuntimeException {

	private final Text text;

	public NotFound(Text text) {
		super(text.code());
		this.text = text;
	}

	/**
	 * @deprecated a person reads this message: say it with a {@link Text}
	 */
	@Deprecated
	public NotFound(String what, Object id) {
		super(what + " " + id + " not found");
		this.text = null;
	}

	/**
	 * What was not found, to be put into words for the reader; null for an old plain one.
	 */
	public Text text() {
		return this.text;
	}

	/** What was not found, in the language of the current request. */
	@Override
	public String getMessage() {
		return this.text == null ? super.getMessage() : this.text.resolve();
	}

}
