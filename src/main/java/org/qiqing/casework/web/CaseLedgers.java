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
import org.qiqing.casework.TimeState;
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
		RegionNames regionNames = new RegionNames();
		Ledger
			.write(response.getOutputStream(), text("ledger.cases", locale), header(CASE_COLUMNS, locale),
					sink -> this.queries.each(actor, filter, Ledger.MAX_ROWS, line -> sink.row(line.number(),
							text("kind." + line.kind(), locale), stateName(line.kind(), line.state(), locale),
							text("priority." + line.priority(), locale), text("channel." + line.channel(), locale),
							line.title(), line.enterpriseName(), line.leadUnitName(), regionNames.of(line.regionCode()),
							timeName(line.state(), line.timeState(), locale), line.dueDate(), line.limitAt(),
							line.updatedAt())));
	}

	/**
	 * @throws org.springframework.security.access.AccessDeniedException for an
	 * enterprise's contact: the desk is the government's
	 */
	void writeDesk(WatchFilter filter, Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		SupervisionController.officialsOnly(actor);
		this.audit.record(actor, AuditAction.DATA_EXPORTED, "supervision", null, filter.toString());
		Ledger.prepare(response, text("ledger.supervision", locale) + "-" + LocalDate.now() + ".xlsx");
		RegionNames regionNames = new RegionNames();
		Ledger.write(response.getOutputStream(), text("ledger.supervision", locale), header(DESK_COLUMNS, locale),
				sink -> this.supervision.eachWatched(actor, filter, Ledger.MAX_ROWS,
						line -> sink.row(line.number(), text("kind." + line.kind(), locale),
								stateName(line.kind(), line.state(), locale), line.title(), line.enterpriseName(),
								line.leadUnitName() != null ? line.leadUnitName()
										: text("supervision.awaitingDispatch", locale),
								line.escalatedUnitName(), regionNames.of(line.regionCode()),
								text("time." + line.timeState(), locale), line.limitAt())));
	}

	private List<String> header(List<String> keys, Locale locale) {
		return keys.stream().map(key -> text(key, locale)).toList();
	}

	/** A state by the name its kind gives it, as the list shows it. */
	private String stateName(CaseKind kind, CaseState state, Locale locale) {
		String own = this.messages.getMessage("state." + kind + "." + state, null, null, locale);
		return own != null ? own : text("state." + state, locale);
	}

	/** Where an open case stands against its limit; a closed one has no time state. */
	private String timeName(CaseState state, TimeState time, Locale locale) {
		return time == null || state == CaseState.CLOSED ? null : text("time." + time, locale);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/** The names of the regions met in one ledger, each looked up once. */
	private final class RegionNames {

		private final Map<String, String> names = new HashMap<>();

		String of(String code) {
			return code == null ? null : this.names.computeIfAbsent(code,
					key -> CaseLedgers.this.regions.find(key).map(Region::name).orElse(key));
		}

	}

}
