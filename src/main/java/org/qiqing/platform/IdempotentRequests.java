package org.qiqing.platform;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table of requests sent with an Idempotency-Key and their answers.
 */
@Repository
class IdempotentRequests {

	record Stored(String requestHash, int status, String contentType, String location, String etag, byte[] body) {
	}

	private final JdbcClient jdbc;

	IdempotentRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Forgets the requests stored before an instant; returns how many. */
	int forgetBefore(Instant instant) {
		return this.jdbc.sql("delete from idempotent_request where created_at < :before")
			.param("before", java.sql.Timestamp.from(instant))
			.update();
	}

	Optional<Stored> find(String owner, String key) {
		return this.jdbc.sql("""
				select request_hash, status, content_type, location, etag, body
				from idempotent_request where owner = :owner and idem_key = :key""")
			.param("owner", owner)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBytes(6)))
			.optional();
	}

	/**
	 * Stores the answer to a request under its key; false when the key was stored before,
	 * by this request's first sending or by a twin that committed meanwhile.
	 */
	boolean remember(String owner, String key, String requestHash, int status, String contentType, String location,
			String etag, byte[] body) {
		try {
			this.jdbc.sql("""
					insert into idempotent_request
					(owner, idem_key, request_hash, status, content_type, location, etag, body, created_at)
					values (:owner, :key, :hash, :status, :contentType, :location, :etag, :body, :now)""")
				.param("owner", owner)
				.param("key", key)
				.param("hash", requestHash)
				.param("status", status)
				.param("contentType", contentType)
				.param("location", location)
				.param("etag", etag)
				.param("body", body)
				.param("now", java.sql.Timestamp.from(Instant.now()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
