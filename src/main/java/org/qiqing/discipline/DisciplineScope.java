package org.qiqing.discipline;

import java.util.List;

import org.qiqing.casework.CaseScope;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Who sees which record of this module, as SQL conditions built on the one jurisdiction
 * rule ({@link CaseScope#figures}): an inspector sees what lies in his jurisdiction; a
 * member of a supervision group what his action holds; an inspected unit its own
 * inspections (an unannounced one only once its findings are issued) and its own issued
 * findings, never the register; an enterprise contact nothing.
 */
@Component
public class DisciplineScope {

	private static final String MEMBER_OF_ACTION = """
			exists (select 1 from supervision_group sg join supervision_group_member sm on sm.group_id = sg.id
			        where sg.action_id = %s and sm.person_id = :scopeMe)""";

	/** The actions one sees, on {@code special_action a}. */
	static final String ACTIONS = "((:scopeInspector = 1 and "
			+ CaseScope.figures("a.region_path", "a.organiser_unit_id") + ") or " + MEMBER_OF_ACTION.formatted("a.id")
			+ ")";

	/** The inspections discipline roles see, on {@code inspection i}. */
	private static final String INSPECTIONS_OF_DISCIPLINE = "(:scopeInspector = 1 and "
			+ CaseScope.figures("i.region_path", "i.unit_id") + ") or " + MEMBER_OF_ACTION.formatted("i.action_id");

	/** The inspections one sees, on {@code inspection i}. */
	static final String INSPECTIONS = "(" + INSPECTIONS_OF_DISCIPLINE
			+ " or (i.unit_id = :scopeUnit and (i.mode = 'PLANNED' or i.issued_at is not null)))";

	/** The findings one sees, on {@code finding f join inspection i}. */
	static final String FINDINGS = "(" + INSPECTIONS_OF_DISCIPLINE
			+ " or (f.unit_id = :scopeUnit and i.issued_at is not null))";

	/**
	 * The accountability decisions one sees with their names, on
	 * {@code accountability r}: an inspector's jurisdiction's; a group member's caused by
	 * his action's findings.
	 */
	static final String REGISTER = "((:scopeInspector = 1 and " + CaseScope.figures("r.region_path", "r.unit_id")
			+ ") or (r.cause_type = 'FINDING' and exists (select 1 from finding rf join inspection ri on ri.id = rf.inspection_id"
			+ " where rf.id = r.cause_id and " + MEMBER_OF_ACTION.formatted("ri.action_id") + ")))";

	private final JdbcClient jdbc;

	DisciplineScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the person plays a discipline role: an inspector or a group's member. */
	/** Refuses an enterprise's contact the discipline pages and figures (403). */
	public void requireOfficial(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("discipline pages are for officials");
		}
	}

	public boolean isDiscipline(Actor actor) {
		return actor.has(Role.INSPECTOR) || isMember(actor);
	}

	boolean isMember(Actor actor) {
		// Whether he is in one group at least: the city's inspector, who leads every
		// group, is in 27,100 of them at 100 times the seed, and the page asks this
		// several times.
		return this.jdbc
			.sql("select count(*) from (select 1 from supervision_group_member where person_id = :me"
					+ " fetch first 1 rows only) m")
			.param("me", actor.personId())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Who verifies (销号) the rectification items filed from an inspection's findings
	 * besides the jurisdiction's inspectors: the members of the groups of the
	 * inspection's action, leaders included. Each may also file those items. Casework
	 * keeps them with the item (V53), for its steps and the members' queues.
	 */
	public List<Long> verifiersOfInspection(long inspectionId) {
		return this.jdbc.sql("""
				select distinct sm.person_id from inspection i
				join supervision_group sg on sg.action_id = i.action_id
				join supervision_group_member sm on sm.group_id = sg.id
				where i.id = :inspection order by sm.person_id""")
			.param("inspection", inspectionId)
			.query(Long.class)
			.list();
	}

	/**
	 * Who verifies the rectification items of an action's findings: the members of its
	 * groups as they are now ({@link #verifiersOfInspection} for one inspection).
	 */
	public List<Long> verifiersOfAction(long actionId) {
		return this.jdbc.sql("""
				select distinct sm.person_id from supervision_group sg
				join supervision_group_member sm on sm.group_id = sg.id
				where sg.action_id = :action order by sm.person_id""")
			.param("action", actionId)
			.query(Long.class)
			.list();
	}

	/**
	 * Whether the person acts for discipline over a region: an inspector whose
	 * jurisdiction holds it. Who sets up actions, registers accountability and publishes
	 * a unit's list (公示).
	 */
	public static boolean overseesForDiscipline(Actor actor, String regionPath) {
		return actor.has(Role.INSPECTOR) && actor.oversees(regionPath);
	}

	/** Binds the parameters of these conditions for a person. */
	static StatementSpec bind(StatementSpec statement, Actor actor) {
		return CaseScope.bind(statement, actor)
			.param("scopeInspector", actor.has(Role.INSPECTOR) ? 1 : 0)
			.param("scopeMe", actor.personId());
	}

}
