package org.qiqing.documents;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qiqing.casework.Case;
import org.qiqing.casework.CaseHistory;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseSupervised;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;
import org.qiqing.casework.SupervisionOrders;
import org.qiqing.documents.OfficialDocument.Block;
import org.qiqing.documents.OfficialDocument.Heading;
import org.qiqing.documents.OfficialDocument.Paragraph;
import org.qiqing.documents.OfficialDocument.Table;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Offices;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of supervision steps: each urging (催办通知书), supervision order (督办单) and
 * written criticism (书面通报) gets its official number in the step's own transaction (a
 * synchronous listener of {@link CaseSupervised}), so a step and its number commit or
 * roll back together; printed on demand with the case's facts and its history up to the
 * step. Who may see the case may read its documents, except an enterprise contact, who
 * sees none of the supervision (404 for the rest, as for the case).
 */
@Service
@Transactional(readOnly = true)
public class CaseDocuments {

	private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A document issued on a case, as the lists show it. */
	public record Issued(long caseId, int seq, CaseDocumentKind kind, String number, long issuerUnitId,
			String issuerName, Long unitId, CaseState caseState, LocalDate dueDate, Instant issuedAt) {

		/** Where the page serves it. */
		public String link() {
			return "/cases/" + this.caseId + "/documents/" + this.seq + ".pdf";
		}

	}

	/** A document printed: its file name and its PDF. */
	public record Printed(String filename, byte[] pdf) {
	}

	private static final String SELECT = """
			select d.case_id as caseId, d.event_seq as seq, d.kind, d.number, d.issuer_unit_id as issuerUnitId,
			       '' as issuerName, d.unit_id as unitId, d.case_state as caseState, d.due_date as dueDate,
			       d.issued_at as issuedAt
			from case_document d""";

	private final JdbcClient jdbc;

	private final DocumentNumbers numbers;

	private final DocumentRenderer renderer;

	private final CaseManagement cases;

	private final Categories categories;

	private final EnterpriseDirectory enterprises;

	private final Regions regions;

	private final Units units;

	private final Offices offices;

	CaseDocuments(JdbcClient jdbc, DocumentNumbers numbers, DocumentRenderer renderer, CaseManagement cases,
			Categories categories, EnterpriseDirectory enterprises, Regions regions, Units units, Offices offices) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.renderer = renderer;
		this.cases = cases;
		this.categories = categories;
		this.enterprises = enterprises;
		this.regions = regions;
		this.units = units;
		this.offices = offices;
	}

	/**
	 * Numbers the document of a supervision step, in the step's transaction. Its issuer
	 * is the supervisor's unit; for the platform's own steps (a timer's order) the
	 * supervision office nearest the case's region, else its service centre.
	 */
	@EventListener
	@Transactional
	void on(CaseSupervised step) {
		CaseDocumentKind kind = CaseDocumentKind.of(step.action()).orElse(null);
		if (kind == null) {
			return;
		}
		Long issuer = step.issuerUnitId() != null ? step.issuerUnitId()
				: this.offices.nearest(step.regionCode(), UnitKind.SUPERVISION_OFFICE, UnitKind.SERVICE_CENTRE)
					.map(Unit::getId)
					.orElse(null);
		if (issuer == null) {
			log.warn("{} of case {} has no issuing unit: no supervision office or service centre serves region {}",
					kind, step.number(), step.regionCode());
			return;
		}
		DocumentNumber number = this.numbers.allocate(issuer, kind.name(),
				LocalDate.ofInstant(step.at(), CHINA).getYear());
		this.jdbc.sql("""
				insert into case_document (case_id, event_seq, kind, issuer_unit_id, unit_id, doc_year, serial, number,
				                           case_state, due_date, issued_at)
				values (:caseId, :seq, :kind, :issuer, :unit, :year, :serial, :number, :state, :due, :at)""")
			.param("caseId", step.caseId())
			.param("seq", step.seq())
			.param("kind", kind.name())
			.param("issuer", issuer)
			.param("unit", step.unitId())
			.param("year", number.year())
			.param("serial", number.serial())
			.param("number", number.text())
			.param("state", step.state().name())
			.param("due", step.dueDate())
			.param("at", Timestamp.from(step.at()))
			.update();
	}

	/** The documents of a case the actor may see, in the order they were issued. */
	public List<Issued> of(long caseId, Actor actor) {
		Case kase = readable(caseId, actor);
		return this.jdbc.sql(SELECT + " where d.case_id = :caseId order by d.event_seq")
			.param("caseId", kase.getId())
			.query(Rows.of(Issued.class))
			.list()
			.stream()
			.map(this::named)
			.toList();
	}

	/** The document of a case's step, with everything it prints. */
	public OfficialDocument document(long caseId, int seq, Actor actor) {
		Case kase = readable(caseId, actor);
		Issued issued = issued(kase.getId(), seq)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.document"), seq)));
		// A document is Chinese whoever prints it, the timers' notes in it too.
		List<CaseHistory.Entry> history = this.cases.timeline(caseId, actor, Locale.SIMPLIFIED_CHINESE)
			.stream()
			.filter(entry -> entry.seq() <= seq)
			.sorted(Comparator.comparingInt(CaseHistory.Entry::seq))
			.toList();
		CaseHistory.Entry step = history.stream()
			.filter(entry -> entry.seq() == seq)
			.findFirst()
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.document"), seq)));
		return compose(kase, issued, step, history, actor);
	}

	/** The document of a case's step as a PDF. */
	public Printed print(long caseId, int seq, Actor actor) {
		OfficialDocument document = document(caseId, seq, actor);
		return new Printed(document.number() + ".pdf", this.renderer.render(document));
	}

	private Case readable(long caseId, Actor actor) {
		Case kase = this.cases.find(caseId, actor);
		if (actor.isEnterpriseContact()) {
			// The supervision of a case is internal: its enterprise sees none of it.
			throw new NotFound(Text.of("error.record.notFound", Text.of("record.case"), caseId));
		}
		return kase;
	}

	private Optional<Issued> issued(long caseId, int seq) {
		return this.jdbc.sql(SELECT + " where d.case_id = :caseId and d.event_seq = :seq")
			.param("caseId", caseId)
			.param("seq", seq)
			.query(Rows.of(Issued.class))
			.optional()
			.map(this::named);
	}

	private Issued named(Issued issued) {
		return new Issued(issued.caseId(), issued.seq(), issued.kind(), issued.number(), issued.issuerUnitId(),
				unitName(issued.issuerUnitId()), issued.unitId(), issued.caseState(), issued.dueDate(),
				issued.issuedAt());
	}

	private OfficialDocument compose(Case kase, Issued issued, CaseHistory.Entry step, List<CaseHistory.Entry> history,
			Actor actor) {
		CaseDocumentKind kind = issued.kind();
		String unit = issued.unitId() == null ? null : unitName(issued.unitId());
		List<Block> body = new ArrayList<>();
		String note = step.note() == null ? "" : step.note().strip();
		body.add(new Paragraph(text("document.lead." + kind.name(), kase.getTitle(), kase.getNumber(), note)));
		body.add(new Paragraph(switch (kind) {
			case SUPERVISION_ORDER -> replyDue(kase, step, actor)
				.map(due -> text("document.reply.SUPERVISION_ORDER", MINUTE.format(due.atZone(CHINA))))
				.orElse(text("document.reply.URGING_NOTICE"));
			case URGING_NOTICE -> text("document.reply.URGING_NOTICE");
			case WRITTEN_CRITICISM -> text("document.reply.WRITTEN_CRITICISM");
		}));
		body.add(new Heading(text("document.facts")));
		List<List<String>> facts = new ArrayList<>();
		facts.add(List.of(text("document.fact.number"), kase.getNumber()));
		facts.add(List.of(text("document.fact.kind"), text("kind." + kase.getKind().name())));
		if (kase.getEnterpriseId() != null) {
			facts.add(List.of(text("document.fact.enterprise"),
					this.enterprises.findVisible(kase.getEnterpriseId(), actor).map(Enterprise::getName).orElse("")));
		}
		facts.add(List.of(text("document.fact.title"), kase.getTitle()));
		facts.add(List.of(text("document.fact.category"),
				this.categories.find(kase.getCategoryId()).map(Category::name).orElse("")));
		facts.add(List.of(text("document.fact.region"),
				this.regions.find(kase.getRegionCode()).map(Region::name).orElse(kase.getRegionCode())));
		facts.add(List.of(text("document.fact.filed"), MINUTE.format(kase.getCreatedAt().atZone(CHINA))));
		if (unit != null) {
			facts.add(List.of(text("document.fact.unit"), unit));
		}
		if (issued.dueDate() != null) {
			facts.add(List.of(text("document.fact.due"), issued.dueDate().toString()));
		}
		facts.add(List.of(text("document.fact.state"), state(kase.getKind(), issued.caseState())));
		facts.add(List.of(text("document.fact.description"), kase.getDescription()));
		body.add(Table.ofFacts(facts));
		body.add(new Heading(text("document.history")));
		List<List<String>> rows = new ArrayList<>();
		for (CaseHistory.Entry entry : history) {
			String who = entry.unitName() == null ? entry.actorName() : entry.actorName() + " · " + entry.unitName();
			rows.add(java.util.Arrays.asList(MINUTE.format(entry.at().atZone(CHINA)),
					action(kase.getKind(), entry.action().name()), who, entry.note()));
		}
		body.add(new Table(List.of(text("document.col.time"), text("document.col.step"), text("document.col.who"),
				text("document.col.note")), rows, List.of(5, 4, 5, 9)));
		return new OfficialDocument(issued.issuerName(), issued.number(), text("document.title." + kind.name()), unit,
				body, LocalDate.ofInstant(issued.issuedAt(), CHINA));
	}

	/** The reply date of the supervision order the step issued. */
	private Optional<Instant> replyDue(Case kase, CaseHistory.Entry step, Actor actor) {
		return this.cases.orders(kase.getId(), actor)
			.stream()
			.filter(order -> Duration.between(order.issuedAt(), step.at()).abs().compareTo(Duration.ofSeconds(1)) < 0)
			.map(SupervisionOrders.Order::replyDueAt)
			.findFirst();
	}

	private String unitName(long unitId) {
		return this.units.findById(unitId).map(Unit::getName).orElse(Long.toString(unitId));
	}

	private static String action(CaseKind kind, String action) {
		return specific("action." + kind.name() + "." + action, "action." + action);
	}

	private static String state(CaseKind kind, CaseState state) {
		return specific("state." + kind.name() + "." + state.name(), "state." + state.name());
	}

	/** The text of a kind's own key, else of the general one. */
	private static String specific(String key, String general) {
		String text = text(key);
		return text.equals(key) ? text(general) : text;
	}

	private static String text(String key, Object... args) {
		return Texts.resolve(Text.of(key, args), Locale.SIMPLIFIED_CHINESE);
	}

}
