package org.qiqing.platform;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table of requests sent with an Idempotency-Key. Each statement runs on its own,
 * outside the business transaction, so that a claimed key is visible at once to a
 * concurrent retry.
 */
@Repository
class IdempotentRequests {

	record Stored(String requestHash, Integer status, String contentType, String location, String etag, byte[] body) {

		boolean finished() {
			return this.status != null;
		}

	}

	private final JdbcClient jdbc;

	IdempotentRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims the key; false when it was claimed before. */
	boolean claim(String owner, String key, String requestHash) {
		try {
			this.jdbc.sql("""
					insert into idempotent_request (owner, idem_key, request_hash, created_at)
					values (:owner, :key, :hash, :now)""")
				.param("owner", owner)
				.param("key", key)
				.param("hash", requestHash)
				.param("now", java.sql.Timestamp.from(Instant.now()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Forgets the requests claimed before an instant; returns how many. */
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

	void complete(String owner, String key, int status, String contentType, String location, String etag, byte[] body) {
		this.jdbc.sql("""
				update idempotent_request
				set status = :status, content_type = :contentType, location = :location, etag = :etag, body = :body
				where owner = :owner and idem_key = :key""")
			.param("status", status)
			.param("contentType", contentType)
			.param("location", location)
			.param("etag", etag)
			.param("body", body)
			.param("owner", owner)
			.param("key", key)
			.update();
	}

	/** Stores the answer to a refused request, outside its rolled-back transaction. */
	void storeRefusal(String owner, String key, String requestHash, int status, String contentType, byte[] body) {
		try {
			this.jdbc
				.sql("""
						insert into idempotent_request (owner, idem_key, request_hash, status, content_type, body, created_at)
						values (:owner, :key, :hash, :status, :contentType, :body, :now)""")
				.param("owner", owner)
				.param("key", key)
				.param("hash", requestHash)
				.param("status", status)
				.param("contentType", contentType)
				.param("body", body)
				.param("now", java.sql.Timestamp.from(Instant.now()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// A concurrent retry got there first; its answer stands.
		}
	}

}
