package org.qiqing.organisation.internal;

import org.qiqing.organisation.Person;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * A person stopped from logging in, or whose password an administrator reset, loses his
 * logins at once: under {@code prod} his sessions are deleted from
 * {@code spring_session}, which every node reads, so no node serves them again. (Without
 * shared sessions there is one node, and {@link SessionGuard} ends a stopped person's
 * session at his next request, and sends one whose password was reset to choose a new
 * one, which needs the one-time password; it does so under {@code prod} too, should a row
 * escape.)
 */
@Component
class StoppedPeopleSessions implements AfterSaveCallback<Person> {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	StoppedPeopleSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@Override
	public Person onAfterSave(Person person) {
		if (person.endsSessions()) {
			this.sessions.ifAvailable(repository -> repository.findByPrincipalName(person.getUsername())
				.keySet()
				.forEach(repository::deleteById));
		}
		return person;
	}

}
