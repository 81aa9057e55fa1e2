package org.qiqing.organisation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.qiqing.organisation.ApiTokenIssued;
import org.qiqing.organisation.ApiTokenRevoked;
import org.qiqing.platform.Rows;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens for integrations. Only the SHA-256 of a token is stored: the token itself is
 * shown once, when it is issued. A token is random, so a plain hash is enough (no salt,
 * no slow hash).
 */
@Component
public class ApiTokens {

	static final String PREFIX = "qq_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final RecentTokens recent;

	private final ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, RecentTokens recent, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.recent = recent;
		this.events = events;
	}

	/** Issues a new token for a person and returns it; it cannot be read back later. */
	@Transactional
	public String issue(long personId, String name) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into api_token (person_id, name, token_hash, created_at)
				values (:person, :name, :hash, :now)""")
			.param("person", personId)
			.param("name", name)
			.param("hash", hash(token))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		long id = this.jdbc.sql("select id from api_token where token_hash = :hash")
			.param("hash", hash(token))
			.query(Long.class)
			.single();
		this.events.publishEvent(new ApiTokenIssued(personId, id));
		return token;
	}

	/** A token as its owner sees it in his list: never the token itself. */
	public record Issued(long id, String name, java.sql.Timestamp createdAt) {
	}

	public java.util.List<Issued> of(long personId) {
		return this.jdbc.sql("""
				select id, name, created_at from api_token
				where person_id = :person and revoked_at is null order by id""")
			.param("person", personId)
			.query(Rows.of(Issued.class))
			.list();
	}

	/** Revokes one of the person's own tokens; another person's token is left alone. */
	@Transactional
	public boolean revoke(long personId, long tokenId) {
		boolean revoked = this.jdbc.sql("""
				update api_token set revoked_at = :now
				where id = :id and person_id = :person and revoked_at is null""")
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.param("id", tokenId)
			.param("person", personId)
			.update() == 1;
		// At once on this node; the others forget it within RecentTokens' few seconds.
		this.recent.forgetAll();
		if (revoked) {
			this.events.publishEvent(new ApiTokenRevoked(personId, tokenId));
		}
		return revoked;
	}

	/**
	 * Revokes every token the person still has (an administrator reset his password: who
	 * knew it may have made one), each told as {@link ApiTokenRevoked}, as when he
	 * revokes one himself.
	 * @return how many were revoked
	 */
	@Transactional
	public int revokeAll(long personId) {
		int revoked = 0;
		for (Issued token : of(personId)) {
			if (revoke(personId, token.id())) {
				revoked++;
			}
		}
		return revoked;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
