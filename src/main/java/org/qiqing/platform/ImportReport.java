package org.qiqing.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an import did: how many rows created and updated a record, how many were refused,
 * and why: the first {@value #SHOWN} refused rows by line. A whole file of bad rows would
 * otherwise make a report as large as the file, held in memory and in the session of the
 * page that shows it; every refused row is still counted, and an import can also write
 * them all to a CSV ({@code line,reason}) as they come.
 *
 * @param refused how many rows were refused, also those beyond {@code rejected}
 * @param rejected the first {@value #SHOWN} refused rows, in line order
 */
public record ImportReport(int created, int updated, int refused, List<Rejection> rejected) {

	/** How many refused rows a report keeps with their reasons. */
	public static final int SHOWN = 1000;

	private static final Logger log = LoggerFactory.getLogger(ImportReport.class);

	/** A refused row, by its line in the file. */
	public record Rejection(int line, String reason) {
	}

	/** Whether some refused rows are counted but not listed. */
	public boolean truncated() {
		return this.refused > this.rejected.size();
	}

	/** Stores one row; answers whether it created a record (else it updated one). */
	@FunctionalInterface
	public interface RowImport {

		boolean save(TabularFile.Row row);

	}

	/**
	 * Imports the rows of an uploaded file one by one. Each row is stored by its own
	 * call, so a refused row is reported and the others are kept; the call must store a
	 * row whole or not at all (one transaction). For large files see
	 * {@link ChunkedImport}.
	 * @throws InvalidInput when the file as a whole cannot be read
	 */
	public static ImportReport run(MultipartFile file, List<String> required, List<String> optional, RowImport each) {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", Text.of("error.file.empty"));
		}
		try (InputStream content = file.getInputStream()) {
			return run(file.getOriginalFilename(), content, required, optional, each);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ImportReport run(String filename, InputStream content, List<String> required, List<String> optional,
			RowImport each) {
		Builder report = new Builder(null);
		TabularFile.read(filename, content, required, optional, row -> {
			try {
				if (each.save(row)) {
					report.created(1);
				}
				else {
					report.updated(1);
				}
			}
			catch (RuntimeException ex) {
				report.refuse(row.line(), reason(ex));
			}
		});
		return report.build();
	}

	/**
	 * Answers an import with every refused row as CSV ({@code line,reason}), the counts
	 * in the headers {@code Import-Created}, {@code Import-Updated} and
	 * {@code Import-Refused}. The rows are written to a temporary file while the import
	 * runs, so that memory does not grow with them, and sent once it is done.
	 * @param importing runs the import, writing every refused row where it is told
	 * @throws InvalidInput when the file as a whole is refused: then nothing is answered
	 * yet, and the caller answers the problem
	 */
	public static void answerAsCsv(HttpServletResponse response, Function<Appendable, ImportReport> importing)
			throws IOException {
		Path refusals = Files.createTempFile("qiqing-refusals", ".csv");
		try {
			ImportReport report;
			try (Writer out = Files.newBufferedWriter(refusals, StandardCharsets.UTF_8)) {
				report = importing.apply(out);
			}
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader("Import-Created", String.valueOf(report.created()));
			response.setHeader("Import-Updated", String.valueOf(report.updated()));
			response.setHeader("Import-Refused", String.valueOf(report.refused()));
			response.setContentLengthLong(Files.size(refusals));
			Files.copy(refusals, response.getOutputStream());
		}
		finally {
			Files.deleteIfExists(refusals);
		}
	}

	/** Why a row was refused, as its importer may read it. */
	static String reason(RuntimeException ex) {
		if (ex instanceof InvalidInput || ex instanceof NotFound || ex instanceof NotAllowed
				|| ex instanceof StaleVersion) {
			return ex.getMessage();
		}
		if (ex instanceof AccessDeniedException) {
			return Text.of("error.import.denied", ex.getMessage()).resolve();
		}
		if (ex instanceof DataIntegrityViolationException) {
			return Text.of("error.import.conflict").resolve();
		}
		log.error("unexpected failure of an imported row", ex);
		return Text.of("error.internal").resolve();
	}

	/**
	 * Counts what an import does; keeps the first {@value #SHOWN} refused rows, and
	 * writes every one to a CSV when given one. Refusals must come in line order.
	 */
	static final class Builder {

		private final CSVPrinter everyRefusal;

		private int created;

		private int updated;

		private int refused;

		private final List<Rejection> rejected = new ArrayList<>();

		Builder(Appendable everyRefusal) {
			try {
				this.everyRefusal = everyRefusal == null ? null
						: CSVFormat.DEFAULT.builder().setHeader("line", "reason").get().print(everyRefusal);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void created(int rows) {
			this.created += rows;
		}

		void updated(int rows) {
			this.updated += rows;
		}

		void refuse(int line, String reason) {
			this.refused++;
			if (this.rejected.size() < SHOWN) {
				this.rejected.add(new Rejection(line, reason));
			}
			if (this.everyRefusal != null) {
				try {
					this.everyRefusal.printRecord(line, reason);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		ImportReport build() {
			try {
				if (this.everyRefusal != null) {
					this.everyRefusal.flush();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new ImportReport(this.created, this.updated, this.refused, List.copyOf(this.rejected));
		}

	}

}
