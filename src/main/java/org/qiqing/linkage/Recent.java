package org.qiqing.linkage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers computed in the last moments, by key: a second asker within the time to live
 * gets the first answer, and askers who come while it is computed wait for it rather than
 * compute it again. A zero time to live keeps nothing.
 */
final class Recent<K, V> {

	private record Entry<V>(Instant at, CompletableFuture<V> value) {
	}

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final int capacity;

	private final Clock clock;

	Recent(Duration ttl, int capacity, Clock clock) {
		this.ttl = ttl;
		this.capacity = capacity;
		this.clock = clock;
	}

	V get(K key, Supplier<V> compute) {
		if (this.ttl.isZero() || this.ttl.isNegative()) {
			return compute.get();
		}
		Instant now = this.clock.instant();
		Entry<V> mine = new Entry<>(now, new CompletableFuture<>());
		Entry<V> entry = this.entries.compute(key, (k, old) -> old != null && fresh(old, now) ? old : mine);
		if (entry == mine) {
			try {
				mine.value().complete(compute.get());
			}
			catch (RuntimeException ex) {
				this.entries.remove(key, mine);
				mine.value().completeExceptionally(ex);
				throw ex;
			}
			if (this.entries.size() > this.capacity) {
				this.entries.values().removeIf(old -> !fresh(old, now));
			}
		}
		try {
			return entry.value().join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	/** Forgets every answer, for a change that makes them all wrong. */
	void clear() {
		this.entries.clear();
	}

	private boolean fresh(Entry<V> entry, Instant now) {
		return entry.at().plus(this.ttl).isAfter(now);
	}

}
