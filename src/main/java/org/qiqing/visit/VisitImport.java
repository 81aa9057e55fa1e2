package org.qiqing.visit;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.enterprise.CreditCode;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.ChunkedImport;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.ChunkedImport.Line;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.TabularFile;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports visits made before the platform (paper ledgers, another system) from a table
 * with the columns {@code credit_code, visitor, visited_on} and optionally
 * {@code companions, met, notes, client_key}, a chunk at a time ({@link ChunkedImport}).
 * The enterprise must lie in the importer's jurisdiction and the visitor (a login) be an
 * official of a unit in it; no case is raised. A row without a client key gets one from
 * its content, so importing the same file again stores nothing twice.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
public class VisitImport {

	public static final List<String> REQUIRED = List.of("credit_code", "visitor", "visited_on");

	public static final List<String> OPTIONAL = List.of("companions", "met", "notes", "client_key");

	private static final String INSERT = """
			insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on, companions, met,
			    notes, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final int[] TYPES = { Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
			Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE };

	record Row(String creditCode, String visitor, LocalDate visitedOn, String companions, String met, String notes,
			String clientKey) {
	}

	private record Firm(long id, String regionPath) {
	}

	private record Visitor(long id, Long unitId) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionOperations transactions;

	private final PlatformClock clock;

	VisitImport(JdbcClient jdbc, JdbcTemplate batches, TransactionOperations transactions, PlatformClock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Imports the rows of an uploaded file, each visit once.
	 * @param everyRefusal where to write every refused row as CSV, or null
	 */
	public ImportReport run(MultipartFile file, Actor actor, Appendable everyRefusal) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), CHINA);
		return new ChunkedImport<Row>(REQUIRED, OPTIONAL, row -> checked(row, today),
				(chunk, outcome) -> store(chunk, actor, outcome))
			.run(file, this.transactions, everyRefusal);
	}

	static Row checked(TabularFile.Row row, LocalDate today) {
		String code = CreditCode.normalize(row.required("credit_code"));
		if (!CreditCode.isValid(code)) {
			throw new InvalidInput("credit_code", Text.of("error.creditCode.invalid", code));
		}
		LocalDate visitedOn;
		try {
			visitedOn = LocalDate.parse(row.required("visited_on").strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("visited_on", Text.of("error.visit.dateFormat"));
		}
		if (visitedOn.isAfter(today)) {
			throw new InvalidInput("visited_on", Text.of("error.visit.future"));
		}
		Row checked = new Row(code, row.required("visitor").strip(), visitedOn, limit(row.text("companions"), 500),
				limit(row.text("met"), 300), limit(row.text("notes"), 4000), row.text("client_key"));
		if (checked.clientKey() != null && checked.clientKey().length() > 64) {
			throw new InvalidInput("client_key", Text.of("error.field.tooLong", "client_key", 64));
		}
		return checked;
	}

	private static String limit(String text, int max) {
		if (text != null && text.length() > max) {
			throw new InvalidInput("text", Text.of("error.import.cellTooLong", max));
		}
		return text;
	}

	/**
	 * Three queries find the chunk's enterprises and visitors within the jurisdiction and
	 * the visits already stored under its keys; the new visits go in one batch.
	 */
	private void store(List<Line<Row>> chunk, Actor actor, ChunkedImport.Outcome outcome) {
		// The lookups below run a hundred times while the tables grow: a plan cached
		// while
		// they were small would stay (see EnterpriseImport).
		QueryPlans.customForThisTransaction(this.batches);
		Map<String, Firm> firms = new HashMap<>();
		this.jdbc.sql("""
				select e.credit_code, e.id, r.path from enterprise e join region r on r.code = e.region_code
				where e.credit_code in (:codes) and r.path like :scope""")
			.param("codes", chunk.stream().map(row -> row.value().creditCode()).distinct().toList())
			.param("scope", actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern())
			.query((rs, n) -> firms.put(rs.getString(1), new Firm(rs.getLong(2), rs.getString(3))))
			.list();
		Map<String, Visitor> visitors = new HashMap<>();
		this.jdbc.sql("""
				select p.username, p.id, p.unit_id from person p
				join unit u on u.id = p.unit_id join region r on r.code = u.region_code
				where p.username in (:names) and p.enterprise_id is null and r.path like :scope""")
			.param("names", chunk.stream().map(row -> row.value().visitor()).distinct().toList())
			.param("scope", actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern())
			.query((rs, n) -> visitors.put(rs.getString(1),
					new Visitor(rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3))))
			.list();
		// By client_key alone, through its own index (V20): the unique key starts with
		// the
		// visitor, and a few officials hold most visits.
		Set<String> stored = new HashSet<>(
				this.jdbc.sql("select visitor_id || '/' || client_key from visit where client_key in (:keys)")
					.param("keys", chunk.stream().map(row -> keyOf(row.value())).distinct().toList())
					.query(String.class)
					.list());
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Object[]> inserts = new ArrayList<>();
		for (Line<Row> line : chunk) {
			Row row = line.value();
			Firm firm = firms.get(row.creditCode());
			Visitor visitor = visitors.get(row.visitor());
			if (firm == null) {
				outcome.refuse(line, Text.of("error.visit.noEnterprise").resolve());
			}
			else if (visitor == null) {
				outcome.refuse(line, Text.of("error.visit.noVisitor", row.visitor()).resolve());
			}
			else if (!stored.add(visitor.id() + "/" + keyOf(row))) {
				outcome.updated();
			}
			else {
				inserts.add(new Object[] { keyOf(row), visitor.id(), visitor.unitId(), firm.id(), firm.regionPath(),
						row.visitedOn(), row.companions(), row.met(), row.notes(), now });
				outcome.created();
			}
		}
		this.batches.batchUpdate(INSERT, inserts, TYPES);
	}

	/** The row's own key, or one made of what it says, so that a repeat is known. */
	static String keyOf(Row row) {
		if (row.clientKey() != null) {
			return row.clientKey();
		}
		String content = String.join("\u0000", row.creditCode(), row.visitor(), row.visitedOn().toString(),
				String.valueOf(row.companions()), String.valueOf(row.met()), String.valueOf(row.notes()));
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return "import-" + HexFormat.of().formatHex(hash, 0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
