package org.qiqing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.casework.CaseHistory;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.TimerSweep;
import org.qiqing.enterprise.CreditCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demonstration a new user sees: Jiaxing's regions, valid credit codes, cases in
 * every state of the workflow and of time, each with a true history; and after its timers
 * have run, nobody has more unread entries than there are cases that need him (open cases
 * of his enterprise, unit or jurisdiction, that he submitted or was told about), and no
 * case shows him more than one unread entry per kind: the repeated urgings are counted in
 * one entry, not listed.
 */
@IntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	DemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHistory history;

	@Autowired
	TimerSweep sweep;

	@Test
	void demoShowsJiaxingWithCasesInEveryStateAndIntactHistories() {
		loadOnce();

		List<String> counties = this.jdbc.sql("select code from region where parent_code = '330400' order by code")
			.query(String.class)
			.list();
		assertThat(counties).containsExactly("330402", "330411", "330421", "330424", "330481", "330482", "330483");
		assertThat(this.jdbc.sql("select count(*) from region where level = 'TOWN'").query(Integer.class).single())
			.isGreaterThanOrEqualTo(21);
		List<String> codes = this.jdbc.sql("select credit_code from enterprise").query(String.class).list();
		assertThat(codes).allMatch(CreditCode::isValid);
		List<String> states = this.jdbc
			.sql("select distinct c.state from cases c join person p on p.id = c.submitted_by"
					+ " where p.username not like 't.%'")
			.query(String.class)
			.list();
		assertThat(states).containsExactlyInAnyOrderElementsOf(
				CaseKind.ENTERPRISE_REQUEST.workflow().states().stream().map(Enum::name).toList());
		List<String> leaders = this.jdbc
			.sql("select distinct state from cases where kind = 'LEADER_ASSIGNMENT' and channel = 'LEADER'")
			.query(String.class)
			.list();
		assertThat(leaders).containsExactlyInAnyOrder("ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED");
		this.sweep.sweep();
		List<String> times = this.jdbc
			.sql("select distinct c.time_state from cases c join person p on p.id = c.submitted_by"
					+ " where p.username not like 't.%' and c.time_state is not null")
			.query(String.class)
			.list();
		assertThat(times).containsExactlyInAnyOrder("ON_TIME", "YELLOW", "RED", "SUSPENDED");
		assertThat(this.history.verifyAll()).isEmpty();
		// Visits (走访) of both towns' officials, some with the requests heard on them, and
		// of the officials and group members linked to enterprises (挂联).
		List<String> visitors = this.jdbc
			.sql("select distinct p.username from visit v join person p on p.id = v.visitor_id"
					+ " where p.username not like 't.%'")
			.query(String.class)
			.list();
		assertThat(visitors).contains("visitor", "visitor.yz", "leader");
		assertThat(this.jdbc.sql("select count(*) from link").query(Integer.class).single()).isPositive();
		assertThat(this.jdbc.sql("""
				select distinct c.channel from visit_case vc join cases c on c.id = vc.case_id
				join visit v on v.id = vc.visit_id join person p on p.id = v.visitor_id
				where p.username not like 't.%'""").query(String.class).list()).containsExactly("VISIT");
		assertThat(this.jdbc.sql("select count(*) from visit_photo").query(Integer.class).single()).isPositive();
	}

	record Person(String username, long notices, long unread, long cases) {
	}

	@Test
	void afterItsTimersNobodyHasMoreUnreadEntriesThanCasesThatNeedHimNorTwoUnreadOfOneKindForACase() {
		loadOnce();
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
		assertThat(people).filteredOn(person -> person.notices() > 0).isNotEmpty();
		assertThat(people).allSatisfy(person -> assertThat(person.unread())
			.as("%s's unread entries: %s", person.username(), unreadEntriesOf(person.username()))
			.isLessThanOrEqualTo(person.cases()));
		assertThat(this.jdbc.sql("""
				select count(*) from (select person_id, case_id, topic from notification where read_at is null
				                      group by person_id, case_id, topic having count(*) > 1) twice""")
			.query(Long.class)
			.single()).isZero();
	}

	private List<String> unreadEntriesOf(String username) {
		return this.jdbc.sql("""
				select n.topic || ' ' || c.state || ' ' || n.repeats from notification n
				join cases c on c.id = n.case_id join person p on p.id = n.person_id
				where p.username = :name and n.read_at is null order by n.case_id""")
			.param("name", username)
			.query(String.class)
			.list();
	}

	/** The demonstration, loaded once into the database the integration tests share. */
	private void loadOnce() {
		if (this.jdbc.sql("select count(*) from unit where code = 'JX-QFZX'").query(Integer.class).single() == 0) {
			this.demo.load(new DemoSettings(true, 40, 100, "demo"));
		}
	}

}
