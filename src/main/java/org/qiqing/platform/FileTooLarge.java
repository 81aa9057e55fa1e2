package org.qiqing.platform;

/**
 * Thrown when an uploaded file is, or unpacks to, more than the platform reads (413),
 * with the message under the name of its field. It is an {@link InvalidInput}, so that a
 * page that shows a refused input shows this one too.
 */
public class FileTooLarge extends InvalidInput {

	public FileTooLarge(String field, Text message) {
		super(field, message);
	}

	/**
	 * @deprecated a person reads this message: say it with a {@link Text}
	 */
	@Deprecated
	public FileTooLarge(String field, String message) {
		super(field, message);
	}

}
