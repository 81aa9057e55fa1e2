package org.qiqing.organisation;

import java.util.List;
import java.util.Optional;

import org.qiqing.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree of administrative divisions. A region's path is derived from its parent's, so
 * a subtree is one prefix match.
 */
@Repository
public class Regions {

	/** Named as {@link Region}'s components, which the record mapper asks for first. */
	private static final String COLUMNS = "code, name, level, parent_code as parentCode, path";

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from region where code = :code")
			.param("code", code)
			.query(Rows.of(Region.class))
			.optional();
	}

	/** A region that lies in a person's jurisdiction. */
	public Optional<Region> findWithin(String code, Actor actor) {
		return code == null ? Optional.empty() : find(code).filter(region -> actor.oversees(region.path()));
	}

	public List<Region> all() {
		return this.jdbc.sql("select " + COLUMNS + " from region order by path").query(Rows.of(Region.class)).list();
	}

	/** The regions directly below the one with the given path. */
	public List<Region> childrenOf(String path) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from region where parent_code = (select code from region where path = :path) order by path")
			.param("path", path)
			.query(Rows.of(Region.class))
			.list();
	}

	public List<Region> within(String pathPattern) {
		return this.jdbc.sql("select " + COLUMNS + " from region where path like :pattern order by path")
			.param("pattern", pathPattern)
			.query(Rows.of(Region.class))
			.list();
	}

	/**
	 * Adds a region or renames an existing one; its parent must exist already.
	 * @return the stored region
	 */
	@Transactional
	public Region save(String code, String name, RegionLevel level, String parentCode) {
		String parentPath = parentCode == null ? "/" : find(parentCode).map(Region::path)
			.orElseThrow(() -> new IllegalArgumentException("unknown parent region " + parentCode));
		Region region = new Region(code, name, level, parentCode, parentPath + code + "/");
		int updated = this.jdbc.sql("update region set name = :name, level = :level where code = :code")
			.param("name", name)
			.param("level", level.name())
			.param("code", code)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"insert into region (code, name, level, parent_code, path) values (:code, :name, :level, :parent, :path)")
				.param("code", code)
				.param("name", name)
				.param("level", level.name())
				.param("parent", parentCode)
				.param("path", region.path())
				.update();
		}
		return find(code).orElseThrow();
	}

}
