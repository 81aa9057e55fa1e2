package org.qiqing.organisation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The shared sessions, written only when something in them changed, or at most once a
 * minute for the time of the last request. Spring Session marks a session changed at
 * every request, for its new last-access time, so every page and call of a logged-in
 * person was a write to {@code spring_session} and a commit the database must flush
 * before answering. Here the last-access time moves only when it is {@code granularity}
 * behind the request: an idle session therefore ends up to that much sooner than its
 * timeout says, and nothing else changes.
 */
final class SessionAccessThrottle<S extends Session>
		implements FindByIndexNameSessionRepository<SessionAccessThrottle.Throttled<S>>, DisposableBean {

	private final FindByIndexNameSessionRepository<S> sessions;

	private final Duration granularity;

	SessionAccessThrottle(FindByIndexNameSessionRepository<S> sessions, Duration granularity) {
		this.sessions = sessions;
		this.granularity = granularity;
	}

	/** Stops what the repository runs (Spring Session's sweep of expired sessions). */
	@Override
	public void destroy() throws Exception {
		if (this.sessions instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	@Override
	public Throttled<S> createSession() {
		return new Throttled<>(this.sessions.createSession(), this.granularity);
	}

	@Override
	public void save(Throttled<S> session) {
		this.sessions.save(session.session);
	}

	@Override
	public Throttled<S> findById(String id) {
		S session = this.sessions.findById(id);
		return session == null ? null : new Throttled<>(session, this.granularity);
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, Throttled<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Throttled<S>> found = new LinkedHashMap<>();
		this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Throttled<>(session, this.granularity)));
		return found;
	}

	/** A session whose last-access time moves by whole granules. */
	static final class Throttled<S extends Session> implements Session {

		private final S session;

		private final Duration granularity;

		Throttled(S session, Duration granularity) {
			this.session = session;
			this.granularity = granularity;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.session.getLastAccessedTime().plus(this.granularity))) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
