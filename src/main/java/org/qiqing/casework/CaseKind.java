package org.qiqing.casework;

/**
 * What a case is. Each kind declares its own workflow; the engine does not change for a
 * new one.
 */
public enum CaseKind {

	/** 企业诉求: a difficulty an enterprise brings to the government. */
	ENTERPRISE_REQUEST(Workflows.ENTERPRISE_REQUEST, true),
	/**
	 * 领导交办: a matter a leader assigns to a unit himself, with his own due date and
	 * priority; he accepts the result or sends it back.
	 */
	LEADER_ASSIGNMENT(Workflows.LEADER_ASSIGNMENT, false),
	/**
	 * 上门服务: an enterprise asks the help office (帮企办) of its region to come; the platform
	 * assigns it to that office as it is filed.
	 */
	HELP_VISIT(Workflows.HELP_VISIT, true),
	/**
	 * 整改: a problem found by a supervision group (or by a unit in itself, 查摆) that the
	 * unit rectifies by a plan; the group verifies and closes it (销号) and may reopen it
	 * when it looks again (回头看). Filed through {@link CaseManagement#fileRectification}.
	 */
	RECTIFICATION(Workflows.RECTIFICATION, false);

	private final Workflow workflow;

	private final boolean servesEnterprise;

	CaseKind(Workflow workflow, boolean servesEnterprise) {
		this.workflow = workflow;
		this.servesEnterprise = servesEnterprise;
	}

	public Workflow workflow() {
		return this.workflow;
	}

	/**
	 * Whether the case is an enterprise's own: it must name the enterprise, whose
	 * contacts follow and rate it, and its category's limits bind the due date. A
	 * leader's matter may concern an enterprise, which does not see it.
	 */
	public boolean servesEnterprise() {
		return this.servesEnterprise;
	}

}
