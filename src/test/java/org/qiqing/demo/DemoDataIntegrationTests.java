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
 * every state of the workflow and of time, each with a true history.
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
		this.demo.load(new DemoSettings(true, 40, 100, "demo"));

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

}
