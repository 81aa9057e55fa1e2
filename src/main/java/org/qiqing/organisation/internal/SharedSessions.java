package org.qiqing.organisation.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

	/**
	 * Spring Session's transactions: see {@link ReadsAlone}. Handed to its configuration
	 * rather than declared as the {@code TransactionOperations} bean it looks for, which
	 * would take the place of the application's own (imports take theirs). And its
	 * repository, written only when a session changed or its last-access time is old (see
	 * {@link SessionAccessThrottle}): wrapped here, as a bean of its own would be one
	 * more session repository, for which Spring Boot would make none.
	 */
	@Bean
	static BeanPostProcessor sessionReadsAlone(ObjectProvider<PlatformTransactionManager> transactions,
			Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration
						.setTransactionOperations(new ReadsAlone(new TransactionTemplate(transactions.getObject())));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof JdbcIndexedSessionRepository sessions) {
					return new SessionAccessThrottle<>(sessions, environment.getProperty(
							"qiqing.security.session.access-granularity", Duration.class, Duration.ofMinutes(1)));
				}
				return bean;
			}

		};
	}

	/**
	 * Every request reads its session: one statement, which Spring Session ran in a
	 * transaction of its own, so that its commit was one more round trip to the database
	 * for every page and call. Its reads (a session by id or by its person, the sweep of
	 * the expired ones: each a single statement, run through {@link #execute}) run
	 * without one; its writes (a session saved or deleted: several statements, run
	 * through {@link #executeWithoutResult}) keep theirs.
	 */
	static final class ReadsAlone implements TransactionOperations {

		private final TransactionOperations writes;

		ReadsAlone(TransactionOperations writes) {
			this.writes = writes;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			return TransactionOperations.withoutTransaction().execute(action);
		}

		@Override
		public void executeWithoutResult(Consumer<TransactionStatus> action) {
			this.writes.executeWithoutResult(action);
		}

	}

}
