package org.qiqing.platform;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes uploaded as a CSV table are read as rows or refused as invalid input of the
 * field {@code file} (a 400 for the person who sent them), never anything else. The rows
 * read come after the header, in order, keyed only by the known columns. Runs its seeds
 * in every build; {@code JAZZER_FUZZ=1} fuzzes it (docs/OPERATIONS.md).
 */
class TabularFileCsvFuzzTests {

	static final List<String> REQUIRED = List.of("name", "code");

	static final List<String> OPTIONAL = List.of("note");

	@FuzzTest(maxDuration = "5m")
	void anyBytesAreReadAsRowsOrRefusedAsInvalidInput(byte[] content) {
		List<TabularFile.Row> rows = new ArrayList<>();
		try {
			TabularFile.read("table.csv", new ByteArrayInputStream(content), REQUIRED, OPTIONAL, rows::add);
		}
		catch (InvalidInput refused) {
			assertThat(refused.errors()).containsOnlyKeys("file");
			assertThat(refused.getMessage()).isNotBlank();
			return;
		}
		int last = 1;
		for (TabularFile.Row row : rows) {
			assertThat(row.line()).isGreaterThan(last);
			last = row.line();
			assertThat(List.of("name", "code", "note")).containsAll(row.cells().keySet());
		}
	}

}
