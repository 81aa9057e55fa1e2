package org.qiqing.casework;

import java.util.EnumSet;
import java.util.Set;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

/**
 * The part a person plays on one case. A workflow names parties, not just roles: a
 * handler may act on a case only when his unit is the one it is assigned to.
 */
public enum Party {

	/** a dispatcher whose jurisdiction holds the case */
	DISPATCHER,
	/** staff of the lead handling unit */
	LEAD_UNIT,
	/** staff of a co-handling unit */
	CO_UNIT,
	/** a contact of the enterprise the case is about */
	ENTERPRISE,
	/** a supervisor whose jurisdiction holds the case */
	SUPERVISOR,
	/** a leader whose jurisdiction holds the case: who assigns his own matters */
	LEADER,
	/**
	 * an inspector (纪检监察) whose jurisdiction holds the case: who verifies and closes a
	 * rectification item
	 */
	INSPECTOR,
	/**
	 * a member of the supervision group that found a rectification item's problem: who
	 * verifies and closes it (销号) or sends it back, as the jurisdiction's inspectors do
	 */
	VERIFYING_GROUP,
	/** the platform itself, acting on its timers */
	SYSTEM;

	/** The login of the platform's own person (V9), which nobody can log in as. */
	static final String SYSTEM_USERNAME = "system";

	/** The parties an actor plays on a case he can see. */
	static Set<Party> of(Actor actor, Case kase) {
		Set<Party> parties = EnumSet.noneOf(Party.class);
		if (actor.has(Role.DISPATCHER) && actor.oversees(kase.getRegionPath())) {
			parties.add(DISPATCHER);
		}
		if (actor.has(Role.HANDLER) && actor.unitId() != null) {
			if (actor.unitId().equals(kase.getLeadUnitId())) {
				parties.add(LEAD_UNIT);
			}
			if (kase.getCoUnitIds().contains(actor.unitId())) {
				parties.add(CO_UNIT);
			}
		}
		if (actor.has(Role.SUPERVISOR) && actor.oversees(kase.getRegionPath())) {
			parties.add(SUPERVISOR);
		}
		if (actor.has(Role.LEADER) && actor.oversees(kase.getRegionPath())) {
			parties.add(LEADER);
		}
		if (actor.has(Role.INSPECTOR) && actor.oversees(kase.getRegionPath())) {
			parties.add(INSPECTOR);
		}
		if (kase.getVerifierIds().contains(actor.personId())) {
			parties.add(VERIFYING_GROUP);
		}
		if (SYSTEM_USERNAME.equals(actor.username())) {
			parties.add(SYSTEM);
		}
		if (actor.has(Role.ENTERPRISE) && actor.enterpriseId() != null && kase.getKind().servesEnterprise()
				&& actor.enterpriseId().equals(kase.getEnterpriseId())) {
			parties.add(ENTERPRISE);
		}
		return parties;
	}

}
