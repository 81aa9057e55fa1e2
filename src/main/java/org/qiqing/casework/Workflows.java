package org.qiqing.casework;

import static org.qiqing.casework.CaseAction.*;
import static org.qiqing.casework.CaseState.*;
import static org.qiqing.casework.Party.*;
import static org.qiqing.casework.Workflow.Field.*;

import org.qiqing.casework.Workflow.Field;

import java.util.Map;
import java.util.Set;

import org.qiqing.organisation.Role;

/**
 * The workflow tables of the kinds of case. Read a table row by row: action, from which
 * states, to which state (null: stays), by whom, what it must carry, whether the
 * enterprise sees it.
 */
final class Workflows {

	private static final boolean PUBLIC = true;

	private static final boolean INTERNAL = false;

	/**
	 * The states in which a handling unit holds a case, so supervisors urge and order it.
	 */
	private static final Set<CaseState> UNDER_SUPERVISION = Set.of(ASSIGNED, IN_PROGRESS, EXTENSION_REQUESTED,
			SUSPENSION_REQUESTED, SUSPENDED, REOPENED);

	/** The same for a leader's matter or a service visit, which are never suspended. */
	private static final Set<CaseState> LEADERS_UNDER_SUPERVISION = Set.of(ASSIGNED, IN_PROGRESS, EXTENSION_REQUESTED,
			REOPENED);

	/**
	 * 企业诉求: submit, accept, assign, handle, resolve, rate; a bad rating reopens. A
	 * resolved case always closes: the enterprise rates it, or the service centre records
	 * its answer on a return visit (回访, a bad answer reopens it as the enterprise's own
	 * would), or the platform closes it unrated (未评价) when nobody rated it in time. A
	 * supervisor may review a bad rating of a closed case (差评复核); the rating stays.
	 */
	static final Workflow ENTERPRISE_REQUEST = Workflow
		.startingAt(SUBMITTED,
				Map.of(Role.ENTERPRISE, Channel.SELF_SERVICE, Role.VISITOR, Channel.VISIT, Role.DISPATCHER,
						Channel.HOTLINE, Role.LEADER, Channel.LEADER))
		.on(ACCEPT, Set.of(SUBMITTED), ACCEPTED, Set.of(DISPATCHER), Set.of(), PUBLIC)
		.on(DECLINE, Set.of(SUBMITTED), DECLINED, Set.of(DISPATCHER), Set.of(NOTE), PUBLIC)
		.on(WITHDRAW, Set.of(SUBMITTED, ACCEPTED), WITHDRAWN, Set.of(ENTERPRISE), Set.of(), PUBLIC)
		.on(ASSIGN, Set.of(ACCEPTED), ASSIGNED, Set.of(DISPATCHER), Set.of(Field.LEAD_UNIT), PUBLIC)
		.on(CONTACT, Set.of(ASSIGNED), IN_PROGRESS, Set.of(Party.LEAD_UNIT), Set.of(NOTE), PUBLIC)
		.on(DISPUTE, Set.of(ASSIGNED), DISPUTED, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(REASSIGN, Set.of(DISPUTED), ASSIGNED, Set.of(DISPATCHER), Set.of(Field.LEAD_UNIT), PUBLIC)
		.on(REJECT_DISPUTE, Set.of(DISPUTED), ASSIGNED, Set.of(DISPATCHER), Set.of(NOTE), INTERNAL)
		.on(STAGE_REPLY, Set.of(IN_PROGRESS, REOPENED, EXTENSION_REQUESTED, SUSPENDED), null,
				Set.of(Party.LEAD_UNIT, CO_UNIT), Set.of(NOTE), PUBLIC)
		.on(REQUEST_EXTENSION, Set.of(IN_PROGRESS, REOPENED), EXTENSION_REQUESTED, Set.of(Party.LEAD_UNIT),
				Set.of(NOTE, DUE_DATE), INTERNAL)
		.on(APPROVE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(DISPATCHER), Set.of(), PUBLIC)
		.on(REFUSE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(DISPATCHER), Set.of(NOTE), INTERNAL)
		.on(REQUEST_SUSPENSION, Set.of(IN_PROGRESS, REOPENED), SUSPENSION_REQUESTED, Set.of(Party.LEAD_UNIT),
				Set.of(NOTE), INTERNAL)
		.on(APPROVE_SUSPENSION, Set.of(SUSPENSION_REQUESTED), SUSPENDED, Set.of(DISPATCHER), Set.of(), PUBLIC)
		.on(REFUSE_SUSPENSION, Set.of(SUSPENSION_REQUESTED), IN_PROGRESS, Set.of(DISPATCHER), Set.of(NOTE), INTERNAL)
		.on(RESUME, Set.of(SUSPENDED), IN_PROGRESS, Set.of(Party.LEAD_UNIT), Set.of(NOTE), PUBLIC)
		.on(RESOLVE, Set.of(IN_PROGRESS, REOPENED), RESOLVED, Set.of(Party.LEAD_UNIT), Set.of(OUTCOME, ANSWER), PUBLIC)
		.on(RATE, Set.of(RESOLVED), CLOSED, Set.of(ENTERPRISE), Set.of(RATING), PUBLIC)
		.on(REOPEN, Set.of(RESOLVED), REOPENED, Set.of(ENTERPRISE), Set.of(RATING), PUBLIC)
		.on(RETURN_VISIT, Set.of(RESOLVED), CLOSED, Set.of(DISPATCHER), Set.of(RATING, RESPONDENT), PUBLIC)
		.on(RETURN_VISIT, Set.of(RESOLVED), REOPENED, Set.of(DISPATCHER), Set.of(RATING, RESPONDENT), PUBLIC)
		.on(CLOSE_UNRATED, Set.of(RESOLVED), CLOSED, Set.of(SYSTEM), Set.of(), PUBLIC)
		.on(REVIEW_RATING, Set.of(CLOSED), null, Set.of(SUPERVISOR), Set.of(NOTE, REVIEW), PUBLIC)
		.on(URGE, UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(ORDER, UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), INTERNAL)
		.on(REPLY_ORDER, UNDER_SUPERVISION, null, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(ESCALATE, UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), PUBLIC)
		.on(CRITICISE, UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(VERIFY, Set.of(RESOLVED, CLOSED), null, Set.of(SUPERVISOR), Set.of(), INTERNAL)
		.on(SEND_BACK, Set.of(RESOLVED, CLOSED), REOPENED, Set.of(SUPERVISOR), Set.of(NOTE), PUBLIC)
		.build();

	/**
	 * 领导交办: filed and assigned in one go by a leader, with his own due date; the unit
	 * signs for it (contact), reports and resolves; the leader settles disputes and
	 * extensions and confirms the result or sends it back. Nothing of it reaches an
	 * enterprise, so nothing of it is rated: no return visit, no unrated close (the
	 * leader confirms), no review of a rating.
	 */
	static final Workflow LEADER_ASSIGNMENT = Workflow.startingAt(SUBMITTED, Map.of(Role.LEADER, Channel.LEADER))
		.on(ASSIGN, Set.of(SUBMITTED), ASSIGNED, Set.of(LEADER), Set.of(Field.LEAD_UNIT, DUE_DATE), INTERNAL)
		.on(CONTACT, Set.of(ASSIGNED), IN_PROGRESS, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(DISPUTE, Set.of(ASSIGNED), DISPUTED, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(REASSIGN, Set.of(DISPUTED), ASSIGNED, Set.of(LEADER), Set.of(Field.LEAD_UNIT), INTERNAL)
		.on(REJECT_DISPUTE, Set.of(DISPUTED), ASSIGNED, Set.of(LEADER), Set.of(NOTE), INTERNAL)
		.on(STAGE_REPLY, Set.of(IN_PROGRESS, REOPENED, EXTENSION_REQUESTED), null, Set.of(Party.LEAD_UNIT, CO_UNIT),
				Set.of(NOTE), INTERNAL)
		.on(REQUEST_EXTENSION, Set.of(IN_PROGRESS, REOPENED), EXTENSION_REQUESTED, Set.of(Party.LEAD_UNIT),
				Set.of(NOTE, DUE_DATE), INTERNAL)
		.on(APPROVE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(LEADER), Set.of(), INTERNAL)
		.on(REFUSE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(LEADER), Set.of(NOTE), INTERNAL)
		.on(RESOLVE, Set.of(IN_PROGRESS, REOPENED), RESOLVED, Set.of(Party.LEAD_UNIT), Set.of(OUTCOME, ANSWER),
				INTERNAL)
		.on(CONFIRM, Set.of(RESOLVED), CLOSED, Set.of(LEADER), Set.of(), INTERNAL)
		.on(URGE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(ORDER, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), INTERNAL)
		.on(REPLY_ORDER, LEADERS_UNDER_SUPERVISION, null, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(ESCALATE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), INTERNAL)
		.on(CRITICISE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(VERIFY, Set.of(RESOLVED, CLOSED), null, Set.of(SUPERVISOR), Set.of(), INTERNAL)
		.on(SEND_BACK, Set.of(RESOLVED), REOPENED, Set.of(LEADER, SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(SEND_BACK, Set.of(CLOSED), REOPENED, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.build();

	/**
	 * 上门服务: an enterprise asks for a service visit; the platform assigns it at once to
	 * the help office of the enterprise's region (no dispatcher accepts it); the office
	 * agrees a date with the enterprise (contact), goes, and reports what it did
	 * (resolve); the enterprise rates it. A wrong office disputes, and the dispatcher
	 * hands it on. The enterprise may withdraw until the office has called. It closes as
	 * a request does: rated, by a return visit, or unrated in time; a bad rating is
	 * reviewed.
	 */
	static final Workflow HELP_VISIT = Workflow.startingAt(SUBMITTED, Map.of(Role.ENTERPRISE, Channel.SELF_SERVICE))
		.on(ASSIGN, Set.of(SUBMITTED), ASSIGNED, Set.of(SYSTEM), Set.of(Field.LEAD_UNIT), PUBLIC)
		.on(WITHDRAW, Set.of(SUBMITTED, ASSIGNED), WITHDRAWN, Set.of(ENTERPRISE), Set.of(), PUBLIC)
		.on(CONTACT, Set.of(ASSIGNED), IN_PROGRESS, Set.of(Party.LEAD_UNIT), Set.of(NOTE), PUBLIC)
		.on(DISPUTE, Set.of(ASSIGNED), DISPUTED, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(REASSIGN, Set.of(DISPUTED), ASSIGNED, Set.of(DISPATCHER), Set.of(Field.LEAD_UNIT), PUBLIC)
		.on(REJECT_DISPUTE, Set.of(DISPUTED), ASSIGNED, Set.of(DISPATCHER), Set.of(NOTE), INTERNAL)
		.on(STAGE_REPLY, Set.of(IN_PROGRESS, REOPENED, EXTENSION_REQUESTED), null, Set.of(Party.LEAD_UNIT, CO_UNIT),
				Set.of(NOTE), PUBLIC)
		.on(REQUEST_EXTENSION, Set.of(IN_PROGRESS, REOPENED), EXTENSION_REQUESTED, Set.of(Party.LEAD_UNIT),
				Set.of(NOTE, DUE_DATE), INTERNAL)
		.on(APPROVE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(DISPATCHER), Set.of(), PUBLIC)
		.on(REFUSE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(DISPATCHER), Set.of(NOTE), INTERNAL)
		.on(RESOLVE, Set.of(IN_PROGRESS, REOPENED), RESOLVED, Set.of(Party.LEAD_UNIT), Set.of(OUTCOME, ANSWER), PUBLIC)
		.on(RATE, Set.of(RESOLVED), CLOSED, Set.of(ENTERPRISE), Set.of(RATING), PUBLIC)
		.on(REOPEN, Set.of(RESOLVED), REOPENED, Set.of(ENTERPRISE), Set.of(RATING), PUBLIC)
		.on(RETURN_VISIT, Set.of(RESOLVED), CLOSED, Set.of(DISPATCHER), Set.of(RATING, RESPONDENT), PUBLIC)
		.on(RETURN_VISIT, Set.of(RESOLVED), REOPENED, Set.of(DISPATCHER), Set.of(RATING, RESPONDENT), PUBLIC)
		.on(CLOSE_UNRATED, Set.of(RESOLVED), CLOSED, Set.of(SYSTEM), Set.of(), PUBLIC)
		.on(REVIEW_RATING, Set.of(CLOSED), null, Set.of(SUPERVISOR), Set.of(NOTE, REVIEW), PUBLIC)
		.on(URGE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(ORDER, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), INTERNAL)
		.on(REPLY_ORDER, LEADERS_UNDER_SUPERVISION, null, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(ESCALATE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), PUBLIC)
		.on(CRITICISE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(VERIFY, Set.of(RESOLVED, CLOSED), null, Set.of(SUPERVISOR), Set.of(), INTERNAL)
		.on(SEND_BACK, Set.of(RESOLVED, CLOSED), REOPENED, Set.of(SUPERVISOR), Set.of(NOTE), PUBLIC)
		.build();

	/**
	 * 整改: filed by an inspector from an issued finding, or by a unit from a problem it
	 * found in itself (查摆), and assigned at once by the platform to the unit with the
	 * plan's last date; the unit signs for it with its plan, reports its progress, asks
	 * for more time, and reports it done with its evidence; an inspector of the
	 * jurisdiction (the group's verification) closes it (销号) or sends it back, and may
	 * reopen a closed item when the group looks again (回头看). Nothing of it reaches an
	 * enterprise. The members of the group that found the problem (Party.VERIFYING_GROUP)
	 * close it and send it back as an inspector of the jurisdiction does.
	 */
	static final Workflow RECTIFICATION = Workflow
		.startingAt(SUBMITTED, Map.of(Role.INSPECTOR, Channel.INSPECTION, Role.HANDLER, Channel.INSPECTION))
		.on(ASSIGN, Set.of(SUBMITTED), ASSIGNED, Set.of(SYSTEM), Set.of(Field.LEAD_UNIT, DUE_DATE), INTERNAL)
		.on(CONTACT, Set.of(ASSIGNED), IN_PROGRESS, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(STAGE_REPLY, Set.of(IN_PROGRESS, REOPENED, EXTENSION_REQUESTED), null, Set.of(Party.LEAD_UNIT, CO_UNIT),
				Set.of(NOTE), INTERNAL)
		.on(REQUEST_EXTENSION, Set.of(IN_PROGRESS, REOPENED), EXTENSION_REQUESTED, Set.of(Party.LEAD_UNIT),
				Set.of(NOTE, DUE_DATE), INTERNAL)
		.on(APPROVE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(Party.INSPECTOR), Set.of(), INTERNAL)
		.on(REFUSE_EXTENSION, Set.of(EXTENSION_REQUESTED), IN_PROGRESS, Set.of(Party.INSPECTOR), Set.of(NOTE), INTERNAL)
		.on(RESOLVE, Set.of(IN_PROGRESS, REOPENED), RESOLVED, Set.of(Party.LEAD_UNIT),
				Set.of(OUTCOME, ANSWER, EVIDENCE), INTERNAL)
		.on(CONFIRM, Set.of(RESOLVED), CLOSED, Set.of(Party.INSPECTOR, Party.VERIFYING_GROUP), Set.of(NOTE), INTERNAL)
		.on(SEND_BACK, Set.of(RESOLVED, CLOSED), REOPENED, Set.of(Party.INSPECTOR, Party.VERIFYING_GROUP, SUPERVISOR),
				Set.of(NOTE), INTERNAL)
		.on(URGE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, Party.INSPECTOR), Set.of(NOTE), INTERNAL)
		.on(CRITICISE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR), Set.of(NOTE), INTERNAL)
		.on(ORDER, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, Party.INSPECTOR, SYSTEM), Set.of(NOTE), INTERNAL)
		.on(REPLY_ORDER, LEADERS_UNDER_SUPERVISION, null, Set.of(Party.LEAD_UNIT), Set.of(NOTE), INTERNAL)
		.on(ESCALATE, LEADERS_UNDER_SUPERVISION, null, Set.of(SUPERVISOR, SYSTEM), Set.of(NOTE), INTERNAL)
		.on(VERIFY, Set.of(RESOLVED, CLOSED), null, Set.of(SUPERVISOR, Party.INSPECTOR), Set.of(), INTERNAL)
		.build();

	private Workflows() {
	}

}
