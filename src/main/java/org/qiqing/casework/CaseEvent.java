package org.qiqing.casework;

import java.time.Instant;
import java.util.List;

/**
 * One step in a case's history. Events are only ever appended; each carries the hash of
 * its content and of its predecessor, so any later change to a stored event breaks the
 * chain.
 *
 * @param facts the facts of the case row the step changed ({@link CaseFacts#changes})
 * @param note the note as it was written (the platform's own words in Chinese)
 * @param noteText the platform's own words as a {@code platform.Text} in JSON (a timer's
 * automatic order or escalation), put into words in each reader's language; null for a
 * person's own words and for events written before V46
 * @param hashVersion the rule the hash was made with: 1, the first, covered neither the
 * visibility nor the facts nor the attachments' names; 2 covers every field; 3 is 2 with
 * the note's text, for the events that have one
 */
public record CaseEvent(int seq, CaseAction action, long actorId, Long actorUnitId, Instant at, CaseState fromState,
		CaseState toState, String note, String noteText, boolean visibleToEnterprise, String facts, int hashVersion,
		String prevHash, String hash) {

	/** The rule new events are sealed with. */
	static final int HASH_VERSION = 2;

	/** The rule new events that carry the note's text are sealed with. */
	static final int HASH_VERSION_WITH_NOTE_TEXT = 3;

	/** The rule this event is sealed with: version 3 when it has a note's text. */
	static int versionFor(String noteText) {
		return noteText == null ? HASH_VERSION : HASH_VERSION_WITH_NOTE_TEXT;
	}

	/** What an attachment contributes to its event's hash (version 2). */
	record Sealed(String filename, String contentType, long sizeBytes, String sha256) {
	}

	/**
	 * The hash of a version 1 event: SHA-256 over its predecessor's hash and part of its
	 * content, joined by line breaks. Kept to verify the events sealed with it.
	 */
	static String hashOf(String prevHash, String caseNumber, int seq, CaseAction action, long actorId, Long actorUnitId,
			Instant at, CaseState from, CaseState to, String note, List<String> attachmentHashes) {
		String content = String.join("\n", prevHash, caseNumber, Integer.toString(seq), action.name(),
				Long.toString(actorId), actorUnitId == null ? "" : actorUnitId.toString(),
				Long.toString(at.toEpochMilli()), from == null ? "" : from.name(), to.name(), note == null ? "" : note,
				String.join(",", attachmentHashes));
		return HashChain.sha256(content);
	}

	/**
	 * The hash of a version 2 event: SHA-256 over every field, each written with its
	 * length (so no field can borrow from the next), its predecessor's hash, the facts it
	 * changed and the name, type, size and SHA-256 of each attachment.
	 */
	static String sealOf(String prevHash, String caseNumber, int seq, CaseAction action, long actorId, Long actorUnitId,
			Instant at, CaseState from, CaseState to, String note, boolean visibleToEnterprise, String facts,
			List<Sealed> attachments) {
		return sealOf(prevHash, caseNumber, seq, action, actorId, actorUnitId, at, from, to, note, null,
				visibleToEnterprise, facts, attachments);
	}

	/**
	 * The hash of a version 2 event when {@code noteText} is null; of a version 3 event
	 * otherwise: the same fields, marked {@code qiqing-event-3}, with the note's text
	 * (its key and arguments as stored) right after the note.
	 */
	static String sealOf(String prevHash, String caseNumber, int seq, CaseAction action, long actorId, Long actorUnitId,
			Instant at, CaseState from, CaseState to, String note, String noteText, boolean visibleToEnterprise,
			String facts, List<Sealed> attachments) {
		StringBuilder content = new StringBuilder(noteText == null ? "qiqing-event-2\n" : "qiqing-event-3\n");
		field(content, prevHash);
		field(content, caseNumber);
		field(content, Integer.toString(seq));
		field(content, action.name());
		field(content, Long.toString(actorId));
		field(content, actorUnitId == null ? null : actorUnitId.toString());
		field(content, Long.toString(at.toEpochMilli()));
		field(content, from == null ? null : from.name());
		field(content, to.name());
		field(content, note);
		if (noteText != null) {
			field(content, noteText);
		}
		field(content, Boolean.toString(visibleToEnterprise));
		field(content, facts);
		field(content, Integer.toString(attachments.size()));
		for (Sealed file : attachments) {
			field(content, file.filename());
			field(content, file.contentType());
			field(content, Long.toString(file.sizeBytes()));
			field(content, file.sha256());
		}
		return HashChain.sha256(content.toString());
	}

	private static void field(StringBuilder content, String value) {
		if (value == null) {
			content.append("-\n");
		}
		else {
			content.append(value.length()).append(':').append(value).append('\n');
		}
	}

}
