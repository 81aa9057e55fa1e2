package org.qiqing.platform;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells PostgreSQL, for the statements of the current transaction, whether to plan each
 * execution for its parameters or to reuse the plan it cached for the statement. Where a
 * statement needs one or the other is said at the call. Other databases are left alone.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	/**
	 * Plans every execution anew, for statements whose best plan changes with the data
	 * they run on while the transaction runs.
	 */
	public static void customForThisTransaction(JdbcTemplate jdbc) {
		set(jdbc, "force_custom_plan");
	}

	/**
	 * Reuses the statement's cached plan, for statements whose plan is the same whatever
	 * their parameters but which PostgreSQL would otherwise plan again at every
	 * execution.
	 */
	public static void genericForThisTransaction(JdbcTemplate jdbc) {
		set(jdbc, "force_generic_plan");
	}

	private static void set(JdbcTemplate jdbc, String mode) {
		String database = jdbc
			.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
		if ("PostgreSQL".equals(database)) {
			jdbc.execute("set local plan_cache_mode = " + mode);
		}
	}

}
