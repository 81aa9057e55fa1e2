package org.qiqing.enterprise;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.ChunkedImport;
import org.qiqing.platform.QueryPlans;
import org.qiqing.platform.ChunkedImport.Line;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.TabularFile;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports enterprises from a table with the columns
 * {@code credit_code, name, region_code} and optionally
 * {@code industry, address, scale, contact_name, contact_phone,
 * contact_email, tags}; an enterprise whose credit code is known is updated. Rows are
 * checked with the rules of {@link EnterpriseManagement} and stored a chunk at a time
 * ({@link ChunkedImport}), so that 100,000 rows take seconds, not minutes.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
public class EnterpriseImport {

	public static final List<String> REQUIRED = List.of("credit_code", "name", "region_code");

	public static final List<String> OPTIONAL = List.of("industry", "address", "scale", "contact_name", "contact_phone",
			"contact_email", "tags");

	private static final String INSERT = """
			insert into enterprise (name, region_code, industry, address, scale, contact_name, contact_phone,
			    contact_email, tags, credit_code)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	// As a save by the repository does: every column overwritten, the version moved on.
	private static final String UPDATE = """
			update enterprise set name = ?, region_code = ?, industry = ?, address = ?, scale = ?, contact_name = ?,
			    contact_phone = ?, contact_email = ?, tags = ?, version = version + 1
			where credit_code = ?""";

	private static final int[] TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };

	private final Regions regions;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionOperations transactions;

	EnterpriseImport(Regions regions, JdbcClient jdbc, JdbcTemplate batches, TransactionOperations transactions) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.batches = batches;
		this.transactions = transactions;
	}

	/**
	 * Imports the rows of an uploaded file into the importer's jurisdiction.
	 * @param everyRefusal where to write every refused row as CSV, or null
	 */
	public ImportReport run(MultipartFile file, Actor actor, Appendable everyRefusal) {
		Set<String> jurisdiction = this.regions.within(actor.jurisdictionPattern())
			.stream()
			.map(Region::code)
			.collect(Collectors.toSet());
		return new ChunkedImport<EnterpriseDetails>(REQUIRED, OPTIONAL, row -> checked(row, jurisdiction),
				(chunk, outcome) -> store(chunk, jurisdiction, outcome))
			.run(file, this.transactions, everyRefusal);
	}

	private static EnterpriseDetails checked(TabularFile.Row row, Set<String> jurisdiction) {
		EnterpriseDetails details = new EnterpriseDetails(CreditCode.normalize(row.required("credit_code")),
				row.required("name").strip(), row.required("region_code"), row.text("industry"), row.text("address"),
				row.choice("scale", EnterpriseScale.class), row.text("contact_name"), row.text("contact_phone"),
				row.text("contact_email"), new LinkedHashSet<>(row.list("tags")));
		EnterpriseManagement.check(details, jurisdiction::contains).throwIfAny();
		return details;
	}

	/**
	 * One query finds which codes are registered; an enterprise outside the jurisdiction
	 * is refused; the others are updated and registered in two batches. A code twice in a
	 * chunk is stored once, with its last row, as a row-by-row import would leave it.
	 */
	private void store(List<Line<EnterpriseDetails>> chunk, Set<String> jurisdiction, ChunkedImport.Outcome outcome) {
		// The lookup below runs a hundred times while the table grows from nothing: a
		// plan
		// cached while it was small (a sequential scan) would stay and make the import
		// quadratic (100,000 enterprises took 284 s instead of 14 s).
		QueryPlans.customForThisTransaction(this.batches);
		Map<String, String> registered = new HashMap<>();
		this.jdbc.sql("select credit_code, region_code from enterprise where credit_code in (:codes)")
			.param("codes", chunk.stream().map(row -> row.value().creditCode()).distinct().toList())
			.query((rs, n) -> registered.put(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, EnterpriseDetails> updates = new LinkedHashMap<>();
		Map<String, EnterpriseDetails> inserts = new LinkedHashMap<>();
		for (Line<EnterpriseDetails> row : chunk) {
			String code = row.value().creditCode();
			if (registered.containsKey(code) && !jurisdiction.contains(registered.get(code))) {
				outcome.refuse(row, Text.of("error.import.denied", Text.of("error.enterprise.outside")).resolve());
			}
			else if (registered.containsKey(code)) {
				updates.put(code, row.value());
				outcome.updated();
			}
			else if (inserts.containsKey(code)) {
				inserts.put(code, row.value());
				outcome.updated();
			}
			else {
				inserts.put(code, row.value());
				outcome.created();
			}
		}
		this.batches.batchUpdate(UPDATE, columns(updates.values()), TYPES);
		this.batches.batchUpdate(INSERT, columns(inserts.values()), TYPES);
	}

	private static List<Object[]> columns(Iterable<EnterpriseDetails> rows) {
		List<Object[]> columns = new ArrayList<>();
		for (EnterpriseDetails row : rows) {
			columns.add(new Object[] { row.name(), row.regionCode(), row.industry(), row.address(),
					row.scale() == null ? null : row.scale().name(), row.contactName(), row.contactPhone(),
					row.contactEmail(), row.tags().isEmpty() ? null : String.join(",", row.tags()), row.creditCode() });
		}
		return columns;
	}

}
