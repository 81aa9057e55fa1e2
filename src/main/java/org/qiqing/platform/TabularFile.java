package org.qiqing.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an uploaded table, a {@code .csv} (UTF-8, or GB18030 as Excel saves
 * it on Chinese Windows) or the first sheet of an {@code .xlsx} (streamed, never loaded
 * as a workbook). The first row must name the columns; its names are matched without
 * regard to case or order, and a header that lacks a required column or names an unknown
 * one refuses the whole file. Blank rows are skipped.
 */
public final class TabularFile {

	private static final int SNIFF_BYTES = 64 * 1024;

	/** Excel's last column, XFD, counted from 0. */
	private static final int MAX_COLUMN = 16383;

	private TabularFile() {
	}

	/**
	 * A data row.
	 *
	 * @param line its number as a spreadsheet shows it: the header is line 1
	 */
	public record Row(int line, Map<String, String> cells) {

		/** The trimmed value of a column, or null when it is blank. */
		public String text(String column) {
			String value = this.cells.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}

		/** The value of a column, refused when blank. */
		public String required(String column) {
			String value = text(column);
			if (value == null) {
				throw new InvalidInput(column, Text.of("error.field.required", column));
			}
			return value;
		}

		/** The constant an upper-cased value names, or null when blank. */
		public <E extends Enum<E>> E choice(String column, Class<E> type) {
			String value = text(column);
			try {
				return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput(column, Text.of("error.field.oneOf", column, value,
						Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
			}
		}

		/** The value split at commas, semicolons or bars, Chinese ones included. */
		public List<String> list(String column) {
			String value = text(column);
			return value == null ? List.of()
					: Arrays.stream(value.split("[,;|，；、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

	}

	/**
	 * Reads the rows of a file, after checking its header.
	 * @param filename the uploaded name, whose extension tells the format
	 * @param required the columns the header must name
	 * @param optional the columns it may name besides
	 * @throws InvalidInput (field {@code file}) for an unknown format, an unreadable file
	 * or a wrong header
	 */
	public static void read(String filename, InputStream content, List<String> required, List<String> optional,
			Consumer<Row> rows) {
		read(filename, content, required, optional, rows, XlsxLimits.DEFAULT);
	}

	/**
	 * @throws FileTooLarge (field {@code file}) for an {@code .xlsx} that unpacks beyond
	 * the limits
	 */
	static void read(String filename, InputStream content, List<String> required, List<String> optional,
			Consumer<Row> rows, XlsxLimits limits) {
		Header header = new Header(required, optional);
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".csv")) {
				readCsv(content, header, rows);
			}
			else if (name.endsWith(".xlsx")) {
				readXlsx(content, header, rows, limits);
			}
			else {
				throw new InvalidInput("file", Text.of("error.file.tableType"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void readCsv(InputStream content, Header header, Consumer<Row> rows) throws IOException {
		BufferedInputStream bytes = new BufferedInputStream(BOMInputStream.builder().setInputStream(content).get(),
				SNIFF_BYTES);
		Reader reader = new InputStreamReader(bytes, charsetOf(bytes));
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
			for (CSVRecord record : parser) {
				header.accept((int) record.getRecordNumber(), record.toList(), rows);
			}
		}
		catch (CSVException malformed) {
			throw unreadableCsv(malformed);
		}
		catch (UncheckedIOException ex) {
			// The parser's iterator wraps what it finds malformed (a quote never closed).
			if (ex.getCause() instanceof CSVException malformed) {
				throw unreadableCsv(malformed);
			}
			throw ex;
		}
		header.requireSeen();
	}

	private static InvalidInput unreadableCsv(CSVException malformed) {
		return new InvalidInput("file", Text.of("error.file.csvUnreadable", malformed.getMessage()));
	}

	/** UTF-8 unless the first bytes are not UTF-8, then GB18030 (a superset of GBK). */
	private static Charset charsetOf(BufferedInputStream bytes) throws IOException {
		bytes.mark(SNIFF_BYTES);
		byte[] start = bytes.readNBytes(SNIFF_BYTES);
		bytes.reset();
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean whole = start.length < SNIFF_BYTES;
		boolean malformed = utf8.decode(ByteBuffer.wrap(start), CharBuffer.allocate(start.length), whole).isError();
		return malformed ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
	}

	/**
	 * Checks how far the workbook unpacks before POI opens it, then streams its first
	 * sheet with the shared strings on disk: memory holds a row, whatever the file.
	 */
	private static void readXlsx(InputStream content, Header header, Consumer<Row> rows, XlsxLimits limits)
			throws IOException {
		Path copy = Files.createTempFile("qiqing-import", ".xlsx");
		try {
			Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
			limits.check(copy);
			try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ);
					SpilledStrings strings = SpilledStrings.of(pkg)) {
				XSSFReader reader = new XSSFReader(pkg);
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
						new SheetRows(header, rows), new PlainNumbers(), false));
				try (InputStream sheet = reader.getSheetsData().next()) {
					parser.parse(new InputSource(sheet));
				}
			}
			catch (OpenXML4JException | POIXMLException | UnsupportedFileFormatException | SAXException
					| ParserConfigurationException | NoSuchElementException | IOException ex) {
				// IOException: a part that does not inflate, or that POI refuses itself.
				throw new InvalidInput("file", Text.of("error.file.xlsxUnreadable"));
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
		header.requireSeen();
	}

	/** Collects the cells of a sheet row by row; empty cells are not reported by POI. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Header header;

		private final Consumer<Row> rows;

		private final List<String> cells = new ArrayList<>();

		SheetRows(Header header, Consumer<Row> rows) {
			this.header = header;
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			if (column < 0 || column > MAX_COLUMN) {
				throw new InvalidInput("file", Text.of("error.file.xlsxColumn"));
			}
			while (this.cells.size() <= column) {
				this.cells.add("");
			}
			this.cells.set(column, value);
		}

		@Override
		public void endRow(int rowNum) {
			this.header.accept(rowNum + 1, this.cells, this.rows);
		}

	}

	/**
	 * Shows whole numbers as typed (a phone or region code in a number cell), never as
	 * {@code 3.30421E+11}.
	 */
	private static final class PlainNumbers extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if ((formatIndex == 0 || "General".equalsIgnoreCase(formatString)) && value == Math.rint(value)
					&& Math.abs(value) < 1e15) {
				return BigDecimal.valueOf(value).toBigInteger().toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

	/** Checks the first row, then hands on the others as rows keyed by column name. */
	private static final class Header {

		private final List<String> required;

		private final Set<String> known;

		private List<String> columns;

		Header(List<String> required, List<String> optional) {
			this.required = required;
			this.known = new LinkedHashSet<>(required);
			this.known.addAll(optional);
		}

		void accept(int line, List<String> values, Consumer<Row> rows) {
			if (this.columns == null) {
				check(values);
				return;
			}
			if (values.stream().allMatch(value -> value == null || value.isBlank())) {
				return;
			}
			Map<String, String> cells = new HashMap<>();
			for (int i = 0; i < this.columns.size() && i < values.size(); i++) {
				cells.put(this.columns.get(i), values.get(i));
			}
			rows.accept(new Row(line, cells));
		}

		private void check(List<String> names) {
			List<String> columns = names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
			List<String> missing = this.required.stream().filter(name -> !columns.contains(name)).toList();
			List<String> unknown = columns.stream()
				.filter(name -> !name.isEmpty() && !this.known.contains(name))
				.toList();
			boolean repeated = columns.stream().filter(name -> !name.isEmpty()).distinct().count() != columns.stream()
				.filter(name -> !name.isEmpty())
				.count();
			if (!missing.isEmpty() || !unknown.isEmpty() || repeated) {
				throw new InvalidInput("file", Text.of("error.file.columns", String.join(", ", this.known),
						String.join(", ", this.required),
						missing.isEmpty() ? "" : Text.of("error.file.columnsMissing", String.join(", ", missing)),
						unknown.isEmpty() ? "" : Text.of("error.file.columnsUnknown", String.join(", ", unknown)),
						repeated ? Text.of("error.file.columnTwice") : ""));
			}
			this.columns = columns;
		}

		void requireSeen() {
			if (this.columns == null) {
				throw new InvalidInput("file", Text.of("error.file.noHeader"));
			}
		}

	}

}
