package org.qiqing.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qiqing.enterprise.CreditCode;
import org.qiqing.linkage.Link.Holder;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.ImportReport.Rejection;
import org.qiqing.platform.ImportReport;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Rows;
import org.qiqing.platform.TabularFile;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Links many enterprises to one official or group in one step: from pasted credit codes,
 * from a filter of the registry, or from a CSV/XLSX file. Codes are taken in batches of
 * {@value #BATCH}: each batch is resolved with one query, checked against the links that
 * exist, and written with one JDBC batch in its own transaction, so memory stays constant
 * and a refused line keeps the others. A line whose enterprise is linked to the holder in
 * an overlapping period already is counted as kept ({@code updated}), not linked twice.
 */
@Service
public class BulkAssignment {

	static final int BATCH = 1000;

	static final List<String> REQUIRED = List.of("credit_code");

	static final List<String> OPTIONAL = List.of("username", "frequency", "starts_on", "ends_on");

	/** The holder and terms every line gets, unless a file's line names its own. */
	public record Terms(Long personId, String username, Long groupId, String frequency, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/** Which enterprises of the registry to link; at least one criterion. */
	public record Filter(String regionCode, String industry, String scale, String tag) {
	}

	private record Candidate(int line, String creditCode, Holder holder, LinkFrequency frequency, LocalDate startsOn,
			LocalDate endsOn) {
	}

	private record Resolved(Holder holder, LinkFrequency frequency, LocalDate startsOn, LocalDate endsOn) {
	}

	private record Found(long id, String path) {
	}

	private record Existing(long enterpriseId, Long personId, Long groupId, LocalDate startsOn, LocalDate endsOn) {
	}

	private final LinkManagement management;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionTemplate transaction;

	private final PlatformClock clock;

	BulkAssignment(LinkManagement management, JdbcClient jdbc, JdbcTemplate batches,
			PlatformTransactionManager transactions, PlatformClock clock) {
		this.management = management;
		this.jdbc = jdbc;
		this.batches = batches;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** One credit code a line; blank lines are skipped, line numbers counted from 1. */
	public ImportReport fromCodes(Terms terms, String pasted, Actor actor) {
		Resolved defaults = resolve(terms, actor, true);
		if (pasted == null || pasted.isBlank()) {
			throw new InvalidInput("creditCodes", Text.of("error.link.pasteCodes"));
		}
		Run run = new Run(actor);
		String[] lines = pasted.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String code = lines[i].strip();
			if (!code.isEmpty()) {
				run.add(new Candidate(i + 1, code, defaults.holder(), defaults.frequency(), defaults.startsOn(),
						defaults.endsOn()));
			}
		}
		return run.finish();
	}

	/**
	 * A table with the column {@code credit_code} and optionally {@code username,
	 * frequency, starts_on, ends_on} that override the request's terms for that line.
	 */
	public ImportReport fromFile(Terms terms, MultipartFile file, Actor actor) {
		LinkScope.requireManager(actor);
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", Text.of("error.file.empty"));
		}
		Resolved defaults = resolve(terms, actor, false);
		Map<String, Holder> holders = new HashMap<>();
		Run run = new Run(actor);
		try (InputStream content = file.getInputStream()) {
			TabularFile.read(file.getOriginalFilename(), content, REQUIRED, OPTIONAL, row -> {
				try {
					run.add(candidate(row, defaults, holders, actor));
				}
				catch (InvalidInput ex) {
					run.reject(row.line(), ex.getMessage());
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return run.finish();
	}

	private Candidate candidate(TabularFile.Row row, Resolved defaults, Map<String, Holder> holders, Actor actor) {
		String username = row.text("username");
		Holder holder = username == null ? defaults.holder()
				: holders.computeIfAbsent(username, name -> this.management.holder(null, name, null, actor));
		String frequencyText = row.text("frequency");
		LinkFrequency frequency = frequencyText == null ? defaults.frequency() : LinkFrequency.parse(frequencyText);
		LocalDate startsOn = row.text("starts_on") == null ? defaults.startsOn() : date(row, "starts_on");
		LocalDate endsOn = row.text("ends_on") == null ? defaults.endsOn() : date(row, "ends_on");
		if (holder == null || frequency == null || startsOn == null) {
			throw new InvalidInput("line", Text.of("error.link.lineTerms"));
		}
		Link.requirePeriod(startsOn, endsOn);
		return new Candidate(row.line(), row.required("credit_code"), holder, frequency, startsOn, endsOn);
	}

	private static LocalDate date(TabularFile.Row row, String column) {
		try {
			return LocalDate.parse(row.text(column));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInput(column, Text.of("error.date.format", column, row.text(column)));
		}
	}

	/**
	 * Links every enterprise of his jurisdiction that matches the filter, in one
	 * statement.
	 */
	public ImportReport fromFilter(Terms terms, Filter filter, Actor actor) {
		Resolved t = resolve(terms, actor, true);
		String industry = blankToEmpty(filter.industry());
		String scale = blankToEmpty(filter.scale()).toUpperCase(java.util.Locale.ROOT);
		String tag = blankToEmpty(filter.tag());
		String region = blankToEmpty(filter.regionCode());
		if (industry.isEmpty() && scale.isEmpty() && tag.isEmpty() && region.isEmpty()) {
			throw new InvalidInput("filter", Text.of("error.link.filter"));
		}
		String regionPattern = region.isEmpty() ? actor.jurisdictionPattern()
				: this.jdbc.sql("select path from region where code = :code")
					.param("code", region)
					.query(String.class)
					.optional()
					.filter(actor::oversees)
					.map(path -> path + "%")
					.orElseThrow(
							() -> new InvalidInput("regionCode", Text.of("error.region.notInJurisdiction", region)));
		String matching = """
				from enterprise en join region r on r.code = en.region_code
				where r.path like :jurisdiction and r.path like :region
				  and (:industry = '' or en.industry = :industry) and (:scale = '' or en.scale = :scale)
				  and (:tag = '' or (',' || coalesce(en.tags, '') || ',') like :tagPattern)""";
		return this.transaction.execute(status -> {
			this.management.lock(List.of(t.holder()));
			int matched = filterParams(this.jdbc.sql("select count(*) " + matching), actor, regionPattern, industry,
					scale, tag)
				.query(Integer.class)
				.single();
			int linked = filterParams(this.jdbc.sql("""
					insert into link (person_id, group_id, target_kind, enterprise_id, region_path, frequency,
					                  starts_on, ends_on, created_by, created_at, version)
					select cast(:person as bigint), cast(:group as bigint), 'ENTERPRISE', en.id, r.path, :frequency,
					       :startsOn, cast(:endsOn as date), :me, :now, 0
					""" + matching
					+ """
							and not exists (select 1 from link l where l.target_kind = 'ENTERPRISE' and l.enterprise_id = en.id
							                and (l.person_id = :personKey or l.group_id = :groupKey)
							                and l.starts_on <= :overlapEnd and (l.ends_on is null or l.ends_on >= :startsOn))"""),
					actor, regionPattern, industry, scale, tag)
				.param("person", t.holder().personId())
				.param("group", t.holder().groupId())
				.param("personKey", t.holder().personId() == null ? -1L : t.holder().personId())
				.param("groupKey", t.holder().groupId() == null ? -1L : t.holder().groupId())
				.param("frequency", t.frequency().name())
				.param("startsOn", t.startsOn())
				.param("endsOn", t.endsOn())
				.param("overlapEnd", t.endsOn() == null ? LocalDate.of(9999, 12, 31) : t.endsOn())
				.param("me", actor.personId())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			this.management.forgetCoverage();
			return new ImportReport(linked, matched - linked, 0, List.of());
		});
	}

	private static JdbcClient.StatementSpec filterParams(JdbcClient.StatementSpec statement, Actor actor,
			String regionPattern, String industry, String scale, String tag) {
		return statement.param("jurisdiction", actor.jurisdictionPattern())
			.param("region", regionPattern)
			.param("industry", industry)
			.param("scale", scale)
			.param("tag", tag)
			.param("tagPattern", "%," + tag + ",%");
	}

	private static String blankToEmpty(String text) {
		return text == null ? "" : text.strip();
	}

	/**
	 * The request's own holder and terms, refused whole (nothing written) when wrong.
	 * @param complete whether they must all be given (not so for a file, whose lines may)
	 */
	private Resolved resolve(Terms terms, Actor actor, boolean complete) {
		LinkScope.requireManager(actor);
		boolean namesHolder = terms.personId() != null || terms.groupId() != null
				|| terms.username() != null && !terms.username().isBlank();
		Holder holder = namesHolder || complete
				? this.management.holder(terms.personId(), terms.username(), terms.groupId(), actor) : null;
		boolean namesFrequency = terms.frequency() != null && !terms.frequency().isBlank();
		LinkFrequency frequency = namesFrequency || complete ? LinkFrequency.parse(terms.frequency()) : null;
		if (complete && terms.startsOn() == null) {
			throw new InvalidInput("startsOn", Text.of("error.field.required", "startsOn"));
		}
		if (terms.startsOn() != null) {
			Link.requirePeriod(terms.startsOn(), terms.endsOn());
		}
		return new Resolved(holder, frequency, terms.startsOn(), terms.endsOn());
	}

	/** One bulk step: candidates gathered into batches, and what became of each. */
	private final class Run {

		private final Actor actor;

		private final List<Candidate> pending = new ArrayList<>(BATCH);

		private final List<Rejection> rejected = new ArrayList<>();

		private int linked;

		private int kept;

		private int refused;

		Run(Actor actor) {
			this.actor = actor;
		}

		void add(Candidate candidate) {
			this.pending.add(candidate);
			if (this.pending.size() == BATCH) {
				flush();
			}
		}

		void reject(int line, String reason) {
			// Every refused row is counted; the first ones are listed
			// (ImportReport.SHOWN).
			this.refused++;
			if (this.rejected.size() < ImportReport.SHOWN) {
				this.rejected.add(new Rejection(line, reason));
			}
		}

		ImportReport finish() {
			flush();
			this.rejected.sort(java.util.Comparator.comparingInt(Rejection::line));
			return new ImportReport(this.linked, this.kept, this.refused, List.copyOf(this.rejected));
		}

		private void flush() {
			if (this.pending.isEmpty()) {
				return;
			}
			List<Candidate> batch = List.copyOf(this.pending);
			this.pending.clear();
			BulkAssignment.this.transaction.executeWithoutResult(status -> write(batch));
		}

		private void write(List<Candidate> batch) {
			BulkAssignment.this.management.lock(batch.stream().map(Candidate::holder).toList());
			List<String> codes = batch.stream()
				.map(c -> CreditCode.normalize(c.creditCode()))
				.filter(CreditCode::isValid)
				.distinct()
				.toList();
			Map<String, Found> found = new HashMap<>();
			if (!codes.isEmpty()) {
				BulkAssignment.this.jdbc.sql("""
						select en.id, en.credit_code, r.path from enterprise en join region r on r.code = en.region_code
						where en.credit_code in (:codes)""").param("codes", codes).query(rs -> {
					found.put(rs.getString("credit_code"), new Found(rs.getLong("id"), rs.getString("path")));
				});
			}
			List<Existing> existing = new ArrayList<>();
			if (!found.isEmpty()) {
				existing.addAll(BulkAssignment.this.jdbc.sql("""
						select enterprise_id, person_id, group_id, starts_on, ends_on from link
						where target_kind = 'ENTERPRISE' and enterprise_id in (:ids)""")
					.param("ids", found.values().stream().map(Found::id).toList())
					.query(Rows.of(Existing.class))
					.list());
			}
			Instant now = BulkAssignment.this.clock.instant();
			List<Object[]> rows = new ArrayList<>();
			for (Candidate candidate : batch) {
				String code = CreditCode.normalize(candidate.creditCode());
				Found enterprise = found.get(code);
				if (!CreditCode.isValid(code)) {
					reject(candidate.line(), Text.of("error.creditCode.invalid", candidate.creditCode()).resolve());
				}
				else if (enterprise == null) {
					reject(candidate.line(), Text.of("error.link.noEnterprise", code).resolve());
				}
				else if (!this.actor.oversees(enterprise.path())) {
					reject(candidate.line(), Text.of("error.link.enterpriseOutside", code).resolve());
				}
				else if (existing.stream().anyMatch(link -> same(link, enterprise.id(), candidate))) {
					this.kept++;
				}
				else {
					existing.add(new Existing(enterprise.id(), candidate.holder().personId(),
							candidate.holder().groupId(), candidate.startsOn(), candidate.endsOn()));
					rows.add(
							new Object[] { candidate.holder().personId(), candidate.holder().groupId(), enterprise.id(),
									enterprise.path(), candidate.frequency().name(), Date.valueOf(candidate.startsOn()),
									candidate.endsOn() == null ? null : Date.valueOf(candidate.endsOn()),
									this.actor.personId(), Timestamp.from(now) });
				}
			}
			BulkAssignment.this.batches.batchUpdate(
					"""
							insert into link (person_id, group_id, target_kind, enterprise_id, region_path, frequency, starts_on,
							                  ends_on, created_by, created_at, version)
							values (?, ?, 'ENTERPRISE', ?, ?, ?, ?, ?, ?, ?, 0)""",
					rows, new int[] { Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
							Types.DATE, Types.DATE, Types.BIGINT, Types.TIMESTAMP });
			this.linked += rows.size();
			BulkAssignment.this.management.forgetCoverage();
		}

		/** The same holder and enterprise, in an overlapping period. */
		private static boolean same(Existing link, long enterpriseId, Candidate candidate) {
			LocalDate far = LocalDate.of(9999, 12, 31);
			return link.enterpriseId() == enterpriseId
					&& java.util.Objects.equals(link.personId(), candidate.holder().personId())
					&& java.util.Objects.equals(link.groupId(), candidate.holder().groupId())
					&& !link.startsOn().isAfter(candidate.endsOn() == null ? far : candidate.endsOn())
					&& !(link.endsOn() == null ? far : link.endsOn()).isBefore(candidate.startsOn());
		}

	}

}
