package org.qiqing.organisation;

import java.util.Collection;
import java.util.List;

import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The regions a unit serves besides its own place ({@code unit_served_region}), and the
 * places of all units, which decide together which units a person may assign work to.
 */
@Repository
class ServedRegions {

	/** A unit and the path of a region: where it stands, or a region it serves. */
	record Place(long unitId, String path) {
	}

	private final JdbcClient jdbc;

	ServedRegions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Region> of(long unitId) {
		return this.jdbc.sql("""
				select r.code, r.name, r.level, r.parent_code as parentCode, r.path
				from unit_served_region s join region r on r.code = s.region_code
				where s.unit_id = :unit order by r.path""").param("unit", unitId).query(Rows.of(Region.class)).list();
	}

	/** Replaces the regions the unit serves by the given ones. */
	void replace(long unitId, Collection<String> regionCodes) {
		this.jdbc.sql("delete from unit_served_region where unit_id = :unit").param("unit", unitId).update();
		for (String code : regionCodes) {
			this.jdbc.sql("insert into unit_served_region (unit_id, region_code) values (:unit, :code)")
				.param("unit", unitId)
				.param("code", code)
				.update();
		}
	}

	/** Where every unit stands. */
	List<Place> unitPlaces() {
		return this.jdbc.sql("select u.id as unitId, r.path from unit u join region r on r.code = u.region_code")
			.query(Rows.of(Place.class))
			.list();
	}

	/** Every region a unit serves besides its own place. */
	List<Place> servedPlaces() {
		return this.jdbc
			.sql("select s.unit_id as unitId, r.path from unit_served_region s join region r on r.code = s.region_code")
			.query(Rows.of(Place.class))
			.list();
	}

}
