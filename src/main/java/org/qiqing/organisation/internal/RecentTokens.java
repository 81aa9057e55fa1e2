package org.qiqing.organisation.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.qiqing.organisation.Person;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * The people behind the API tokens this node has seen in the last few seconds
 * ({@code qiqing.api-tokens.remember}, 5 s), so that a client's requests do not each look
 * their token up in the database. What it costs: a token revoked or a person disabled or
 * given other roles on <em>another</em> node still works here for at most that long; on
 * this node a revocation or a change of a person forgets every token at once. Only tokens
 * that authenticated are remembered: an unknown one is looked up each time.
 */
@Component
class RecentTokens implements AfterSaveCallback<Person> {

	/**
	 * More distinct tokens than this within a few seconds are forgotten, not piled up.
	 */
	private static final int MAX_TOKENS = 10_000;

	private record Remembered(ActorDetails details, long until) {
	}

	private final ConcurrentHashMap<String, Remembered> tokens = new ConcurrentHashMap<>();

	private final ActorDirectory directory;

	private final long rememberNanos;

	RecentTokens(ActorDirectory directory, @Value("${qiqing.api-tokens.remember:5s}") Duration remember) {
		this.directory = directory;
		this.rememberNanos = remember.toNanos();
	}

	/** The enabled person whose token has this hash, if any. */
	Optional<ActorDetails> byTokenHash(String tokenHash) {
		long now = System.nanoTime();
		Remembered remembered = this.tokens.get(tokenHash);
		if (remembered != null && now - remembered.until() < 0) {
			return Optional.of(remembered.details());
		}
		Optional<ActorDetails> found = this.directory.byTokenHash(tokenHash).filter(ActorDetails::isEnabled);
		if (found.isPresent() && this.rememberNanos > 0) {
			if (this.tokens.size() >= MAX_TOKENS) {
				this.tokens.clear();
			}
			this.tokens.put(tokenHash, new Remembered(found.get(), now + this.rememberNanos));
		}
		else {
			this.tokens.remove(tokenHash);
		}
		return found;
	}

	/** Forgets every token, so that the next request of each is looked up again. */
	void forgetAll() {
		this.tokens.clear();
	}

	/** A person changed on this node (roles, unit, enabled): his tokens must see it. */
	@Override
	public Person onAfterSave(Person person) {
		forgetAll();
		return person;
	}

}
