package org.qiqing.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Maps a row to a record by its components' names, as {@code JdbcClient.query(Class)}
 * does, but reads an {@link Instant} as a timestamp. Asked for an Instant, PostgreSQL's
 * driver throws, and Spring catches the exception before it asks for a timestamp: an
 * exception, with its stack and its translated message, for every row and every Instant
 * (60 % of what a page of the queue allocated). Name the columns as the components (an
 * alias where they differ): a column found only under its snake_case name costs an
 * exception per row too.
 */
public final class Rows {

	private static final ClassValue<RowMapper<?>> MAPPERS = new ClassValue<>() {

		@Override
		protected RowMapper<?> computeValue(Class<?> type) {
			return new InstantsAsTimestamps<>(type);
		}

	};

	private static final int BATCH = 500;

	private Rows() {
	}

	/**
	 * A client that reads a result {@value #BATCH} rows at a time rather than all at
	 * once, for a ledger of a province's rows (PostgreSQL keeps the cursor only in a
	 * transaction; outside one it reads everything).
	 */
	public static JdbcClient cursor(DataSource dataSource) {
		JdbcTemplate batches = new JdbcTemplate(dataSource);
		batches.setFetchSize(BATCH);
		return JdbcClient.create(batches);
	}

	@SuppressWarnings("unchecked")
	public static <T> RowMapper<T> of(Class<T> type) {
		return (RowMapper<T>) MAPPERS.get(type);
	}

	private static final class InstantsAsTimestamps<T> extends DataClassRowMapper<T> {

		InstantsAsTimestamps(Class<T> type) {
			super(type);
		}

		@Override
		protected Object getColumnValue(ResultSet rs, int index, Class<?> type) throws SQLException {
			if (type == Instant.class) {
				Timestamp timestamp = rs.getTimestamp(index);
				return timestamp == null ? null : timestamp.toInstant();
			}
			return super.getColumnValue(rs, index, type);
		}

	}

}
