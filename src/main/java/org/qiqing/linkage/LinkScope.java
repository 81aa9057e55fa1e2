package org.qiqing.linkage;

import java.util.EnumSet;
import java.util.Set;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one rule of who sees and who manages links and working groups, and so whose
 * coverage.
 * <ul>
 * <li>Administrators, leaders and dispatchers (the service centre) of a jurisdiction
 * <em>manage</em> the links and groups in it: a link whose target lies in it, held by an
 * official of a unit in it or by a group of it.</li>
 * <li>They and the supervisors of the jurisdiction <em>see</em> those links and their
 * coverage.</li>
 * <li>Every official sees his own links: those he holds, and those of the groups he leads
 * or belongs to.</li>
 * <li>Enterprise contacts see none.</li>
 * </ul>
 * Reads use {@link #CONDITION} (on {@code link l}) or {@link #GROUP_CONDITION} (on
 * {@code work_group g}) with bound parameters; writes check {@link #requireManager}.
 */
final class LinkScope {

	static final Set<Role> MANAGERS = EnumSet.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER);

	static final Set<Role> OVERSEERS = EnumSet.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.SUPERVISOR);

	static final String CONDITION = """
			(l.region_path like :scopePattern
			 or l.person_id = :scopePerson
			 or l.group_id in (select sg.id from work_group sg where sg.leader_id = :scopePerson)
			 or l.group_id in (select sm.group_id from work_group_member sm where sm.person_id = :scopePerson))""";

	static final String GROUP_CONDITION = """
			(g.region_path like :scopePattern
			 or g.leader_id = :scopePerson
			 or g.id in (select sm.group_id from work_group_member sm where sm.person_id = :scopePerson))""";

	private LinkScope() {
	}

	static StatementSpec bind(StatementSpec statement, Actor actor) {
		return statement.param("scopePattern", overseenPattern(actor))
			.param("scopePerson", actor.isEnterpriseContact() ? -1L : actor.personId());
	}

	/**
	 * The LIKE pattern of the regions whose links he sees all of; empty (matching no
	 * path) when he oversees none.
	 */
	static String overseenPattern(Actor actor) {
		boolean overseer = !actor.isEnterpriseContact() && OVERSEERS.stream().anyMatch(actor::has);
		return overseer && actor.jurisdictionPattern() != null ? actor.jurisdictionPattern() : "";
	}

	static boolean manages(Actor actor, String regionPath) {
		return !actor.isEnterpriseContact() && MANAGERS.stream().anyMatch(actor::has) && actor.oversees(regionPath);
	}

	/** Refuses someone who manages no links at all. */
	static void requireManager(Actor actor) {
		if (actor.isEnterpriseContact() || MANAGERS.stream().noneMatch(actor::has)) {
			throw new AccessDeniedException("links are managed by administrators, leaders and dispatchers");
		}
	}

	/** Refuses enterprise contacts, who see no links. */
	static void requireOfficial(Actor actor) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("links and their coverage are for officials");
		}
	}

}
