package org.qiqing.organisation.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The "prod" profile keeps logins in PostgreSQL, shared by every node. Requests of one
 * session that arrive together may each add the same new attribute (the CSRF token of the
 * pages they render): Spring Session's plain insert fails all but the first with a
 * duplicate key, and the user sees an error page. Its PostgreSQL statements upsert.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class SharedSessions {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionStatements() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
