package org.qiqing.casework;

/**
 * What a case is. Each kind declares its own workflow; the engine does not change for a
 * new one.
 */
public enum CaseKind {

	/** 企业诉求: a difficulty an enterprise brings to the government. */
	ENTERPRISE_REQUEST(Workflows.ENTERPRISE_REQUEST);

	private final Workflow workflow;

	CaseKind(Workflow workflow) {
		this.workflow = workflow;
	}

	public Workflow workflow() {
		return this.workflow;
	}

}
