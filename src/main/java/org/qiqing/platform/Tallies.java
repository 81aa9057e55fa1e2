package org.qiqing.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Counts that cost too much to make at every request, kept by key (Caffeine): a count
 * older than its time to live is still answered while it is counted again in the
 * background, on one thread per tallies, so that nobody waits for a recount and the
 * database makes one at a time. Only the first asker of a key waits for its count. A key
 * nobody asked for in ten times the time to live is forgotten. A zero time to live counts
 * at every ask (the tests).
 */
public final class Tallies<K, V> {

	private final Function<K, V> count;

	private final LoadingCache<K, V> kept;

	public Tallies(String name, Duration ttl, Clock clock, Function<K, V> count) {
		this.count = count;
		this.kept = (!ttl.isZero() && !ttl.isNegative()) ? Caffeine.newBuilder()
			.refreshAfterWrite(ttl)
			.expireAfterAccess(ttl.multipliedBy(10))
			.ticker(() -> clock.millis() * 1_000_000)
			.executor(oneThread(name))
			.build(count::apply) : null;
	}

	public V get(K key) {
		return (this.kept == null) ? this.count.apply(key) : this.kept.get(key);
	}

	private static Executor oneThread(String name) {
		return Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, name + "-recount");
			thread.setDaemon(true);
			return thread;
		});
	}

}
