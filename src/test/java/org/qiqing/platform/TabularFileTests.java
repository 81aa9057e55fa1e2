package org.qiqing.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TabularFileTests {

	private static final List<String> REQUIRED = List.of("code", "name");

	private static final List<String> OPTIONAL = List.of("phone");

	@Test
	void csvRowsAreKeyedByColumnAndNumberedAsInASpreadsheet() {
		List<TabularFile.Row> rows = read("rows.csv", "Name,CODE\nAcme,A1\n\n\"Beta, Ltd\",B2\n");
		assertThat(rows).extracting(TabularFile.Row::line).containsExactly(2, 4);
		assertThat(rows.get(1).text("name")).isEqualTo("Beta, Ltd");
		assertThat(rows.get(1).text("code")).isEqualTo("B2");
		assertThat(rows.get(1).text("phone")).isNull();
	}

	@Test
	void csvWithByteOrderMarkOrInGb18030IsRead() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = "code,name\nA1,嘉善\n".getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[bom.length + utf8.length];
		System.arraycopy(bom, 0, withBom, 0, bom.length);
		System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
		assertThat(read("bom.csv", withBom).get(0).text("code")).isEqualTo("A1");
		byte[] gbk = "code,name\nA1,嘉善县经济和信息化局\n".getBytes(Charset.forName("GB18030"));
		assertThat(read("gbk.csv", gbk).get(0).text("name")).isEqualTo("嘉善县经济和信息化局");
	}

	@Test
	void wrongHeaderRefusesTheWholeFile() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> read("x.csv", "code,nmae\nA1,Acme\n"))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("缺少：name").contains("无法识别：nmae"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> read("x.csv", ""))
			.satisfies(ex -> assertThat(ex.errors()).containsKey("file"));
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> read("x.txt", "code,name\n"))
			.satisfies(ex -> assertThat(ex.errors()).containsKey("file"));
	}

	@Test
	void xlsxRowsAreStreamedWithWholeNumbersAsTyped() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("code");
			sheet.getRow(0).createCell(1).setCellValue("name");
			sheet.getRow(0).createCell(2).setCellValue("phone");
			sheet.createRow(1).createCell(0).setCellValue("A1");
			sheet.getRow(1).createCell(2).setCellValue(330421001001d);
			sheet.createRow(3).createCell(0).setCellValue("B2");
			sheet.getRow(3).createCell(1).setCellValue("Beta");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			workbook.write(bytes);
			List<TabularFile.Row> rows = read("rows.XLSX", bytes.toByteArray());
			assertThat(rows).extracting(TabularFile.Row::line).containsExactly(2, 4);
			assertThat(rows.get(0).text("phone")).isEqualTo("330421001001");
			assertThat(rows.get(0).text("name")).isNull();
			assertThat(rows.get(1).text("name")).isEqualTo("Beta");
		}
	}

	@Test
	void garbageNamedXlsxIsRefusedAsUnreadable() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> read("x.xlsx", "code,name\n"))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("不是可读取的 .xlsx"));
	}

	@Test
	void sharedStringsThatUnpackBeyondTheLimitAreRefusedAsTooLarge() {
		// The file: shared strings that inflate some 40 times, below POI's own
		// ratio.
		byte[] workbook = Workbooks.withSharedStrings(70L * 1024 * 1024, false);
		assertThat(workbook.length).isLessThan(3 * 1024 * 1024);
		assertThatExceptionOfType(FileTooLarge.class).isThrownBy(() -> read("big.xlsx", workbook))
			.satisfies(
					ex -> assertThat(ex.errors().get("file")).contains("xl/sharedStrings.xml").contains("解压后超过 64 MB"));
	}

	@Test
	void aZipBombIsRefusedAsTooLargeRatherThanFailingAsAnError() {
		byte[] bomb = Workbooks.withSharedStrings(20L * 1024 * 1024, true);
		assertThat(bomb.length).isLessThan(200 * 1024);
		assertThatExceptionOfType(FileTooLarge.class).isThrownBy(() -> read("bomb.xlsx", bomb))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("超过自身大小的 100 倍"));
	}

	@Test
	void aWorkbookOfTooManyPartsOrTooLargeInAllIsRefused() {
		byte[] workbook = Workbooks.withSharedStrings(200 * 1024, false);
		XlsxLimits fewParts = new XlsxLimits(5, 1 << 20, 1 << 20, 1 << 20, 1 << 30, 100);
		assertThatExceptionOfType(FileTooLarge.class).isThrownBy(() -> read("parts.xlsx", workbook, fewParts))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("超过 5 个部件"));
		XlsxLimits littleInAll = new XlsxLimits(1000, 1 << 20, 1 << 20, 1 << 20, 100 * 1024, 100);
		assertThatExceptionOfType(FileTooLarge.class).isThrownBy(() -> read("all.xlsx", workbook, littleInAll))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("解压后超过 100 kB"));
	}

	@Test
	void sharedStringsWithinTheLimitsAreReadFromDisk() {
		List<TabularFile.Row> rows = read("ok.xlsx", Workbooks.withSharedStrings(2L * 1024 * 1024, false));
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.text("code")).isEqualTo("A1");
			assertThat(row.text("name")).isEqualTo("嘉善精密机械有限公司");
		});
	}

	@Test
	void aCellBeyondTheLastColumnOrNamingAMissingSharedTextIsRefused() {
		String header = """
				<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>""";
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> read("far.xlsx", Workbooks.withRows(header + """
				<row r="2"><c r="ZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>""")))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("XFD"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> read("missing.xlsx", Workbooks.withRows(header + """
					<row r="2"><c r="A2" t="s"><v>7</v></c></row>""")))
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("shared text"));
	}

	@Test
	void choiceAndListParseCells() {
		TabularFile.Row row = read("x.csv", "code,name\nhandler,\"a，b; c\"\n").get(0);
		assertThat(row.choice("code", Kind.class)).isEqualTo(Kind.HANDLER);
		assertThat(row.list("name")).containsExactly("a", "b", "c");
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> row.choice("name", Kind.class))
			.withMessageContaining("HANDLER, ADMIN");
	}

	enum Kind {

		HANDLER, ADMIN

	}

	private static List<TabularFile.Row> read(String filename, String content) {
		return read(filename, content.getBytes(StandardCharsets.UTF_8));
	}

	private static List<TabularFile.Row> read(String filename, byte[] content) {
		List<TabularFile.Row> rows = new ArrayList<>();
		TabularFile.read(filename, new ByteArrayInputStream(content), REQUIRED, OPTIONAL, rows::add);
		return rows;
	}

	private static List<TabularFile.Row> read(String filename, byte[] content, XlsxLimits limits) {
		List<TabularFile.Row> rows = new ArrayList<>();
		TabularFile.read(filename, new ByteArrayInputStream(content), REQUIRED, OPTIONAL, rows::add, limits);
		return rows;
	}

}
