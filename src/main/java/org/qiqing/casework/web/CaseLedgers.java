package org.qiqing.casework.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.casework.CaseFilter;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.SupervisionQueries;
import org.qiqing.casework.SupervisionQueries.WatchFilter;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.Ledger;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ledgers (台账) of the case list and the supervision desk: what the list shows under
 * the same filters, every row rather than a page, as an .xlsx streamed from a cursor (see
 * {@link Ledger}). A filter that names nothing is refused before the first byte, as the
 * list refuses it. Every export is written to the audit log: a ledger carries
 * enterprises' names out of the platform. Served as the pages' downloads by
 * {@link CaseLedgerController} and in the API by {@link CaseLedgerApiController}, which
 * differ in how they refuse.
 */
@Component
class CaseLedgers {

	private static final List<String> CASE_COLUMNS = List.of("col.number", "col.kind", "col.state", "col.priority",
			"col.channel", "col.title", "col.enterprise", "col.unit", "col.region", "col.time", "col.due",
			"col.limitAt", "col.updated");

	private static final List<String> DESK_COLUMNS = List.of("col.number", "col.kind", "col.state", "col.title",
			"col.enterprise", "col.unit", "col.escalatedTo", "col.region", "col.time", "col.limitAt");

	private final CaseQueries queries;

	private final SupervisionQueries supervision;

	private final CaseListParams params;

	private final Regions regions;

	private final AuditLog audit;

	private final MessageSource messages;

	CaseLedgers(CaseQueries queries, SupervisionQueries supervision, CaseListParams params, Regions regions,
			AuditLog audit, MessageSource messages) {
		this.queries = queries;
		this.supervision = supervision;
		this.params = params;
		this.regions = regions;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * @throws org.qiqing.platform.InvalidInput naming each filter that names nothing,
	 * before anything is written
	 */
	void writeCases(CaseListParams.Raw raw, Actor actor, Locale locale, HttpServletResponse response)
			throws IOException {
		CaseFilter filter = this.params.filter(raw, actor);
		// The filters, but not the text searched: the audit log is read across the
		// jurisdiction, and a text may name what only its writer's cases hold.
		Map<String, String> filters = raw.given();
		filters.computeIfPresent("q", (name, text) -> "…");
		this.audit.record(actor, AuditAction.DATA_EXPORTED, "cases", null, filters.toString());
		Ledger.prepare(response, text("ledger.cases", locale) + "-" + LocalDate.now() + ".xlsx");
		Words words = new Words(locale);
		Ledger.write(response.getOutputStream(), text("ledger.cases", locale), header(CASE_COLUMNS, locale),
				sink -> this.queries.each(actor, filter, Ledger.MAX_ROWS,
						line -> sink.row(line.number(), words.of("kind." + line.kind()),
								words.state(line.kind(), line.state()), words.of("priority." + line.priority()),
								words.of("channel." + line.channel()), line.title(), line.enterpriseName(),
								line.leadUnitName(), words.region(line.regionCode()),
								line.timeState() == null || line.state() == CaseState.CLOSED ? null
										: words.of("time." + line.timeState()),
								line.dueDate(), line.limitAt(), line.updatedAt())));
	}

	/**
	 * @throws org.springframework.security.access.AccessDeniedException for an
	 * enterprise's contact: the desk is the government's
	 */
	void writeDesk(WatchFilter filter, Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		SupervisionController.officialsOnly(actor);
		this.audit.record(actor, AuditAction.DATA_EXPORTED, "supervision", null, filter.toString());
		Ledger.prepare(response, text("ledger.supervision", locale) + "-" + LocalDate.now() + ".xlsx");
		Words words = new Words(locale);
		Ledger.write(response.getOutputStream(), text("ledger.supervision", locale), header(DESK_COLUMNS, locale),
				sink -> this.supervision.eachWatched(actor, filter, Ledger.MAX_ROWS,
						line -> sink.row(line.number(), words.of("kind." + line.kind()),
								words.state(line.kind(), line.state()), line.title(), line.enterpriseName(),
								line.leadUnitName() != null ? line.leadUnitName()
										: words.of("supervision.awaitingDispatch"),
								line.escalatedUnitName(), words.region(line.regionCode()),
								words.of("time." + line.timeState()), line.limitAt())));
	}

	private List<String> header(List<String> keys, Locale locale) {
		return keys.stream().map(key -> text(key, locale)).toList();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/**
	 * The words of one ledger, each looked up once: a ledger repeats a few dozen names of
	 * kinds, states and regions over a hundred thousand rows.
	 */
	private final class Words {

		private final Locale locale;

		private final Map<String, String> words = new HashMap<>();

		Words(Locale locale) {
			this.locale = locale;
		}

		String of(String key) {
			return this.words.computeIfAbsent(key, k -> text(k, this.locale));
		}

		/** A state by the name its kind gives it, as the list shows it. */
		String state(CaseKind kind, CaseState state) {
			return this.words.computeIfAbsent("state." + kind + "." + state, k -> CaseLedgers.this.messages
				.getMessage(k, null, text("state." + state, this.locale), this.locale));
		}

		String region(String code) {
			return code == null ? null : this.words.computeIfAbsent("region:" + code,
					k -> CaseLedgers.this.regions.find(code).map(Region::name).orElse(code));
		}

	}

}
