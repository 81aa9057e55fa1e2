package org.qiqing.platform;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes uploaded as an {@code .xlsx} workbook are read as rows or refused as invalid
 * input (400) or too large (413) under the field {@code file}, never anything else: no
 * runtime error of POI, no I/O error, no memory beyond the limits. The limits are tight
 * here so that the fuzzer spends its time on the reading, not on inflating. Runs its
 * seeds ({@code TabularFileXlsxFuzzTestsInputs}) in every build; {@code JAZZER_FUZZ=1}
 * fuzzes it for the time given.
 */
class TabularFileXlsxFuzzTests {

	static final List<String> REQUIRED = List.of("code", "name");

	static final List<String> OPTIONAL = List.of("phone");

	static final XlsxLimits TIGHT = new XlsxLimits(50, 1 << 20, 1 << 20, 256 * 1024, 4 << 20, 100);

	@FuzzTest(maxDuration = "30s")
	void anyBytesAreReadAsRowsOrRefusedWithinTheLimits(byte[] content) {
		List<TabularFile.Row> rows = new ArrayList<>();
		try {
			TabularFile.read("table.xlsx", new ByteArrayInputStream(content), REQUIRED, OPTIONAL, rows::add, TIGHT);
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
			assertThat(List.of("code", "name", "phone")).containsAll(row.cells().keySet());
		}
	}

}
