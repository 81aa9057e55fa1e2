package org.qiqing.casework;

/**
 * Something in the database the history does not account for: which case (by number),
 * which event, what kind of difference, and for a value what the history gives and what
 * was found. Shown to a person through the message {@code history.finding.<kind>}.
 *
 * @param seq the event concerned, or {@code null} when the case as a whole is
 */
public record HistoryFinding(String caseNumber, Integer seq, Kind kind, String field, String expected, String found) {

	public enum Kind {

		/** An event of the chain is not there. */
		EVENT_MISSING,
		/** An event's link to its predecessor is not its predecessor's hash. */
		LINK,
		/** An event's fields do not give its hash. */
		CONTENT,
		/** An attachment's bytes do not give its recorded SHA-256 or size. */
		ATTACHMENT,
		/** An event starts from another state than its predecessor ended in. */
		STATE_FLOW,
		/** The case's head (last hash, event count) is not the end of its chain. */
		HEAD,
		/** A fact of the case row is not what its events give. */
		FACT,
		/** A case number was issued and no case carries it. */
		CASE_MISSING,
		/** Events whose case row is gone. */
		CASE_ROW_MISSING,
		/** The latest checkpoint's signature does not verify. */
		CHECKPOINT_SIGNATURE,
		/**
		 * The events sealed before the latest checkpoint are not as many as it counted.
		 */
		CHECKPOINT_SIZE,
		/** The events sealed before the latest checkpoint do not give its root. */
		CHECKPOINT_ROOT

	}

	/** The key of the message that tells it. */
	public String messageKey() {
		return "history.finding." + this.kind.name();
	}

	/** The message's arguments: number, event, field, expected, found. */
	public Object[] messageArguments() {
		return new Object[] { this.caseNumber, this.seq == null ? "" : this.seq.toString(), this.field, this.expected,
				this.found };
	}

}
