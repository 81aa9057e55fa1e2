package org.qiqing.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts that cost too much to make at every request, kept by key and counted again in
 * the background: a count older than its time to live (or marked stale) is still
 * answered, and the next count of it starts on the one thread of these tallies, so that
 * nobody waits for a recount and the database makes one at a time. Only the first asker
 * of a key waits for its count (and those who ask while it is made wait for the same). A
 * key nobody asked for in ten times the time to live is forgotten. A zero time to live
 * counts at every request.
 */
public final class Tallies<K, V> {

	private static final Logger log = LoggerFactory.getLogger(Tallies.class);

	private static final class Entry<V> {

		final CompletableFuture<V> value;

		final Instant at;

		volatile Instant asked;

		volatile boolean stale;

		final AtomicBoolean recounting = new AtomicBoolean();

		Entry(CompletableFuture<V> value, Instant at) {
			this.value = value;
			this.at = at;
			this.asked = at;
		}

	}

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	private final ExecutorService recounts;

	public Tallies(String name, Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
		this.recounts = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, name + "-recount");
			thread.setDaemon(true);
			return thread;
		});
	}

	public V get(K key, Supplier<V> count) {
		if (this.ttl.isZero() || this.ttl.isNegative()) {
			return count.get();
		}
		Instant now = this.clock.instant();
		Entry<V> mine = new Entry<>(new CompletableFuture<>(), now);
		Entry<V> entry = this.entries.putIfAbsent(key, mine);
		if (entry == null) {
			forgetUnasked(now);
			return complete(key, mine, count);
		}
		entry.asked = now;
		if ((entry.stale || !entry.at.plus(this.ttl).isAfter(now)) && entry.value.isDone()
				&& entry.recounting.compareAndSet(false, true)) {
			this.recounts.execute(() -> recount(key, entry, count));
		}
		return join(entry.value);
	}

	/**
	 * Has every count made again at its next ask (answered meanwhile as it was), for a
	 * change that moves them.
	 */
	public void markStale() {
		this.entries.values().forEach(entry -> entry.stale = true);
	}

	private V complete(K key, Entry<V> entry, Supplier<V> count) {
		try {
			entry.value.complete(count.get());
		}
		catch (RuntimeException ex) {
			this.entries.remove(key, entry);
			entry.value.completeExceptionally(ex);
			throw ex;
		}
		return join(entry.value);
	}

	private void recount(K key, Entry<V> old, Supplier<V> count) {
		try {
			Entry<V> fresh = new Entry<>(CompletableFuture.completedFuture(count.get()), this.clock.instant());
			fresh.asked = old.asked;
			this.entries.replace(key, old, fresh);
		}
		catch (RuntimeException ex) {
			log.warn("Recounting {} failed; the last count stays", key, ex);
			old.recounting.set(false);
		}
	}

	private void forgetUnasked(Instant now) {
		Instant before = now.minus(this.ttl.multipliedBy(10));
		this.entries.values().removeIf(entry -> entry.asked.isBefore(before) && entry.value.isDone());
	}

	private static <V> V join(CompletableFuture<V> value) {
		try {
			return value.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

}
