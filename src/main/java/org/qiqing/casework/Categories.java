package org.qiqing.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.qiqing.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tree of case categories.
 */
@Repository
public class Categories {

	/**
	 * Named as {@link Category}'s components: the record mapper asks for each component's
	 * name first, and a column under another name costs an exception for every row.
	 */
	private static final String COLUMNS = """
			id, code, name, parent_id as parentId, default_unit_id as defaultUnitId, resolve_days as resolveDays,
			accept_hours as acceptHours, contact_hours as contactHours, stage_reply_days as stageReplyDays,
			retired, name_en as nameEn""";

	private static final String GUIDED = COLUMNS
			+ ", version, guide_needs, guide_documents, guide_process, guide_note, updated_at, updated_by";

	private static final Duration REFRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private volatile Known known;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> all() {
		return this.jdbc.sql("select " + COLUMNS + " from case_category order by code")
			.query(Rows.of(Category.class))
			.list();
	}

	/**
	 * The categories a case may be filed or classified under, in tree order: those not
	 * retired, and not the service visits' own (asked for as such).
	 */
	public List<Category> offered() {
		return CategoryTree.of(all(), Category::id, Category::parentId)
			.stream()
			.map(CategoryTree.Node::category)
			.filter(category -> !category.retired() && !HelpVisit.CATEGORY_CODE.equals(category.code())
					&& !Rectification.CATEGORY_CODE.equals(category.code()))
			.toList();
	}

	/**
	 * A category. Filing and every step read their case's category, up to four times, for
	 * its limits: they come from memory (see {@link #known()}); one added on another node
	 * in the last minute from the database.
	 */
	public Optional<Category> find(long id) {
		Category known = known().get(id);
		return known != null ? Optional.of(known) : select(id);
	}

	private Optional<Category> select(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from case_category where id = :id")
			.param("id", id)
			.query(Rows.of(Category.class))
			.optional();
	}

	/**
	 * Every category by id, held in memory and read again every minute, or at once on
	 * this node after a change, so that every node follows an administrator's change
	 * within a minute, as the working calendar does.
	 */
	private Map<Long, Category> known() {
		Known current = this.known;
		if (current == null || current.at().plus(REFRESH).isBefore(Instant.now())) {
			current = new Known(Instant.now(),
					all().stream().collect(Collectors.toUnmodifiableMap(Category::id, category -> category)));
			this.known = current;
		}
		return current.byId();
	}

	/**
	 * A category changes: what this node holds goes now and, since another request may
	 * read the old row again before the change commits, once more when it has.
	 */
	private void forgetKnown() {
		this.known = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					Categories.this.known = null;
				}

			});
		}
	}

	/** The categories with their guides, by code. */
	public List<GuidedCategory> allGuided() {
		return this.jdbc.sql("select " + GUIDED + " from case_category order by code").query(Categories::guided).list();
	}

	public Optional<GuidedCategory> findGuided(long id) {
		return this.jdbc.sql("select " + GUIDED + " from case_category where id = :id")
			.param("id", id)
			.query(Categories::guided)
			.optional();
	}

	/**
	 * Writes a category's guide and limits in one statement, if its version is still the
	 * expected one.
	 * @return whether it did: false when the category is gone or was changed meanwhile
	 */
	boolean changeGuide(long id, int expectedVersion, CategoryGuide guide, int acceptHours, int contactHours,
			int stageReplyDays, int resolveDays, Instant at, String by) {
		forgetKnown();
		return this.jdbc.sql("""
				update case_category set guide_needs = :needs, guide_documents = :documents,
				guide_process = :process, guide_note = :note, accept_hours = :accept, contact_hours = :contact,
				stage_reply_days = :stage, resolve_days = :resolve, updated_at = :at, updated_by = :by,
				version = version + 1
				where id = :id and version = :version""")
			.param("needs", guide.needs())
			.param("documents", guide.documentLines())
			.param("process", guide.process())
			.param("note", guide.note())
			.param("accept", acceptHours)
			.param("contact", contactHours)
			.param("stage", stageReplyDays)
			.param("resolve", resolveDays)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", id)
			.param("version", expectedVersion)
			.update() == 1;
	}

	/** Sets the guide of the category with the code (the demonstration's). */
	public void writeGuide(String code, CategoryGuide guide) {
		forgetKnown();
		this.jdbc.sql("""
				update case_category set guide_needs = :needs, guide_documents = :documents,
				guide_process = :process, guide_note = :note, version = version + 1 where code = :code""")
			.param("needs", guide.needs())
			.param("documents", guide.documentLines())
			.param("process", guide.process())
			.param("note", guide.note())
			.param("code", code)
			.update();
	}

	private static GuidedCategory guided(ResultSet rs, int row) throws SQLException {
		Timestamp updatedAt = rs.getTimestamp("updated_at");
		String documents = rs.getString("guide_documents");
		return new GuidedCategory(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getObject("parentId", Long.class), rs.getObject("defaultUnitId", Long.class),
				rs.getInt("acceptHours"), rs.getInt("contactHours"), rs.getInt("stageReplyDays"),
				rs.getInt("resolveDays"), rs.getInt("version"),
				new CategoryGuide(rs.getString("guide_needs"), documents == null ? List.of() : List.of(documents),
						rs.getString("guide_process"), rs.getString("guide_note")),
				updatedAt == null ? null : updatedAt.toInstant(), rs.getString("updated_by"), rs.getBoolean("retired"),
				rs.getString("nameEn"));
	}

	/** Adds a category, or updates the one with the same code. */
	public Category save(String code, String name, Long parentId, Long defaultUnitId, int resolveDays) {
		forgetKnown();
		int updated = this.jdbc.sql("""
				update case_category set name = :name, parent_id = :parent, default_unit_id = :unit,
				resolve_days = :days, version = version + 1 where code = :code""")
			.param("name", name)
			.param("parent", parentId)
			.param("unit", defaultUnitId)
			.param("days", resolveDays)
			.param("code", code)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into case_category (code, name, parent_id, default_unit_id, resolve_days)
					values (:code, :name, :parent, :unit, :days)""")
				.param("code", code)
				.param("name", name)
				.param("parent", parentId)
				.param("unit", defaultUnitId)
				.param("days", resolveDays)
				.update();
		}
		return this.jdbc.sql("select " + COLUMNS + " from case_category where code = :code")
			.param("code", code)
			.query(Rows.of(Category.class))
			.single();
	}

	/**
	 * Adds a category under a parent (or at the top).
	 * @return its id
	 */
	long create(String code, String name, String nameEn, Long parentId, Long defaultUnitId, int resolveDays, Instant at,
			String by) {
		forgetKnown();
		this.jdbc.sql("""
				insert into case_category (code, name, name_en, parent_id, default_unit_id, resolve_days, updated_at,
				updated_by) values (:code, :name, :nameEn, :parent, :unit, :days, :at, :by)""")
			.param("code", code)
			.param("name", name)
			.param("nameEn", nameEn)
			.param("parent", parentId)
			.param("unit", defaultUnitId)
			.param("days", resolveDays)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		return this.jdbc.sql("select id from case_category where code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** Whether a category has this code already. */
	boolean codeTaken(String code) {
		return this.jdbc.sql("select count(*) from case_category where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single() > 0;
	}

	/** The next free code of the form C-n, for a category created without one. */
	String nextCode() {
		long next = this.jdbc.sql("select coalesce(max(id), 0) + 1 from case_category").query(Long.class).single();
		while (codeTaken("C-" + next)) {
			next++;
		}
		return "C-" + next;
	}

	/**
	 * Renames a category, moves it and names its default unit in one statement, if its
	 * version is still the expected one.
	 * @return whether it did
	 */
	boolean describe(long id, int expectedVersion, String name, String nameEn, Long parentId, Long defaultUnitId,
			Instant at, String by) {
		forgetKnown();
		return this.jdbc.sql("""
				update case_category set name = :name, name_en = :nameEn, parent_id = :parent,
				default_unit_id = :unit, updated_at = :at, updated_by = :by, version = version + 1
				where id = :id and version = :version""")
			.param("name", name)
			.param("nameEn", nameEn)
			.param("parent", parentId)
			.param("unit", defaultUnitId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", id)
			.param("version", expectedVersion)
			.update() == 1;
	}

	/**
	 * Retires categories or restores them; the first is checked against its expected
	 * version, the others (its descendants) follow it.
	 * @return whether it did
	 */
	boolean retire(long id, int expectedVersion, List<Long> descendants, boolean retired, Instant at, String by) {
		forgetKnown();
		boolean done = this.jdbc.sql("""
				update case_category set retired = :retired, updated_at = :at, updated_by = :by, version = version + 1
				where id = :id and version = :version""")
			.param("retired", retired)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", id)
			.param("version", expectedVersion)
			.update() == 1;
		if (done && !descendants.isEmpty()) {
			this.jdbc.sql("""
					update case_category set retired = :retired, updated_at = :at, updated_by = :by,
					version = version + 1 where id in (:ids) and retired <> :retired""")
				.param("retired", retired)
				.param("at", Timestamp.from(at))
				.param("by", by)
				.param("ids", descendants)
				.update();
		}
		return done;
	}

	/** A category's lead unit in a region. */
	public record LeadUnit(long categoryId, String regionCode, long unitId) {
	}

	/** The lead units of every category by region. */
	public List<LeadUnit> leadUnits() {
		return this.jdbc.sql("""
				select category_id as categoryId, region_code as regionCode, unit_id as unitId
				from category_lead_unit order by category_id, region_code""").query(Rows.of(LeadUnit.class)).list();
	}

	/**
	 * The lead unit of a category in the nearest of these regions (the case's region and
	 * those above it, nearest first), if any has one.
	 */
	Optional<Long> leadUnit(long categoryId, List<String> regionsNearestFirst) {
		if (regionsNearestFirst.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Long> byRegion = this.jdbc.sql(
				"select region_code, unit_id from category_lead_unit where category_id = :id and region_code in (:codes)")
			.param("id", categoryId)
			.param("codes", regionsNearestFirst)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		return regionsNearestFirst.stream().filter(byRegion::containsKey).map(byRegion::get).findFirst();
	}

	/** Sets (or, with no unit, removes) a category's lead unit in a region. */
	void setLeadUnit(long categoryId, String regionCode, Long unitId) {
		this.jdbc.sql("delete from category_lead_unit where category_id = :id and region_code = :region")
			.param("id", categoryId)
			.param("region", regionCode)
			.update();
		if (unitId != null) {
			this.jdbc
				.sql("insert into category_lead_unit (category_id, region_code, unit_id) values (:id, :region, :unit)")
				.param("id", categoryId)
				.param("region", regionCode)
				.param("unit", unitId)
				.update();
		}
	}

	/**
	 * Removes the default tree a new database starts with (V36), for the demonstration,
	 * which brings its own categories; only categories no case uses.
	 */
	public void removeDefaultTree() {
		forgetKnown();
		String unused = "code like 'STD-%' and id not in (select category_id from cases where category_id is not null)";
		this.jdbc
			.sql("delete from category_lead_unit where category_id in (select id from case_category where " + unused
					+ ")")
			.update();
		this.jdbc.sql("delete from case_category where parent_id is not null and " + unused).update();
		this.jdbc.sql("delete from case_category where " + unused).update();
	}

	private record Known(Instant at, Map<Long, Category> byId) {
	}

}
