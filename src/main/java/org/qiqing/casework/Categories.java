package org.qiqing.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> all() {
		return this.jdbc.sql("select " + COLUMNS + " from case_category order by code")
			.query(Rows.of(Category.class))
			.list();
	}

	/**
	 * A category, read once per transaction: a step asks for its case's category up to
	 * four times (its due date, its checks, its clock, its timers).
	 */
	public Optional<Category> find(long id) {
		Map<Long, Optional<Category>> read = readInThisTransaction();
		if (read == null) {
			return select(id);
		}
		return read.computeIfAbsent(id, this::select);
	}

	private Optional<Category> select(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from case_category where id = :id")
			.param("id", id)
			.query(Rows.of(Category.class))
			.optional();
	}

	/** The categories this transaction has read, or null outside a transaction. */
	@SuppressWarnings("unchecked")
	private Map<Long, Optional<Category>> readInThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<Long, Optional<Category>> read = (Map<Long, Optional<Category>>) TransactionSynchronizationManager
			.getResource(this);
		if (read == null) {
			read = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, read);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(Categories.this);
				}

			});
		}
		return read;
	}

	/** A category changed: what this transaction read of them is stale. */
	private void forgetRead() {
		Map<Long, Optional<Category>> read = readInThisTransaction();
		if (read != null) {
			read.clear();
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
		forgetRead();
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
		forgetRead();
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
		forgetRead();
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

}
