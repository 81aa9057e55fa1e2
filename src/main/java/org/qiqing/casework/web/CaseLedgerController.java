package org.qiqing.casework.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.SupervisionQueries.Supervised;
import org.qiqing.casework.SupervisionQueries.WatchFilter;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledgers as downloads of the pages (the link beside the list and the desk): a filter
 * that names nothing gets the readable error page. The API's are
 * {@link CaseLedgerApiController}.
 */
@Controller
class CaseLedgerController {

	private final CaseLedgers ledgers;

	CaseLedgerController(CaseLedgers ledgers) {
		this.ledgers = ledgers;
	}

	@GetMapping("/cases/export")
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

	@GetMapping("/supervision/export")
	void exportDesk(@RequestParam(required = false) Long unit, @RequestParam(required = false) TimeState time,
			@RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Supervised supervised,
			@RequestParam(required = false) Long category, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		this.ledgers.writeDesk(new WatchFilter(unit, time, kind, supervised, category), actor, locale, response);
	}

}
