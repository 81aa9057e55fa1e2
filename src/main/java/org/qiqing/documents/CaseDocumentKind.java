package org.qiqing.documents;

import java.util.Optional;

import org.qiqing.casework.CaseAction;

/** The documents a supervision step issues, one per step. */
public enum CaseDocumentKind {

	/** 督办单: a supervision order. */
	SUPERVISION_ORDER(CaseAction.ORDER),
	/** 催办通知书: an urging. */
	URGING_NOTICE(CaseAction.URGE),
	/** 书面通报: a written criticism. */
	WRITTEN_CRITICISM(CaseAction.CRITICISE);

	private final CaseAction action;

	CaseDocumentKind(CaseAction action) {
		this.action = action;
	}

	public CaseAction action() {
		return this.action;
	}

	/** The document a step of this action issues, if it issues one. */
	public static Optional<CaseDocumentKind> of(CaseAction action) {
		for (CaseDocumentKind kind : values()) {
			if (kind.action == action) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
