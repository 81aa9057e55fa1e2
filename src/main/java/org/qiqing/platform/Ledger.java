package org.qiqing.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A ledger (台账): a list written to an .xlsx as it is read, in constant memory. SXSSF
 * keeps only a window of rows in memory and flushes the rest to a temporary file, and the
 * rows come one at a time from the caller (a database cursor), so a province's cases cost
 * the same heap as a town's. Cells are text or whole numbers; times are written in
 * China's time as people read them, not as Excel serials, so that a ledger reads the same
 * in any spreadsheet.
 */
public final class Ledger {

	/** One row fewer than a sheet holds (1,048,576 with the header). */
	public static final int MAX_ROWS = 1_048_575;

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final int WINDOW = 200;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private Ledger() {
	}

	/**
	 * Sets the headers of an .xlsx download named {@code filename} (RFC 6266 encoding, so
	 * a Chinese name survives).
	 */
	public static void prepare(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

	/**
	 * Writes one sheet: the header, then each row the {@code rows} callback hands to its
	 * sink, until it returns or the sheet is full.
	 * @return the rows written, without the header
	 */
	public static int write(OutputStream out, String sheetName, List<String> header, Consumer<Sink> rows) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			Sheet sheet = workbook.createSheet(sheetName);
			Row top = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				top.createCell(i).setCellValue(header.get(i));
			}
			Sink sink = new Sink(sheet);
			rows.accept(sink);
			workbook.write(out);
			return sink.written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// Only the temporary files were to be closed, and dispose() removed them.
			}
		}
	}

	/** Where the rows of a sheet go, one {@link #row} at a time. */
	public static final class Sink {

		private final Sheet sheet;

		private int written;

		private Sink(Sheet sheet) {
			this.sheet = sheet;
		}

		/** Whether the sheet still has room for a row. */
		public boolean hasRoom() {
			return this.written < MAX_ROWS;
		}

		/**
		 * A row of cells: a {@code Number} as a number, an {@link Instant} in China's
		 * time to the minute, null as an empty cell, anything else as its text. A row
		 * past the sheet's room is dropped.
		 */
		public void row(Object... cells) {
			if (!hasRoom()) {
				return;
			}
			Row row = this.sheet.createRow(++this.written);
			for (int i = 0; i < cells.length; i++) {
				Object cell = cells[i];
				if (cell == null) {
					continue;
				}
				if (cell instanceof Number number) {
					row.createCell(i).setCellValue(number.doubleValue());
				}
				else if (cell instanceof Instant instant) {
					row.createCell(i).setCellValue(MINUTES.format(instant));
				}
				else if (cell instanceof LocalDate date) {
					row.createCell(i).setCellValue(date.toString());
				}
				else {
					row.createCell(i).setCellValue(cell.toString());
				}
			}
		}

	}

}
