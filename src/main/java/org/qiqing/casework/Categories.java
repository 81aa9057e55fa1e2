package org.qiqing.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tree of case categories.
 */
@Repository
public class Categories {

	private static final String COLUMNS = "id, code, name, parent_id, default_unit_id, resolve_days, accept_hours, contact_hours, stage_reply_days";

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> all() {
		return this.jdbc.sql("select " + COLUMNS + " from case_category order by code").query(Category.class).list();
	}

	public Optional<Category> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from case_category where id = :id")
			.param("id", id)
			.query(Category.class)
			.optional();
	}

	/** Adds a category, or updates the one with the same code. */
	public Category save(String code, String name, Long parentId, Long defaultUnitId, int resolveDays) {
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
			.query(Category.class)
			.single();
	}

}
