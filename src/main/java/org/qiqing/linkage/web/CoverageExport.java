package org.qiqing.linkage.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoveragePeriod;
import org.qiqing.linkage.CoverageReport.Focus;
import org.qiqing.linkage.CoverageReport.Show;
import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the links of a coverage to an .xlsx, streamed: SXSSF keeps only a window of rows
 * in memory and the rows come from the database one at a time, so a city's links cost the
 * same memory as a town's.
 */
@Component
class CoverageExport {

	private static final int WINDOW = 200;

	private static final List<String> COLUMNS = List.of("col.creditCode", "col.name", "col.region",
			"coverage.col.holder", "coverage.col.unit", "coverage.col.frequency", "coverage.col.dueFrom",
			"coverage.col.dueTo", "coverage.col.windows", "coverage.col.visitedWindows", "coverage.col.periodVisits",
			"coverage.col.lastVisit", "coverage.col.state");

	private final Coverage coverage;

	private final MessageSource messages;

	CoverageExport(Coverage coverage, MessageSource messages) {
		this.coverage = coverage;
		this.messages = messages;
	}

	void write(Focus focus, CoveragePeriod period, Show show, Actor actor, Locale locale, OutputStream out) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			Sheet sheet = workbook.createSheet(period.key());
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(text(COLUMNS.get(i), locale));
			}
			int[] next = { 1 };
			this.coverage.eachLink(focus, period, show, actor, link -> {
				Row row = sheet.createRow(next[0]++);
				int c = 0;
				row.createCell(c++).setCellValue(link.creditCode());
				row.createCell(c++).setCellValue(link.enterpriseName());
				row.createCell(c++).setCellValue(link.regionName());
				row.createCell(c++).setCellValue(link.holderName());
				row.createCell(c++).setCellValue(link.unitName() == null ? "" : link.unitName());
				row.createCell(c++).setCellValue(text("frequency." + link.frequency().name(), locale));
				row.createCell(c++).setCellValue(link.dueFrom().toString());
				row.createCell(c++).setCellValue(link.dueTo().toString());
				row.createCell(c++).setCellValue(link.dueWindows());
				row.createCell(c++).setCellValue(link.visitedWindows());
				row.createCell(c++).setCellValue(link.periodVisits());
				Cell last = row.createCell(c++);
				last.setCellValue(link.lastVisit() == null ? "" : link.lastVisit().toString());
				row.createCell(c).setCellValue(text("coverage.state." + link.state().name(), locale));
			});
			workbook.write(out);
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

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
