package org.qiqing.assessment.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.qiqing.assessment.AssessmentResults;
import org.qiqing.assessment.Formula;
import org.qiqing.assessment.Indicator;
import org.qiqing.assessment.LeagueWords;
import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A month's results as .xlsx, streamed (SXSSF keeps a window of rows; the rows come from
 * the database one at a time): the regions and units the reader may see, with the
 * formula's version and the month's hash in every row.
 */
@Component
class AssessmentExport {

	private static final int WINDOW = 200;

	private static final List<String> COLUMNS = List.of("assessment.column.subject", "assessment.column.name",
			"assessment.column.league", "assessment.column.rank", "assessment.column.movement",
			"assessment.column.score", "assessment.column.indicatorPoints", "assessment.column.deductionPoints");

	private final AssessmentResults results;

	private final MessageSource messages;

	AssessmentExport(AssessmentResults results, MessageSource messages) {
		this.results = results;
		this.messages = messages;
	}

	void write(Actor actor, YearMonth month, Formula formula, String hash, Locale locale, OutputStream out) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			Sheet sheet = workbook.createSheet(month.toString());
			Row header = sheet.createRow(0);
			int h = 0;
			for (String column : COLUMNS) {
				header.createCell(h++).setCellValue(text(column, locale));
			}
			for (Indicator indicator : Indicator.values()) {
				header.createCell(h++).setCellValue(text(indicator.messageKey(), locale));
			}
			header.createCell(h++).setCellValue(text("assessment.column.figures", locale));
			header.createCell(h++).setCellValue(text("assessment.column.adjusted", locale));
			header.createCell(h++).setCellValue(text("assessment.column.formula", locale));
			header.createCell(h).setCellValue(text("assessment.column.hash", locale));
			int[] next = { 1 };
			this.results.eachLine(actor, month, line -> {
				Row row = sheet.createRow(next[0]++);
				int c = 0;
				row.createCell(c++).setCellValue(text("assessment.subject." + line.subject().name(), locale));
				row.createCell(c++).setCellValue(line.name());
				row.createCell(c++).setCellValue(LeagueWords.of(line, this.messages, locale));
				row.createCell(c++).setCellValue(line.rank() + "/" + line.leagueSize());
				row.createCell(c++).setCellValue(line.movementMark());
				row.createCell(c++).setCellValue(line.score().doubleValue());
				row.createCell(c++).setCellValue(line.indicatorPoints().doubleValue());
				row.createCell(c++).setCellValue(line.deductionPoints().doubleValue());
				java.util.Map<String, Long> all = new java.util.TreeMap<>(line.figures());
				line.adjusted().forEach((m, n) -> all.merge(m, n, Long::sum));
				for (Indicator indicator : Indicator.values()) {
					long[] share = indicator.shareOf(all);
					if (share == null) {
						row.createCell(c++).setCellValue("");
					}
					else {
						row.createCell(c++).setCellValue((double) share[0] / share[1]);
					}
				}
				row.createCell(c++).setCellValue(org.qiqing.assessment.Snapshot.text(line.figures()));
				row.createCell(c++).setCellValue(org.qiqing.assessment.Snapshot.text(line.adjusted()));
				row.createCell(c++).setCellValue("v" + formula.version());
				row.createCell(c).setCellValue(hash);
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
			catch (IOException ignored) {
				// the response is written or failed already
			}
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
