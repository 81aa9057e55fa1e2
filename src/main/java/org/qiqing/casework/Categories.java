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
			accept_hours as acceptHours, contact_hours as contactHours, stage_reply_days as stageReplyDays""";

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
				updatedAt == null ? null : updatedAt.toInstant(), rs.getString("updated_by"));
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

	private record Known(Instant at, Map<Long, Category> byId) {
	}

}
