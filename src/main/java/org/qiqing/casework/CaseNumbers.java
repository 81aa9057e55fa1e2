package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.qiqing.organisation.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues case numbers ({@code QQ-2026-330421-000123}) from a sequence, which never makes
 * filings wait on each other, and records the number of a filing that rolls back in
 * {@code case_number_void}, once the rollback is done: so every number below the highest
 * one in use has its case or is known to be given up, and the history's verifier names a
 * case that was deleted. A node that dies in the middle of a filing leaves its number
 * unexplained; the verifier reports it, and an operator who finds no case behind it
 * records it (docs/history.md).
 */
@Component
class CaseNumbers {

	private static final Logger log = LoggerFactory.getLogger(CaseNumbers.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	CaseNumbers(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	String next(Region region) {
		long seq = this.jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						voided(seq);
					}
				}
			});
		}
		String county = region.code().length() > 6 ? region.code().substring(0, 6) : region.code();
		int year = LocalDate.now(this.clock.withZone(CHINA)).getYear();
		return "QQ-%d-%s-%06d".formatted(year, county, seq);
	}

	/**
	 * Records a number given up, on a connection of its own: the filing's transaction is
	 * over and its connection may still be bound to this thread.
	 */
	private void voided(long seq) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection
					.prepareStatement("insert into case_number_void (seq, voided_at) values (?, ?)")) {
			connection.setAutoCommit(true);
			insert.setLong(1, seq);
			insert.setTimestamp(2, Timestamp.from(this.clock.instant()));
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			log.warn("Case number {} was given up but could not be recorded as such", seq, ex);
		}
	}

}
