package org.qiqing.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.qiqing.casework.CaseHistories;
import org.qiqing.casework.CaseTransitioned;

/**
 * The histories replayed on a thread of their own, a few batches of steps ahead of the
 * rebuild that counts and writes them: the reading (the database's scan, the rows turned
 * into steps) and the writing go on at once, each on a core, where one thread did one
 * after the other. The reading thread has its own connection and read-only transaction,
 * begun after the rebuild's holds off the steps, so it sees every step counted before.
 */
final class StepsAhead {

	private static final int BATCH = 10_000;

	/** The batches read but not yet counted: some 80,000 steps. */
	private static final int AHEAD = 8;

	/** Handed over last: the histories are all read. */
	private static final List<CaseTransitioned> END = List.of();

	private StepsAhead() {
	}

	/**
	 * Hands every step {@code histories} reads ({@link CaseHistories#forEach}) to
	 * {@code step}, in order, on the calling thread. An error of the reading is thrown
	 * here; an error of {@code step} stops the reading.
	 */
	static void forEach(Consumer<Consumer<CaseTransitioned>> histories, Consumer<CaseTransitioned> step) {
		BlockingQueue<List<CaseTransitioned>> batches = new ArrayBlockingQueue<>(AHEAD);
		AtomicReference<RuntimeException> failed = new AtomicReference<>();
		Thread reader = new Thread(() -> {
			try {
				List<List<CaseTransitioned>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
				histories.accept(read -> {
					batch.get(0).add(read);
					if (batch.get(0).size() == BATCH) {
						put(batches, batch.set(0, new ArrayList<>(BATCH)));
					}
				});
				put(batches, batch.get(0));
			}
			catch (RuntimeException ex) {
				failed.set(ex);
			}
			// Interrupted, the counting has failed and takes nothing more.
			if (!Thread.currentThread().isInterrupted()) {
				put(batches, END);
			}
		}, "statistics-rebuild-reader");
		reader.start();
		try {
			for (List<CaseTransitioned> batch = take(batches); batch != END; batch = take(batches)) {
				batch.forEach(step);
			}
			join(reader);
		}
		finally {
			reader.interrupt();
		}
		if (failed.get() != null) {
			throw failed.get();
		}
	}

	private static void put(BlockingQueue<List<CaseTransitioned>> batches, List<CaseTransitioned> batch) {
		try {
			batches.put(batch);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<CaseTransitioned> take(BlockingQueue<List<CaseTransitioned>> batches) {
		try {
			return batches.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void join(Thread reader) {
		try {
			reader.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
