package org.qiqing.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is told when a clock of a case runs out: the people of a unit, the dispatchers or
 * supervisors whose jurisdiction holds the case, the enterprise's contacts.
 */
@Component
class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Long> ofUnit(long unitId) {
		return this.jdbc.sql("select id from person where unit_id = :unit and enabled order by id")
			.param("unit", unitId)
			.query(Long.class)
			.list();
	}

	List<Long> leadersOf(long unitId) {
		return this.jdbc.sql("""
				select p.id from person p join person_role r on r.person_id = p.id
				where p.unit_id = :unit and p.enabled and r.role = 'LEADER' order by p.id""")
			.param("unit", unitId)
			.query(Long.class)
			.list();
	}

	/** The people of a role whose jurisdiction holds a region, given by its path. */
	List<Long> overseeing(String regionPath, Role role) {
		return this.jdbc.sql("""
				select p.id from person p
				join person_role r on r.person_id = p.id
				join region j on j.code = p.jurisdiction_code
				where r.role = :role and p.enabled and :path like concat(j.path, '%') order by p.id""")
			.param("role", role.name())
			.param("path", regionPath)
			.query(Long.class)
			.list();
	}

	/**
	 * The same questions, each asked of the database once: a batch of timers tells the
	 * same units, jurisdictions and enterprises again and again. Kept for one batch only,
	 * so a person added or disabled counts from the next one.
	 */
	Memo memo() {
		return new Memo();
	}

	final class Memo {

		private final Map<Long, List<Long>> units = new HashMap<>();

		private final Map<Long, List<Long>> leaders = new HashMap<>();

		private final Map<String, List<Long>> overseeing = new HashMap<>();

		private final Map<Long, List<Long>> enterprises = new HashMap<>();

		private Memo() {
		}

		/**
		 * Reads the people of many units in one query, for a batch whose cases are spread
		 * over many (at most a few hundred).
		 */
		void readUnits(Collection<Long> unitIds) {
			List<Long> unknown = unitIds.stream().distinct().filter(id -> !this.units.containsKey(id)).toList();
			if (unknown.isEmpty()) {
				return;
			}
			unknown.forEach(id -> this.units.put(id, new ArrayList<>()));
			Recipients.this.jdbc.sql("select unit_id, id from person where unit_id in (:units) and enabled order by id")
				.param("units", unknown)
				.query((rs, n) -> this.units.get(rs.getLong(1)).add(rs.getLong(2)))
				.list();
		}

		List<Long> ofUnit(long unitId) {
			return this.units.computeIfAbsent(unitId, Recipients.this::ofUnit);
		}

		List<Long> leadersOf(long unitId) {
			return this.leaders.computeIfAbsent(unitId, Recipients.this::leadersOf);
		}

		List<Long> overseeing(String regionPath, Role role) {
			return this.overseeing.computeIfAbsent(role + " " + regionPath,
					key -> Recipients.this.overseeing(regionPath, role));
		}

		List<Long> ofEnterprise(long enterpriseId) {
			return this.enterprises.computeIfAbsent(enterpriseId, Recipients.this::ofEnterprise);
		}

	}

	List<Long> ofEnterprise(long enterpriseId) {
		return this.jdbc.sql("select id from person where enterprise_id = :enterprise and enabled order by id")
			.param("enterprise", enterpriseId)
			.query(Long.class)
			.list();
	}

}
