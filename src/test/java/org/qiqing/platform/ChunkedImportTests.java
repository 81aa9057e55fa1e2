package org.qiqing.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.qiqing.platform.ChunkedImport.Line;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkedImportTests {

	/** Rows of one column {@code n}: the value on line n + 1 is n. */
	private static String numbers(int rows) {
		StringBuilder csv = new StringBuilder("n\n");
		for (int n = 1; n <= rows; n++) {
			csv.append(n).append('\n');
		}
		return csv.toString();
	}

	private static ImportReport run(String csv, ChunkedImport.Store<Integer> store, Appendable everyRefusal) {
		ChunkedImport<Integer> importing = new ChunkedImport<>(List.of("n"), List.of(), row -> {
			int n = Integer.parseInt(row.required("n"));
			if (n % 500 == 0) {
				throw new InvalidInput("n", n + " is a multiple of 500");
			}
			return n;
		}, store);
		return importing.run("rows.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				TransactionOperations.withoutTransaction(), everyRefusal);
	}

	@Test
	void rowsAreStoredAChunkAtATimeAndRefusedRowsAreNamedInLineOrder() {
		List<Integer> chunkSizes = new ArrayList<>();
		ImportReport report = run(numbers(2500), (chunk, outcome) -> {
			chunkSizes.add(chunk.size());
			chunk.forEach(row -> {
				if (row.value() == 1001) {
					outcome.refuse(row, "1001 is kept by someone else");
				}
				else {
					outcome.created();
				}
			});
		}, null);
		assertThat(report.created()).isEqualTo(2500 - 5 - 1);
		assertThat(report.refused()).isEqualTo(6);
		assertThat(report.rejected()).extracting(ImportReport.Rejection::line)
			.containsExactly(501, 1001, 1002, 1501, 2001, 2501);
		assertThat(report.rejected().get(2).reason()).isEqualTo("1001 is kept by someone else");
		assertThat(chunkSizes).allMatch(size -> size <= ChunkedImport.CHUNK_ROWS).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void aChunkThatFailsIsStoredAgainRowByRowSoOnlyItsBadRowIsLost() {
		List<Integer> stored = new ArrayList<>();
		ImportReport report = run(numbers(2500), (chunk, outcome) -> {
			List<Integer> written = new ArrayList<>();
			for (Line<Integer> row : chunk) {
				if (row.value() == 1234) {
					throw new DataIntegrityViolationException("duplicate key");
				}
				written.add(row.value());
				outcome.created();
			}
			// What a committed transaction keeps: nothing of a chunk that threw.
			stored.addAll(written);
		}, null);
		assertThat(report.created()).isEqualTo(2500 - 5 - 1);
		assertThat(report.rejected()).extracting(ImportReport.Rejection::line).contains(1235);
		assertThat(report.rejected()).filteredOn(rejection -> rejection.line() == 1235)
			.singleElement()
			.extracting(ImportReport.Rejection::reason)
			.isEqualTo("该行与已有数据冲突");
		assertThat(stored).hasSize(2500 - 5 - 1).doesNotContain(1234).contains(1233, 1235);
	}

	@Test
	void aFileOfBadRowsKeepsTheFirstRowsInMemoryAndWritesEveryOne() throws IOException {
		StringWriter everyRefusal = new StringWriter();
		ImportReport report = run(numbers(3000), (chunk, outcome) -> chunk.forEach(row -> outcome.refuse(row, "no")),
				everyRefusal);
		assertThat(report.refused()).isEqualTo(3000);
		assertThat(report.truncated()).isTrue();
		assertThat(report.rejected()).hasSize(ImportReport.SHOWN);
		assertThat(report.rejected().get(ImportReport.SHOWN - 1).line()).isEqualTo(ImportReport.SHOWN + 1);
		List<CSVRecord> written = CSVFormat.DEFAULT.builder()
			.setHeader()
			.get()
			.parse(new StringReader(everyRefusal.toString()))
			.getRecords();
		assertThat(written).hasSize(3000);
		assertThat(written.get(2999).get("line")).isEqualTo("3001");
		assertThat(written.get(499).get("reason")).isEqualTo("500 is a multiple of 500");
	}

}
