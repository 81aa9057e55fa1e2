package org.qiqing.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qiqing.organisation.Actor;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registrations, in table {@code registration}. Who sees one is a single condition:
 * the pending ones of the regions in his jurisdiction for a dispatcher or an
 * administrator, those of his enterprise for its managing contact.
 */
@Repository
class Registrations {

	private static final String COLUMNS = """
			id, enterprise_id, enterprise_name, region_path, display_name, phone, email, username, status, reason,
			filed_at, decided_at, person_id, version""";

	private static final String SCOPE = "(region_path like :scopePattern or enterprise_id = :scopeEnterprise)";

	private final JdbcClient jdbc;

	Registrations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Filed(long enterpriseId, String enterpriseName, String regionPath, String displayName, String phone,
			String email, String username, String passwordHash, String statusHash, Instant at, String from,
			String language) {
	}

	long add(Filed filed) {
		this.jdbc.sql("""
				insert into registration (enterprise_id, enterprise_name, region_path, display_name, phone, email,
				    username, password_hash, status_hash, status, filed_at, filed_from, language)
				values (:enterprise, :name, :path, :display, :phone, :email, :username, :hash, :statusHash, 'PENDING',
				    :at, :from, :language)""")
			.param("enterprise", filed.enterpriseId())
			.param("name", filed.enterpriseName())
			.param("path", filed.regionPath())
			.param("display", filed.displayName())
			.param("phone", filed.phone())
			.param("email", filed.email())
			.param("username", filed.username())
			.param("hash", filed.passwordHash())
			.param("statusHash", filed.statusHash())
			.param("at", Timestamp.from(filed.at()))
			.param("from", filed.from())
			.param("language", filed.language())
			.update();
		return this.jdbc.sql("select id from registration where status_hash = :statusHash")
			.param("statusHash", filed.statusHash())
			.query(Long.class)
			.single();
	}

	/** The language the registrant filed in, for the mail that tells him the decision. */
	Locale language(long id) {
		return this.jdbc.sql("select language from registration where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(Locale::forLanguageTag)
			.map(Texts::language)
			.orElse(Locale.SIMPLIFIED_CHINESE);
	}

	Optional<Registration> byStatusHash(String statusHash) {
		return this.jdbc.sql("select " + COLUMNS + " from registration where status_hash = :hash")
			.param("hash", statusHash)
			.query(Rows.of(Registration.class))
			.optional();
	}

	/**
	 * A registration the actor may decide: of his jurisdiction (dispatchers and
	 * administrators) or of the enterprise he manages (or null).
	 */
	Optional<Registration> findVisible(long id, Actor actor, Long managedEnterprise) {
		return bind(this.jdbc.sql("select " + COLUMNS + " from registration where id = :id and " + SCOPE), actor,
				managedEnterprise)
			.param("id", id)
			.query(Rows.of(Registration.class))
			.optional();
	}

	List<Registration> pending(Actor actor, Long managedEnterprise) {
		return bind(this.jdbc.sql("select " + COLUMNS + " from registration where status = 'PENDING' and " + SCOPE
				+ " order by filed_at, id limit 500"), actor, managedEnterprise)
			.query(Rows.of(Registration.class))
			.list();
	}

	int countPending(Actor actor, Long managedEnterprise) {
		return bind(this.jdbc.sql("select count(*) from registration where status = 'PENDING' and " + SCOPE), actor,
				managedEnterprise)
			.query(Integer.class)
			.single();
	}

	int countPendingOf(long enterpriseId) {
		return this.jdbc.sql("select count(*) from registration where status = 'PENDING' and enterprise_id = :e")
			.param("e", enterpriseId)
			.query(Integer.class)
			.single();
	}

	/** Whether a registration waits for this enterprise with this phone or e-mail. */
	boolean pendingReachedAt(long enterpriseId, String phone, String email) {
		return this.jdbc.sql("""
				select count(*) from registration where status = 'PENDING' and enterprise_id = :e
				and (phone = :phone or email = :email)""")
			.param("e", enterpriseId)
			.param("phone", phone == null ? "" : phone)
			.param("email", email == null ? "" : email)
			.query(Integer.class)
			.single() > 0;
	}

	boolean usernamePending(String username) {
		return this.jdbc.sql("select count(*) from registration where status = 'PENDING' and username = :u")
			.param("u", username)
			.query(Integer.class)
			.single() > 0;
	}

	String passwordHash(long id) {
		return this.jdbc.sql("select password_hash from registration where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	/**
	 * Records the decision if the registration is still pending at the expected version.
	 * @return whether it did
	 */
	boolean decide(long id, int version, RegistrationStatus status, String reason, long by, Long personId, Instant at) {
		return this.jdbc.sql("""
				update registration set status = :status, reason = :reason, decided_by = :by, person_id = :person,
				    decided_at = :at, version = version + 1
				where id = :id and version = :version and status = 'PENDING'""")
			.param("status", status.name())
			.param("reason", reason)
			.param("by", by)
			.param("person", personId)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Actor actor,
			Long managedEnterprise) {
		boolean centre = actor.has(org.qiqing.organisation.Role.DISPATCHER)
				|| actor.has(org.qiqing.organisation.Role.ADMIN);
		String pattern = centre && actor.jurisdictionPattern() != null ? actor.jurisdictionPattern() : "";
		return statement.param("scopePattern", pattern)
			.param("scopeEnterprise", managedEnterprise == null ? -1L : managedEnterprise);
	}

}
