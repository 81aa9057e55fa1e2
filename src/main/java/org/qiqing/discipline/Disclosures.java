package org.qiqing.discipline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.TimeState;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公示: a unit's self-examination list (查摆) and the rectification of its issued findings,
 * published on a public page by an inspector whose jurisdiction holds the unit, and
 * withdrawn by him (both acts audited). What the page tells is chosen here, never a
 * record as it is stored: the problem's title (with every name the platform knows of
 * masked: the people a finding names, those held accountable in the unit, the unit's own
 * officials) or its kind, when it was filed, its due date and how far it has come. Never
 * the people involved, the notes, the plans, the answers, the evidence or its file names,
 * the findings not yet issued (an unannounced inspection's before it is known), or the
 * register of accountability.
 */
@Service
@Transactional
public class Disclosures {

	/** What replaces a name on the public page. */
	public static final String MASK = "×××";

	private static final Pattern NAME_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

	/** A unit on the public page. */
	public record PublishedUnit(long unitId, String unitName, Instant publishedAt) {
	}

	/**
	 * A line of the public list: {@code kindId} null for the unit's own problem (查摆),
	 * {@code state} null for a finding not yet filed as an item.
	 */
	public record Line(String source, Long kindId, String problem, LocalDate filedOn, LocalDate dueDate,
			CaseState state, boolean overdue) {

		/** The stage of rectification a person reads: a key of the messages. */
		public String progress() {
			if (this.state == null) {
				return "disclosure.progress.NOT_FILED";
			}
			return switch (this.state) {
				case CLOSED -> "disclosure.progress.CLOSED";
				case RESOLVED -> "disclosure.progress.RESOLVED";
				case SUBMITTED, ASSIGNED -> "disclosure.progress.ASSIGNED";
				default -> "disclosure.progress.IN_PROGRESS";
			};
		}

	}

	/** A unit's public page: published or (for the inspector's preview) not. */
	public record Page(long unitId, String unitName, Instant publishedAt, List<Line> lines) {

		public long done() {
			return this.lines.stream().filter(l -> l.state() == CaseState.CLOSED).count();
		}

	}

	private final JdbcClient jdbc;

	private final CaseQueries cases;

	private final Units units;

	private final Regions regions;

	private final People people;

	private final AuditLog audit;

	private final Clock clock;

	Disclosures(JdbcClient jdbc, CaseQueries cases, Units units, Regions regions, People people, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.units = units;
		this.regions = regions;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/** The units whose lists are published, latest first. */
	@Transactional(readOnly = true)
	public List<PublishedUnit> published() {
		List<PublishedUnit> rows = this.jdbc
			.sql("select unit_id, published_at from disclosure order by published_at desc, unit_id limit 500")
			.query((rs, n) -> new PublishedUnit(rs.getLong(1), null, rs.getTimestamp(2).toInstant()))
			.list();
		return rows.stream()
			.map(p -> new PublishedUnit(p.unitId(), this.units.findById(p.unitId()).map(Unit::getName).orElse(""),
					p.publishedAt()))
			.toList();
	}

	/** A published unit's page, for anyone; 404 if it is not published. */
	@Transactional(readOnly = true)
	public Page publicPage(long unitId) {
		Instant at = publishedAt(unitId)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("disclosure.record"), unitId)));
		return page(unitId, at);
	}

	/**
	 * What the public page of a unit shows or would show: for an inspector whose
	 * jurisdiction holds it, before he publishes.
	 */
	@Transactional(readOnly = true)
	public Page preview(long unitId, Actor actor) {
		requireDiscloser(unitId, actor);
		return page(unitId, publishedAt(unitId).orElse(null));
	}

	/** Publishes a unit's list: an inspector whose jurisdiction holds the unit. */
	public void publish(long unitId, Actor actor) {
		Region region = requireDiscloser(unitId, actor);
		Timestamp now = Timestamp.from(this.clock.instant());
		int changed = this.jdbc
			.sql("update disclosure set published_by = :by, published_at = :at where unit_id = :unit")
			.param("by", actor.personId())
			.param("at", now)
			.param("unit", unitId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into disclosure (unit_id, region_path, published_by, published_at)
					values (:unit, :path, :by, :at)""")
				.param("unit", unitId)
				.param("path", region.path())
				.param("by", actor.personId())
				.param("at", now)
				.update();
		}
		this.audit.record(actor, AuditAction.DISCLOSURE_CHANGED, "disclosure", unitId, "published");
	}

	/** Withdraws a unit's list from the public page: the same inspectors. */
	public void withdraw(long unitId, Actor actor) {
		requireDiscloser(unitId, actor);
		int changed = this.jdbc.sql("delete from disclosure where unit_id = :unit").param("unit", unitId).update();
		if (changed > 0) {
			this.audit.record(actor, AuditAction.DISCLOSURE_CHANGED, "disclosure", unitId, "withdrawn");
		}
	}

	/** Whether the person may publish a unit's list: the page offers it only then. */
	@Transactional(readOnly = true)
	public boolean mayDisclose(long unitId, Actor actor) {
		Unit unit = this.units.findById(unitId).orElse(null);
		return unit != null && DisciplineScope.overseesForDiscipline(actor, regionOf(unit).path());
	}

	private Region requireDiscloser(long unitId, Actor actor) {
		Unit unit = this.units.findById(unitId)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("discipline.unit"), unitId)));
		Region region = regionOf(unit);
		if (!DisciplineScope.overseesForDiscipline(actor, region.path())) {
			throw new NotAllowed(Text.of("disclosure.error.mayNotPublish"));
		}
		return region;
	}

	private Region regionOf(Unit unit) {
		return this.regions.find(unit.getRegionCode()).orElseThrow();
	}

	private Optional<Instant> publishedAt(long unitId) {
		return this.jdbc.sql("select published_at from disclosure where unit_id = :unit")
			.param("unit", unitId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private Page page(long unitId, Instant publishedAt) {
		String unitName = this.units.findById(unitId).map(Unit::getName).orElse("");
		Set<String> names = namesKnownOf(unitId);
		// The unit's own problems (查摆).
		List<Long> own = this.jdbc
			.sql("select case_id from self_examination where unit_id = :unit order by case_id desc limit 500")
			.param("unit", unitId)
			.query(Long.class)
			.list();
		// Its issued findings, each with its item if it has one.
		record Found(long kindId, String what, LocalDate inspectedOn, Long item) {
		}
		List<Found> found = this.jdbc.sql("""
				select f.kind_id, f.what, i.inspected_on, f.rectification_id from finding f
				join inspection i on i.id = f.inspection_id
				where f.unit_id = :unit and i.issued_at is not null
				order by i.inspected_on desc, f.id desc limit 500""")
			.param("unit", unitId)
			.query((rs, n) -> new Found(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getObject(4) == null ? null : rs.getLong(4)))
			.list();
		List<Long> ids = new ArrayList<>(own);
		found.stream().map(Found::item).filter(java.util.Objects::nonNull).forEach(ids::add);
		Map<Long, CaseQueries.ItemProgress> progress = new HashMap<>();
		this.cases.rectificationProgress(ids).forEach(p -> progress.put(p.id(), p));
		List<Line> lines = new ArrayList<>();
		for (Long id : own) {
			CaseQueries.ItemProgress item = progress.get(id);
			if (item != null) {
				lines.add(line("SELF", null, mask(item.title(), names), item));
			}
		}
		for (Found f : found) {
			CaseQueries.ItemProgress item = f.item() == null ? null : progress.get(f.item());
			if (item == null) {
				lines.add(new Line("FINDING", f.kindId(), mask(f.what(), names), f.inspectedOn(), null, null, false));
			}
			else {
				lines.add(line("FINDING", f.kindId(), mask(f.what(), names), item));
			}
		}
		lines.sort(Comparator.comparing(Line::filedOn).reversed());
		return new Page(unitId, unitName, publishedAt, lines);
	}

	private Line line(String source, Long kindId, String problem, CaseQueries.ItemProgress item) {
		return new Line(source, kindId, problem,
				item.filedAt().atZone(org.qiqing.platform.PlatformClock.CHINA).toLocalDate(), item.dueDate(),
				item.state(), item.state() != CaseState.CLOSED && item.timeState() == TimeState.RED);
	}

	/**
	 * Every name the platform knows in connection with the unit: the people its findings
	 * name, those held accountable in it, its officials.
	 */
	private Set<String> namesKnownOf(long unitId) {
		Set<String> names = new LinkedHashSet<>();
		this.jdbc.sql("select people from finding where unit_id = :unit and people is not null")
			.param("unit", unitId)
			.query(String.class)
			.list()
			.forEach(written -> names.addAll(List.of(NAME_SEPARATORS.split(written.strip()))));
		names.addAll(this.jdbc
			.sql("select person_name from accountability where unit_id = :unit and person_name is not null")
			.param("unit", unitId)
			.query(String.class)
			.list());
		this.people.findByUnitIdOrderById(unitId)
			.stream()
			.map(Person::getDisplayName)
			.filter(java.util.Objects::nonNull)
			.forEach(names::add);
		names.removeIf(name -> name.isBlank());
		return names;
	}

	/** The text with each known name masked, the longest names first. */
	static String mask(String text, Set<String> names) {
		if (text == null) {
			return "";
		}
		String masked = text;
		List<String> longestFirst = new ArrayList<>(names);
		longestFirst.sort(Comparator.comparingInt(String::length).reversed());
		for (String name : longestFirst) {
			String trimmed = name.strip();
			// A one-character "name" would mask ordinary words.
			if (trimmed.length() >= 2) {
				masked = masked.replace(trimmed, MASK);
			}
		}
		return masked;
	}

}
