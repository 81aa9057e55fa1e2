package org.qiqing.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small .xlsx files written part by part, as Excel lays them out, among them zip bombs
 * made on the spot (nothing large is kept in the repository): a sheet whose header row
 * names {@code code,name} and a row {@code A1,<the first shared text>}, with a
 * shared-strings table as large as asked.
 */
public final class Workbooks {

	private Workbooks() {
	}

	/** A readable workbook of the header and one row. */
	public static byte[] small() {
		return withSharedStrings(0, true);
	}

	/**
	 * A workbook whose shared strings unpack to about {@code bytes} more: one text
	 * repeated (it inflates more than a thousand times), or texts with a serial number in
	 * each, so that it inflates some 40 times, below POI's zip-bomb ratio of 100.
	 */
	public static byte[] withSharedStrings(long bytes, boolean repeated) {
		return of(ROWS, bytes, repeated);
	}

	/** A workbook of these rows ({@code <row>} elements) and one shared text. */
	public static byte[] withRows(String rows) {
		return of(rows, 0, true);
	}

	private static final String ROWS = """
			<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>\
			<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="s"><v>0</v></c></row>""";

	private static byte[] of(String rows, long bytes, boolean repeated) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
							<Default Extension="xml" ContentType="application/xml"/>\
							<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
							<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
							<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
							</Types>""");
			entry(zip, "_rels/.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
							</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="rows" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
							<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
							</Relationships>""");
			entry(zip, "xl/worksheets/sheet1.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
					%s</sheetData></worksheet>""".formatted(rows));
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>嘉善精密机械有限公司</t></si>");
			String padding = "x".repeat(400);
			for (long written = 0, n = 0; written < bytes; n++) {
				String text = "<si><t>" + (repeated ? "" : Long.toString(n * 7919 % 1_000_003)) + padding + "</t></si>";
				write(zip, text);
				written += text.length();
			}
			write(zip, "</sst>");
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		write(zip, xml);
		zip.closeEntry();
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
	}

}
