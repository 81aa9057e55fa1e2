package org.qiqing.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports a large table fast while keeping the rules of a row-by-row import. Rows are
 * read as a stream and checked in Java one by one ({@code check}, no database), then
 * stored {@value #CHUNK_ROWS} at a time ({@code store}), each chunk in one transaction:
 * one query to find what exists, batched writes. When a chunk fails as a whole (a
 * constraint of the database), its transaction is rolled back and the chunk is stored
 * again row by row, so that the bad row is named and its neighbours are kept. Memory
 * holds one chunk, never the file; the report keeps the first refused rows (see
 * {@link ImportReport}).
 * <p>
 * How a module uses it: see {@code docs/administration.md}, "Writing an import".
 *
 * @param <T> what a row says once checked
 */
public final class ChunkedImport<T> {

	/** How many rows one transaction stores. */
	public static final int CHUNK_ROWS = 1000;

	/** A checked row, with its line in the file for the report. */
	public record Line<T>(int line, T value) {
	}

	/**
	 * Stores a chunk of checked rows in the transaction around it, counting each row in
	 * the {@link Outcome}: created, updated, or refused by a rule that needs the database
	 * (who may change a stored record). Throwing rolls the chunk back; it is then stored
	 * again one row per call, and a row whose call throws is refused with the reason.
	 */
	@FunctionalInterface
	public interface Store<T> {

		void store(List<Line<T>> chunk, Outcome outcome);

	}

	/** What a store did with the rows of a chunk; counted only once the chunk commits. */
	public static final class Outcome {

		private int created;

		private int updated;

		private final List<ImportReport.Rejection> refused = new ArrayList<>();

		public void created() {
			this.created++;
		}

		public void updated() {
			this.updated++;
		}

		public void refuse(Line<?> row, String reason) {
			this.refused.add(new ImportReport.Rejection(row.line(), reason));
		}

	}

	private final List<String> required;

	private final List<String> optional;

	private final Function<TabularFile.Row, T> check;

	private final Store<T> store;

	/**
	 * @param required the columns the header must name
	 * @param optional the columns it may name besides
	 * @param check reads and checks a row, throwing (e.g. {@link InvalidInput}) to refuse
	 * it; it must not touch the database
	 * @param store stores checked rows, a chunk at a time
	 */
	public ChunkedImport(List<String> required, List<String> optional, Function<TabularFile.Row, T> check,
			Store<T> store) {
		this.required = required;
		this.optional = optional;
		this.check = check;
		this.store = store;
	}

	/**
	 * Imports the rows of an uploaded file.
	 * @param everyRefusal where to write every refused row as CSV ({@code line,reason}),
	 * or null
	 * @throws InvalidInput when the file as a whole cannot be read (its format, its
	 * header): then nothing is stored
	 */
	public ImportReport run(MultipartFile file, TransactionOperations transactions, Appendable everyRefusal) {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", Text.of("error.file.empty"));
		}
		try (InputStream content = file.getInputStream()) {
			return run(file.getOriginalFilename(), content, transactions, everyRefusal);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ImportReport run(String filename, InputStream content, TransactionOperations transactions,
			Appendable everyRefusal) {
		Pass pass = new Pass(transactions, new ImportReport.Builder(everyRefusal));
		TabularFile.read(filename, content, this.required, this.optional, pass::accept);
		pass.flush();
		return pass.report.build();
	}

	/**
	 * One import under way. Rows refused by the check wait with the chunk, so that the
	 * report gets every refusal in line order, and at most {@value #CHUNK_ROWS} rows
	 * wait.
	 */
	private final class Pass {

		private final TransactionOperations transactions;

		private final ImportReport.Builder report;

		private final List<Line<T>> chunk = new ArrayList<>(CHUNK_ROWS);

		private final List<ImportReport.Rejection> refused = new ArrayList<>();

		Pass(TransactionOperations transactions, ImportReport.Builder report) {
			this.transactions = transactions;
			this.report = report;
		}

		void accept(TabularFile.Row row) {
			try {
				this.chunk.add(new Line<>(row.line(), ChunkedImport.this.check.apply(row)));
			}
			catch (RuntimeException ex) {
				this.refused.add(new ImportReport.Rejection(row.line(), ImportReport.reason(ex)));
			}
			if (this.chunk.size() + this.refused.size() >= CHUNK_ROWS) {
				flush();
			}
		}

		void flush() {
			if (!this.chunk.isEmpty()) {
				try {
					count(storeInOneTransaction(this.chunk));
				}
				catch (RuntimeException chunkFailed) {
					for (Line<T> row : this.chunk) {
						try {
							count(storeInOneTransaction(List.of(row)));
						}
						catch (RuntimeException ex) {
							this.refused.add(new ImportReport.Rejection(row.line(), ImportReport.reason(ex)));
						}
					}
				}
			}
			this.refused.sort(Comparator.comparingInt(ImportReport.Rejection::line));
			this.refused.forEach(rejection -> this.report.refuse(rejection.line(), rejection.reason()));
			this.chunk.clear();
			this.refused.clear();
		}

		private Outcome storeInOneTransaction(List<Line<T>> rows) {
			return this.transactions.execute(status -> {
				Outcome outcome = new Outcome();
				ChunkedImport.this.store.store(rows, outcome);
				return outcome;
			});
		}

		private void count(Outcome outcome) {
			this.report.created(outcome.created);
			this.report.updated(outcome.updated);
			this.refused.addAll(outcome.refused);
		}

	}

}
