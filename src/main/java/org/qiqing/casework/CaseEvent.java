package org.qiqing.casework;

import java.time.Instant;
import java.util.List;

/**
 * One step in a case's history. Events are only ever appended; each carries the hash of
 * its content and of its predecessor, so any later change to a stored event breaks the
 * chain.
 *
 * @param facts the facts of the case row the step changed ({@link CaseFacts#changes})
 * @param hashVersion the rule the hash was made with: 1, the first, covered neither the
 * visibility nor the facts nor the attachments' names; 2 covers every field
 */
public record CaseEvent(int seq, CaseAction action, long actorId, Long actorUnitId, Instant at, CaseState fromState,
		CaseState toState, String note, boolean visibleToEnterprise, String facts, int hashVersion, String prevHash,
		String hash) {

	/** The rule new events are sealed with. */
	static final int HASH_VERSION = 2;

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
		StringBuilder content = new StringBuilder("qiqing-event-2\n");
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
