package org.qiqing.campaign;

import org.qiqing.casework.CaseScope;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Who sees which record of this module, as SQL conditions built on the one jurisdiction
 * rule ({@link CaseScope#figures}): an inspector or a leader (the overseers) sees the
 * campaigns and meetings of his jurisdiction and the checklists of its units; a unit
 * taking part sees its own checklist (and the campaign it belongs to), nothing of another
 * unit and no meeting; an enterprise contact nothing. Inspectors manage; leaders read and
 * assign the meetings' decisions.
 */
@Component
public class CampaignScope {

	/** The units' checklists one sees, on {@code campaign_unit cu}. */
	static final String UNITS = "((:scopeOverseer = 1 and " + CaseScope.figures("cu.region_path", "cu.unit_id")
			+ ") or cu.unit_id = :scopeUnit)";

	/** The campaigns one manages (edits its key actions), on {@code campaign k}. */
	static final String MANAGED = "(:scopeInspector = 1 and "
			+ CaseScope.figures("k.region_path", "k.organiser_unit_id") + ")";

	/**
	 * The campaigns one sees, on {@code campaign k}: his jurisdiction's, and those with a
	 * unit whose checklist he sees.
	 */
	static final String CAMPAIGNS = "((:scopeOverseer = 1 and "
			+ CaseScope.figures("k.region_path", "k.organiser_unit_id")
			+ ") or exists (select 1 from campaign_unit cu where cu.campaign_id = k.id and " + UNITS + "))";

	/** The meetings one sees, on {@code meeting m}: overseers of its jurisdiction. */
	static final String MEETINGS = "(:scopeOverseer = 1 and "
			+ CaseScope.figures("m.region_path", "m.organiser_unit_id") + ")";

	/** Whether the person oversees campaigns and meetings (an inspector or a leader). */
	public boolean oversees(Actor actor) {
		return !actor.isEnterpriseContact() && (actor.has(Role.INSPECTOR) || actor.has(Role.LEADER));
	}

	private final JdbcClient jdbc;

	CampaignScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the person's unit takes part in a campaign (an official, not a contact).
	 */
	public boolean takesPart(Actor actor) {
		return !actor.isEnterpriseContact() && actor.unitId() != null
				&& this.jdbc.sql("select count(*) from campaign_unit where unit_id = :unit")
					.param("unit", actor.unitId())
					.query(Long.class)
					.single() > 0;
	}

	/** Whether the person may open the campaign pages at all: any official. */
	public boolean mayOpen(Actor actor) {
		return !actor.isEnterpriseContact() && (oversees(actor) || actor.unitId() != null);
	}

	/** Binds the parameters of these conditions for a person. */
	static StatementSpec bind(StatementSpec statement, Actor actor) {
		boolean official = !actor.isEnterpriseContact();
		return CaseScope.bind(statement, actor)
			.param("scopeOverseer", official && (actor.has(Role.INSPECTOR) || actor.has(Role.LEADER)) ? 1 : 0)
			.param("scopeInspector", official && actor.has(Role.INSPECTOR) ? 1 : 0);
	}

}
