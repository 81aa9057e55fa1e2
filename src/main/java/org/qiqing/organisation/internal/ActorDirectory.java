package org.qiqing.organisation.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a person as an {@link Actor}, with the path of his jurisdiction resolved, for the
 * login form and for API tokens.
 */
@Component
class ActorDirectory implements UserDetailsService {

	private final JdbcClient jdbc;

	ActorDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	Optional<ActorDetails> byUsername(String username) {
		return load("p.username = :key", username);
	}

	Optional<ActorDetails> byTokenHash(String tokenHash) {
		return load("p.id = (select t.person_id from api_token t where t.token_hash = :key and t.revoked_at is null)",
				tokenHash);
	}

	/**
	 * Whether the person may still log in, and the language he chose (a page session
	 * checks it on every request), in one small query.
	 */
	Presence presence(long personId) {
		return this.jdbc.sql("select enabled, must_change_password, language from person where id = :id")
			.param("id", personId)
			.query((rs, row) -> new Presence(!rs.getBoolean(1) ? Standing.STOPPED
					: rs.getBoolean(2) ? Standing.MUST_CHANGE_PASSWORD : Standing.ACTIVE, rs.getString(3)))
			.optional()
			.orElse(new Presence(Standing.STOPPED, null));
	}

	/** A logged-in person's standing and the language he chose, read in one go. */
	record Presence(Standing standing, String language) {
	}

	/** Whether a logged-in person may go on. */
	enum Standing {

		ACTIVE,
		/** Stopped (or gone) since he logged in. */
		STOPPED,
		/** His password was reset: he must choose his own first. */
		MUST_CHANGE_PASSWORD

	}

	private Optional<ActorDetails> load(String where, String key) {
		return this.jdbc.sql("""
				select p.id, p.username, p.display_name, p.unit_id, p.enterprise_id, r.path, p.password_hash,
				       p.enabled, pr.role
				from person p
				left join region r on r.code = p.jurisdiction_code
				left join person_role pr on pr.person_id = p.id
				""" + " where " + where).param("key", key).query(rs -> {
			ActorRow row = null;
			while (rs.next()) {
				if (row == null) {
					row = new ActorRow(rs.getLong(1), rs.getString(2), rs.getString(3),
							(Long) rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getString(6),
							rs.getString(7), rs.getBoolean(8), EnumSet.noneOf(Role.class));
				}
				if (rs.getString(9) != null) {
					row.roles.add(Role.valueOf(rs.getString(9)));
				}
			}
			return Optional.ofNullable(row).map(ActorRow::details);
		});
	}

	private record ActorRow(long id, String username, String displayName, Long unitId, Long enterpriseId, String path,
			String passwordHash, boolean enabled, Set<Role> roles) {

		ActorDetails details() {
			return new ActorDetails(new Actor(this.id, this.username, this.displayName, this.unitId, this.enterpriseId,
					this.path, this.roles), this.passwordHash, this.enabled);
		}

	}

}
