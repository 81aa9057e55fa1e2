package org.qiqing.organisation.internal;

import java.time.Duration;
import java.util.Optional;

import org.qiqing.organisation.Person;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

	private final Cache<String, ActorDetails> tokens;

	private final ActorDirectory directory;

	RecentTokens(ActorDirectory directory, @Value("${qiqing.api-tokens.remember:5s}") Duration remember) {
		this.directory = directory;
		this.tokens = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(MAX_TOKENS).build();
	}

	/** The enabled person whose token has this hash, if any. */
	Optional<ActorDetails> byTokenHash(String tokenHash) {
		ActorDetails remembered = this.tokens.getIfPresent(tokenHash);
		if (remembered != null) {
			return Optional.of(remembered);
		}
		Optional<ActorDetails> found = this.directory.byTokenHash(tokenHash).filter(ActorDetails::isEnabled);
		found.ifPresent(details -> this.tokens.put(tokenHash, details));
		return found;
	}

	/** Forgets every token, so that the next request of each is looked up again. */
	void forgetAll() {
		this.tokens.invalidateAll();
	}

	/** A person changed on this node (roles, unit, enabled): his tokens must see it. */
	@Override
	public Person onAfterSave(Person person) {
		forgetAll();
		return person;
	}

}
