package org.qiqing.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qiqing.platform.Rows;
import org.qiqing.profile.EnterpriseProfile.LinkedOfficial;
import org.qiqing.profile.EnterpriseProfile.Visit;
import org.qiqing.profile.EnterpriseProfile.Visits;

import org.qiqing.visit.VisitQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links to an enterprise and the visits made to it, read straight from the tables of
 * linkage and visits (V16): a deliberate read-only coupling at the SQL level, as the
 * enterprise scope's look into cases, so the profile needs neither module's internals. A
 * visit's photos are listed by the visit module, which serves them.
 */
@Component
class FieldWork {

	private final JdbcClient jdbc;

	private final VisitQueries visitQueries;

	FieldWork(JdbcClient jdbc, VisitQueries visitQueries) {
		this.jdbc = jdbc;
		this.visitQueries = visitQueries;
	}

	/**
	 * The officials and groups linked to the enterprise whose link has not ended, with
	 * the last visit one of them made (for a group, its leader or a member).
	 */
	List<LinkedOfficial> linked(long enterpriseId, LocalDate today) {
		return this.jdbc
			.sql("""
					select coalesce(p.display_name, g.name) as holder, u.name as unit_name, l.group_id is not null as grp,
					       l.frequency, l.starts_on, l.ends_on,
					       (select max(v.visited_on) from visit v where v.enterprise_id = l.enterprise_id
					          and (v.visitor_id = l.person_id or v.visitor_id = g.leader_id
					               or v.visitor_id in (select m.person_id from work_group_member m where m.group_id = l.group_id)))
					         as last_visited_on
					from link l
					left join person p on p.id = l.person_id
					left join work_group g on g.id = l.group_id
					left join unit u on u.id = coalesce(p.unit_id, (select lp.unit_id from person lp where lp.id = g.leader_id))
					where l.enterprise_id = :enterprise and (l.ends_on is null or l.ends_on >= :today)
					order by l.starts_on, l.id""")
			.param("enterprise", enterpriseId)
			.param("today", today)
			.query((rs, row) -> new LinkedOfficial(rs.getString("holder"), rs.getString("unit_name"),
					rs.getBoolean("grp"), rs.getString("frequency"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class), rs.getObject("last_visited_on", LocalDate.class)))
			.list();
	}

	Visits visits(long enterpriseId, int latest) {
		int total = this.jdbc.sql("select count(*) from visit where enterprise_id = :enterprise")
			.param("enterprise", enterpriseId)
			.query(Integer.class)
			.single();
		record Row(long id, LocalDate visitedOn, String visitor, String unitName, String met, String notes, int cases) {
		}
		List<Row> rows = this.jdbc.sql("""
				select v.id, v.visited_on, p.display_name as visitor, u.name as unit_name, v.met, v.notes,
				       (select count(*) from visit_case vc where vc.visit_id = v.id) as cases
				from visit v
				join person p on p.id = v.visitor_id
				left join unit u on u.id = v.unit_id
				where v.enterprise_id = :enterprise
				order by v.visited_on desc, v.id desc limit :latest""")
			.param("enterprise", enterpriseId)
			.param("latest", latest)
			.query(Rows.of(Row.class))
			.list();
		Map<Long, List<Long>> photos = this.visitQueries.photoIds(rows.stream().map(Row::id).toList());
		List<Visit> visits = rows.stream()
			.map(r -> new Visit(r.id(), r.visitedOn(), r.visitor(), r.unitName(), r.met(), r.notes(), r.cases(),
					photos.getOrDefault(r.id(), List.of())))
			.toList();
		return new Visits(total, visits);
	}

}
