package org.qiqing.casework.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.SupervisionQueries.Supervised;
import org.qiqing.casework.SupervisionQueries.WatchFilter;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledgers in the API ({@link CaseLedgers}): a filter that names nothing is a 400
 * problem, before any byte of a file.
 */
@RestController
class CaseLedgerApiController {

	private final CaseLedgers ledgers;

	CaseLedgerApiController(CaseLedgers ledgers) {
		this.ledgers = ledgers;
	}

	@Operation(summary = "The cases the list's filters admit, every row, as an Excel ledger",
			description = "The same parameters as GET /api/v1/cases, without page and size; one sheet, at most 1,048,575 rows.")
	@GetMapping("/api/v1/cases/export")
	void exportCases(@RequestParam(required = false) String state, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String category, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String time,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		this.ledgers.writeCases(
				new CaseListParams.Raw(state, unit, category, kind, channel, time, from, to, region, q, sort), actor,
				locale, response);
	}

	@Operation(summary = "The supervision desk's yellow and red cases under its filters, every row, as an Excel ledger")
	@GetMapping("/api/v1/supervision/export")
	void exportDesk(@RequestParam(required = false) Long unit, @RequestParam(required = false) TimeState time,
			@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Supervised supervised,
			@RequestParam(required = false) Long category, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		this.ledgers.writeDesk(new WatchFilter(unit, time, kind, supervised, category), actor, locale, response);
	}

}
