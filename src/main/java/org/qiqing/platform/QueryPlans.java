package org.qiqing.platform;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	/**
	 * A client whose every statement PostgreSQL plans for its parameters, inside a
	 * transaction or not: the driver sends it unnamed, never as a prepared statement
	 * whose plan could be reused. What {@link #customForThisTransaction} gets, without
	 * the transaction and the {@code set local} it takes: two round trips to the database
	 * fewer for a read that needs no transaction of its own. Other databases are left
	 * alone.
	 */
	public static JdbcClient customPlans(DataSource dataSource) {
		return JdbcClient.create(new JdbcTemplate(dataSource) {

			@Override
			protected void applyStatementSettings(Statement statement) throws SQLException {
				super.applyStatementSettings(statement);
				if (PG_STATEMENT != null && statement.isWrapperFor(PG_STATEMENT)) {
					try {
						SET_PREPARE_THRESHOLD.invoke(statement.unwrap(PG_STATEMENT), 0);
					}
					catch (SQLException | RuntimeException ex) {
						throw ex;
					}
					catch (Throwable ex) {
						throw new IllegalStateException(ex);
					}
				}
			}

		});
	}

	/** PostgreSQL's statement, when its driver is there (a runtime dependency). */
	private static final Class<?> PG_STATEMENT;

	/** Its {@code setPrepareThreshold(int)}: 0 sends every execution unnamed. */
	private static final MethodHandle SET_PREPARE_THRESHOLD;

	static {
		Class<?> type = null;
		MethodHandle threshold = null;
		try {
			type = Class.forName("org.postgresql.PGStatement", false, QueryPlans.class.getClassLoader());
			threshold = MethodHandles.publicLookup()
				.findVirtual(type, "setPrepareThreshold", MethodType.methodType(void.class, int.class));
		}
		catch (ReflectiveOperationException ex) {
			type = null;
		}
		PG_STATEMENT = type;
		SET_PREPARE_THRESHOLD = threshold;
	}

	private static void set(JdbcTemplate jdbc, String mode) {
		String database = jdbc
			.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
		if ("PostgreSQL".equals(database)) {
			jdbc.execute("set local plan_cache_mode = " + mode);
		}
	}

}
