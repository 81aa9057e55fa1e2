package org.qiqing.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.casework.TimerSweep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the demonstration and a sweep of its timers, nobody has more unread entries than
 * there are cases that need him (open cases of his enterprise, unit or jurisdiction, that
 * he submitted or was told about), and no case shows him more than one unread entry per
 * kind: the repeated urgings are counted in one entry, not listed.
 */
@IntegrationTest
class DemoNoticesIntegrationTests {

	@Autowired
	DemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TimerSweep sweep;

	record Person(String username, long notices, long unread, long cases) {
	}

	@Test
	void nobodyHasMoreUnreadEntriesThanCasesThatNeedHimNorTwoUnreadOfOneKindForACase() {
		this.demo.load(new DemoSettings(true, 40, 100, "demo"));
		this.sweep.sweep();

		List<Person> people = this.jdbc.sql("""
				select p.username,
				       (select count(*) from notification_received r where r.person_id = p.id) as notices,
				       (select count(*) from notification n where n.person_id = p.id and n.read_at is null) as unread,
				       (select count(*) from cases c where c.state not in ('CLOSED', 'DECLINED', 'WITHDRAWN') and (
				           c.enterprise_id = p.enterprise_id or c.submitted_by = p.id
				           or c.lead_unit_id = p.unit_id or c.escalated_unit_id = p.unit_id
				           or exists (select 1 from case_co_unit cu where cu.case_id = c.id and cu.unit_id = p.unit_id)
				           or c.region_path like '%' || p.jurisdiction_code || '%'
				           or exists (select 1 from notification n where n.person_id = p.id and n.case_id = c.id)))
				       as cases
				from person p where p.username not like 't.%' order by p.username""")
			.query((rs, n) -> new Person(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
		people.stream()
			.filter(person -> person.unread() > person.cases())
			.forEach(person -> System.out.println(person + " "
					+ this.jdbc.sql("""
							select n.topic || ' ' || c.state || ' ' || n.repeats from notification n
							join cases c on c.id = n.case_id join person p on p.id = n.person_id
							where p.username = :name and n.read_at is null order by n.case_id""")
						.param("name", person.username())
						.query(String.class)
						.list()));
		assertThat(people).filteredOn(person -> person.notices() > 0).isNotEmpty();
		assertThat(people).allSatisfy(
				person -> assertThat(person.unread()).as(person.username()).isLessThanOrEqualTo(person.cases()));
		assertThat(this.jdbc.sql("""
				select count(*) from (select person_id, case_id, topic from notification where read_at is null
				                      group by person_id, case_id, topic having count(*) > 1) twice""")
			.query(Long.class)
			.single()).isZero();
	}

}
