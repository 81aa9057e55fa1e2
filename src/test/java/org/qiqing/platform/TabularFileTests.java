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
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("missing: name").contains("unknown: nmae"));
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
			.satisfies(ex -> assertThat(ex.errors().get("file")).contains("not a readable .xlsx"));
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

}
