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
				Batches read = new Batches(batches);
				histories.accept(read);
				read.handOver();
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

	/** Gathers the steps read into batches and hands each full one over. */
	private static final class Batches implements Consumer<CaseTransitioned> {

		private final BlockingQueue<List<CaseTransitioned>> queue;

		private List<CaseTransitioned> batch = new ArrayList<>(BATCH);

		Batches(BlockingQueue<List<CaseTransitioned>> queue) {
			this.queue = queue;
		}

		@Override
		public void accept(CaseTransitioned step) {
			this.batch.add(step);
			if (this.batch.size() == BATCH) {
				handOver();
			}
		}

		/** Hands the batch gathered so far over (the last one, however short). */
		void handOver() {
			put(this.queue, this.batch);
			this.batch = new ArrayList<>(BATCH);
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
