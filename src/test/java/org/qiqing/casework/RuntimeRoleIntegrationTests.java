package org.qiqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role the application runs as under two roles (docs/updating-database-schema.md)
 * reads and appends the history but can neither change nor delete it, nor wind the
 * numbering back: Flyway's callback grants it so, and PostgreSQL refuses it the rest.
 * PostgreSQL only; the tests themselves run as the owner.
 */
@IntegrationTest
class RuntimeRoleIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	private String role;

	@Test
	void theRuntimeRoleMayReadAndAppendTheHistoryButNotChangeOrDeleteIt() throws Exception {
		String url = ((HikariDataSource) this.dataSource.unwrap(HikariDataSource.class)).getJdbcUrl();
		assumeThat(url).startsWith("jdbc:postgresql:");
		this.role = "qiqing_runtime_" + this.jdbc.sql("select current_database()").query(String.class).single();
		this.jdbc.sql("drop role if exists " + this.role).update();
		this.jdbc.sql("create role " + this.role + " login password 'runtime'").update();
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.placeholders(Map.of("runtime_role", this.role))
			.load()
			.migrate();

		try (Connection runtime = DriverManager.getConnection(url, this.role, "runtime");
				Statement statement = runtime.createStatement()) {
			statement.executeQuery("select count(*) from case_event").close();
			statement.executeQuery("select count(*) from attachment").close();
			assertThat(privilege(statement, "case_event", "INSERT")).isTrue();
			assertThat(privilege(statement, "attachment", "INSERT")).isTrue();
			assertThat(privilege(statement, "audit_entry", "INSERT")).isTrue();
			assertThat(privilege(statement, "case_document", "INSERT")).isTrue();
			assertThat(privilege(statement, "document_number", "UPDATE")).isTrue();
			statement.executeUpdate("update cases set version = version where id = -1");
			for (String forbidden : new String[] { "update case_event set note = note", "delete from case_event",
					"update attachment set content = content", "delete from attachment", "truncate case_event",
					"update audit_entry set detail = detail", "delete from audit_entry",
					"update case_document set number = number", "delete from case_document",
					"select setval('case_number_seq', 1)", "delete from flyway_schema_history" }) {
				assertThatThrownBy(() -> statement.execute(forbidden)).as(forbidden)
					.isInstanceOfSatisfying(SQLException.class,
							ex -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("42501"));
			}
		}
	}

	private static boolean privilege(Statement statement, String table, String privilege) throws SQLException {
		try (var result = statement
			.executeQuery("select has_table_privilege(current_user, '" + table + "', '" + privilege + "')")) {
			result.next();
			return result.getBoolean(1);
		}
	}

	@AfterEach
	void dropTheRole() {
		if (this.role != null) {
			this.jdbc.sql("drop owned by " + this.role).update();
			this.jdbc.sql("drop role " + this.role).update();
		}
	}

}
