package org.qiqing.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.multipart.MultipartFile;

/**
 * What an import did: how many rows created and updated a record, and why each refused
 * row was refused.
 */
public record ImportReport(int created, int updated, List<Rejection> rejected) {

	private static final Logger log = LoggerFactory.getLogger(ImportReport.class);

	/** A refused row, by its line in the file. */
	public record Rejection(int line, String reason) {
	}

	/** Stores one row; answers whether it created a record (else it updated one). */
	@FunctionalInterface
	public interface RowImport {

		boolean save(TabularFile.Row row);

	}

	/**
	 * Imports the rows of an uploaded file one by one. Each row is stored by its own
	 * call, so a refused row is reported and the others are kept; the call must store a
	 * row whole or not at all (one transaction).
	 * @throws InvalidInput when the file as a whole cannot be read
	 */
	public static ImportReport run(MultipartFile file, List<String> required, List<String> optional, RowImport each) {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", "send a non-empty file in the part named 'file'");
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
		int[] counts = new int[2];
		List<Rejection> rejected = new ArrayList<>();
		TabularFile.read(filename, content, required, optional, row -> {
			try {
				counts[each.save(row) ? 0 : 1]++;
			}
			catch (RuntimeException ex) {
				rejected.add(new Rejection(row.line(), reason(ex)));
			}
		});
		return new ImportReport(counts[0], counts[1], List.copyOf(rejected));
	}

	private static String reason(RuntimeException ex) {
		if (ex instanceof InvalidInput || ex instanceof NotFound || ex instanceof NotAllowed
				|| ex instanceof StaleVersion) {
			return ex.getMessage();
		}
		if (ex instanceof AccessDeniedException) {
			return "you may not change this record: " + ex.getMessage();
		}
		if (ex instanceof DataIntegrityViolationException) {
			return "the row conflicts with stored data";
		}
		log.error("unexpected failure of an imported row", ex);
		return "an unexpected error occurred; it was logged";
	}

}
