import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the files of the import benchmark: ROWS enterprises with valid, distinct credit codes,
 * spread over the towns of the demonstration, as {@code enterprises.csv} and as
 * {@code enterprises.xlsx} (one sheet, text in a shared-strings table as Excel saves it); then
 * {@code visits.csv}, one past visit of each of them by one of the officials {@code bench.visitor.0}
 * to {@code 9} over the last 300 days, and {@code links.csv}, each of them linked to one of those
 * officials. Plain Java 17, no library, so that the files do not depend on the reader under test.
 *
 * java bench/ImportFiles.java DIR ROWS [SERIAL_OFFSET]
 */
public class ImportFiles {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** The towns of the demonstration (Jiaxing.java). */
	static final List<String> TOWNS = List.of("330402001", "330402002", "330402100", "330411001", "330411100",
			"330411101", "330421001", "330421002", "330421100", "330421101", "330424001", "330424100", "330424101",
			"330481001", "330481100", "330481101", "330482001", "330482100", "330482101", "330483001", "330483100",
			"330483101");

	static final List<String> HEADER = List.of("credit_code", "name", "region_code", "industry", "address", "scale",
			"contact_name", "contact_phone", "tags");

	static final String[] INDUSTRIES = { "制造业", "批发和零售业", "信息技术服务业", "建筑业", "交通运输业" };

	static final String[] SCALES = { "LARGE", "MEDIUM", "SMALL", "MICRO" };

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		int rows = Integer.parseInt(args[1]);
		int offset = args.length > 2 ? Integer.parseInt(args[2]) : 0;
		Files.createDirectories(dir);
		writeCsv(dir.resolve("enterprises.csv"), String.join(",", HEADER), rows, offset, ImportFiles::row);
		writeXlsx(dir.resolve("enterprises.xlsx"), rows, offset);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		writeCsv(dir.resolve("visits.csv"), "credit_code,visitor,visited_on,met,notes", rows, offset,
				n -> List.of(code(n), visitor(n), today.minusDays(1 + n % 300).toString(), "总经理",
						"了解生产经营情况，第" + n + "次走访记录"));
		writeCsv(dir.resolve("links.csv"), "credit_code,username,frequency,starts_on", rows, offset,
				n -> List.of(code(n), visitor(n), n % 2 == 0 ? "MONTHLY" : "QUARTERLY", today.withDayOfMonth(1).toString()));
	}

	static String code(int n) {
		return creditCode(TOWNS.get(n % TOWNS.size()), n);
	}

	static String visitor(int n) {
		return "bench.visitor." + n % 10;
	}

	static void writeCsv(Path file, String header, int rows, int offset, IntFunction<List<String>> row)
			throws IOException {
		try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
				1 << 16)) {
			out.write(header + "\n");
			for (int n = offset + 1; n <= offset + rows; n++) {
				out.write(String.join(",", row.apply(n)) + "\n");
			}
		}
	}

	static String creditCode(String town, int serial) {
		String first17 = "91" + town.substring(0, 6) + String.format("%09d", serial);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
	}

	static List<String> row(int n) {
		String town = TOWNS.get(n % TOWNS.size());
		return List.of(code(n), "嘉兴导入测试" + n + "有限公司", town, INDUSTRIES[n % INDUSTRIES.length],
				"嘉兴市工业路" + n + "号", SCALES[n % SCALES.length], "联系人" + (n % 1000),
				String.valueOf(13800000000L + n), n % 3 == 0 ? "规上企业" : "");
	}

	static void writeXlsx(Path file, int rows, int offset) throws IOException {
		Map<String, Integer> strings = new LinkedHashMap<>();
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
					</Types>""");
			entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
					</Relationships>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			Writer sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
			sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
			sheetRow(sheet, 1, HEADER, strings);
			for (int n = offset + 1; n <= offset + rows; n++) {
				sheetRow(sheet, n - offset + 1, row(n), strings);
			}
			sheet.write("</sheetData></worksheet>");
			sheet.flush();
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			Writer sst = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
			sst.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\""
					+ strings.size() + "\">");
			for (String text : strings.keySet()) {
				sst.write("<si><t>" + text + "</t></si>");
			}
			sst.write("</sst>");
			sst.flush();
			zip.closeEntry();
		}
	}

	/** Codes and phone numbers as text (as an 18-character code must be); the rest shared too. */
	static void sheetRow(Writer sheet, int line, List<String> cells, Map<String, Integer> strings) throws IOException {
		sheet.write("<row r=\"" + line + "\">");
		for (int i = 0; i < cells.size(); i++) {
			if (cells.get(i).isEmpty()) {
				continue;
			}
			int index = strings.computeIfAbsent(cells.get(i), text -> strings.size());
			sheet.write("<c r=\"" + (char) ('A' + i) + line + "\" t=\"s\"><v>" + index + "</v></c>");
		}
		sheet.write("</row>");
	}

	static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(xml.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
