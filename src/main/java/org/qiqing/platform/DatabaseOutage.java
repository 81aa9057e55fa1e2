package org.qiqing.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database could not be reached, dropped the connection (a backend killed, a
 * failover) or gave up on a transient conflict: the same request may well succeed a
 * little later, so it is answered 503 with {@code Retry-After}, not 500 as a fault of the
 * application.
 */
final class DatabaseOutage {

	/**
	 * Seconds to wait before sending the request again: a pool's reconnect, a failover.
	 */
	static final String RETRY_AFTER_SECONDS = "10";

	static final Text DETAIL = Text.of("error.database.unavailable");

	private DatabaseOutage() {
	}

	/** Whether the failure, or one of its causes, is the database's being unavailable. */
	static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingFailureException) {
				return false;
			}
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof java.sql.SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	static void retryLater(HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

}
