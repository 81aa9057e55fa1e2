package org.qiqing.organisation;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The jurisdiction rule in SQL: a record lies in a person's jurisdiction when its region
 * path lies in the region subtree he oversees (the one prefix match of a materialised
 * path, {@link Actor#jurisdictionPattern}); a person who oversees no region matches
 * nothing. The cases' rule ({@code casework.CaseScope}) is this prefix match on the same
 * parameter, {@code :scopePattern}, with the person's unit and enterprise; a module that
 * cannot use casework (the audit log, which casework writes to) uses this one.
 */
public final class Jurisdiction {

	private Jurisdiction() {
	}

	/**
	 * Whether the region path in the column lies in the person's jurisdiction, bound by
	 * {@link #bind}.
	 * @param pathColumn the column holding a region path
	 */
	public static String covers(String pathColumn) {
		return pathColumn + " like :scopePattern";
	}

	/** Binds the parameter of {@link #covers} for a person. */
	public static StatementSpec bind(StatementSpec statement, Actor actor) {
		return statement.param("scopePattern", actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern());
	}

}
