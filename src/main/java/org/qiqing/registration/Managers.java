package org.qiqing.registration;

import java.util.Optional;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.ContactManagement;
import org.qiqing.organisation.Person;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who manages the contacts of an enterprise (table {@code enterprise_manager}): the one
 * named there while he may log in; otherwise the earliest contact who may. So an
 * enterprise whose contacts came before this module has a manager too, and a manager an
 * administrator stopped is replaced by the next.
 */
@Repository
class Managers {

	private final JdbcClient jdbc;

	private final ContactManagement contacts;

	Managers(JdbcClient jdbc, ContactManagement contacts) {
		this.jdbc = jdbc;
		this.contacts = contacts;
	}

	Optional<Long> of(long enterpriseId) {
		Optional<Long> named = this.jdbc.sql("select person_id from enterprise_manager where enterprise_id = :e")
			.param("e", enterpriseId)
			.query(Long.class)
			.optional();
		var enabled = this.contacts.contactsOf(enterpriseId).stream().filter(Person::isEnabled).toList();
		return named.filter(id -> enabled.stream().anyMatch(p -> p.getId().equals(id)))
			.or(() -> enabled.stream().findFirst().map(Person::getId));
	}

	/** The enterprise the actor manages, or null. */
	Long enterpriseManagedBy(Actor actor) {
		if (!actor.isEnterpriseContact()) {
			return null;
		}
		return of(actor.enterpriseId()).filter(id -> id == actor.personId())
			.map(id -> actor.enterpriseId())
			.orElse(null);
	}

	/** Names the manager of an enterprise, replacing any other. */
	void name(long enterpriseId, long personId) {
		this.jdbc.sql("delete from enterprise_manager where enterprise_id = :e").param("e", enterpriseId).update();
		this.jdbc.sql("insert into enterprise_manager (enterprise_id, person_id) values (:e, :p)")
			.param("e", enterpriseId)
			.param("p", personId)
			.update();
	}

	/**
	 * Writes down who manages the enterprise now, so a later contact does not become it.
	 */
	void settle(long enterpriseId) {
		of(enterpriseId).ifPresent(manager -> name(enterpriseId, manager));
	}

}
