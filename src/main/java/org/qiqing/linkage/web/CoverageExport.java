package org.qiqing.linkage.web;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.qiqing.linkage.Coverage;
import org.qiqing.linkage.CoveragePeriod;
import org.qiqing.linkage.CoverageReport.Focus;
import org.qiqing.linkage.CoverageReport.Show;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Ledger;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the links of a coverage to an .xlsx, streamed ({@link Ledger}): the rows come
 * from the database one at a time, so a city's links cost the same memory as a town's.
 */
@Component
class CoverageExport {

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
		Ledger.write(out, period.key(), COLUMNS.stream().map(key -> text(key, locale)).toList(),
				sink -> this.coverage.eachLink(focus, period, show, actor,
						link -> sink.row(link.creditCode(), link.enterpriseName(), link.regionName(), link.holderName(),
								link.unitName(), text("frequency." + link.frequency().name(), locale), link.dueFrom(),
								link.dueTo(), link.dueWindows(), link.visitedWindows(), link.periodVisits(),
								link.lastVisit(), text("coverage.state." + link.state().name(), locale))));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
