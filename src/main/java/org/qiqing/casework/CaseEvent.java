package org.qiqing.casework;

import java.time.Instant;
import java.util.List;

/**
 * One step in a case's history. Events are only ever appended; each carries the hash of
 * its content and of its predecessor, so any later change to a stored event breaks the
 * chain.
 */
public record CaseEvent(int seq, CaseAction action, long actorId, Long actorUnitId, Instant at, CaseState fromState,
		CaseState toState, String note, boolean visibleToEnterprise, String prevHash, String hash) {

	/** The hash of an event: SHA-256 over its predecessor's hash and its content. */
	static String hashOf(String prevHash, String caseNumber, int seq, CaseAction action, long actorId, Long actorUnitId,
			Instant at, CaseState from, CaseState to, String note, List<String> attachmentHashes) {
		String content = String.join("\n", prevHash, caseNumber, Integer.toString(seq), action.name(),
				Long.toString(actorId), actorUnitId == null ? "" : actorUnitId.toString(),
				Long.toString(at.toEpochMilli()), from == null ? "" : from.name(), to.name(), note == null ? "" : note,
				String.join(",", attachmentHashes));
		return HashChain.sha256(content);
	}

}
