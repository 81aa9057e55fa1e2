package org.qiqing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.casework.CaseHistory;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.TimerSweep;
import org.qiqing.enterprise.CreditCode;
import org.qiqing.evaluation.Disagreement;
import org.qiqing.evaluation.Flags;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;

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

	@Autowired
	Flags flags;

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

	/** A demo case as filed: what it is about, and when its history says it happened. */
	record Filed(String number, String kind, String category, String title, String description) {
	}

	@Test
	void demoCasesSayWhatTheirCategoryIsAboutAndHappenedBeforeNow() {
		loadOnce();
		Instant now = Instant.now();

		// The demo's cases (DEMO_SUBMITTERS).
		List<Filed> filed = this.jdbc
			.sql("""
					select c.number, c.kind, k.code, c.title, c.description from cases c
					join case_category k on k.id = c.category_id join person p on p.id = c.submitted_by""" + " where "
					+ DEMO_SUBMITTERS + " order by c.id")
			.query((rs, n) -> new Filed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		assertThat(filed).hasSizeGreaterThan(100);
		assertThat(filed).allSatisfy(kase -> {
			Difficulties.Difficulty told = new Difficulties.Difficulty(kase.category(), kase.title(),
					kase.description());
			switch (CaseKind.valueOf(kase.kind())) {
				case ENTERPRISE_REQUEST -> assertThat(Difficulties.REQUESTS.getOrDefault(kase.category(), List.of()))
					.as("%s under %s", kase.number(), kase.category())
					.contains(told);
				case LEADER_ASSIGNMENT -> {
					// a leader's matter of the table, or a decision of the campaign's
					// meeting
					if (!CampaignDemo.toldByTheDemo(kase.title())) {
						assertThat(Difficulties.LEADER_MATTERS).as("leader's %s", kase.number()).contains(told);
					}
				}
				case HELP_VISIT ->
					assertThat(Difficulties.HELP_VISITS).as("help visit %s", kase.number()).contains(kase.title());
				case RECTIFICATION -> assertThat(DisciplineDemo.toldByTheDemo(kase.title()))
					.as("rectification %s: %s", kase.number(), kase.title())
					.isTrue();
			}
		});
		// Every category of the table has its cases, and no title is told under two.
		assertThat(filed.stream().filter(kase -> kase.kind().equals("ENTERPRISE_REQUEST")).map(Filed::category))
			.containsAll(Difficulties.REQUESTS.keySet());
		assertThat(Difficulties.REQUESTS.values().stream().flatMap(List::stream).map(Difficulties.Difficulty::title))
			.doesNotHaveDuplicates();

		for (String column : DEMO_MOMENTS) {
			Timestamp latest = this.jdbc.sql(DEMO_MOMENT.formatted(column)).query(Timestamp.class).single();
			assertThat(latest).as("the latest %s of the demo's cases", column).isNotNull();
			assertThat(latest.toInstant()).as("the latest %s of the demo's cases", column).isBeforeOrEqualTo(now);
		}
		assertThat(this.jdbc.sql("""
				select max(v.created_at) from visit v join person p on p.id = v.visitor_id
				where p.username not like 't.%'""").query(Timestamp.class).single().toInstant())
			.as("the latest visit recorded")
			.isBeforeOrEqualTo(now);
		assertThat(this.jdbc
			.sql("""
					select count(*) from case_event e join case_event later on later.case_id = e.case_id
					and later.seq > e.seq and later.at < e.at
					join cases c on c.id = e.case_id join person p on p.id = c.submitted_by""" + " where "
					+ DEMO_SUBMITTERS)
			.query(Integer.class)
			.single()).as("events stamped before the ones they follow").isZero();
	}

	/**
	 * The moments of the demo's cases: filed, changed, each event (resolved among them).
	 */
	private static final List<String> DEMO_MOMENTS = List.of("c.created_at", "c.updated_at", "c.assigned_at",
			"c.suspended_at", "(select max(e.at) from case_event e where e.case_id = c.id)",
			"(select max(e.at) from case_event e where e.case_id = c.id and e.action = 'RESOLVE')");

	/**
	 * Who filed the demo's cases: not the test world (t.*), nor the contacts other test
	 * classes register through the front door (fd.*, browser.*), nor the platform itself
	 * (system: another test's campaign urging, stepped on days that test travels to).
	 */
	private static final String DEMO_SUBMITTERS = """
			p.username not like 't.%' and p.username not like 'fd.%' and p.username not like 'browser.%'
			and p.username <> 'system'""";

	private static final String DEMO_MOMENT = "select max(%s) from cases c join person p on p.id = c.submitted_by where "
			+ DEMO_SUBMITTERS.replace("%", "%%");

	@Autowired
	org.qiqing.discipline.DisciplineFigures disciplineFigures;

	@Test
	void jiaxingsYearOfDisciplineComesOutAsTheSeedReportsIt() {
		loadOnce();
		org.qiqing.organisation.Actor inspector = this.jdbc
			.sql("select id, unit_id from person where username = 'inspector'")
			.query((rs, n) -> new org.qiqing.organisation.Actor(rs.getLong(1), "inspector", "inspector", rs.getLong(2),
					null, "/330400/", java.util.Set.of(org.qiqing.organisation.Role.INSPECTOR)))
			.single();
		org.qiqing.discipline.DisciplineFilter year = new org.qiqing.discipline.DisciplineFilter(
				java.time.LocalDate.of(2015, 1, 1), java.time.LocalDate.of(2015, 11, 30), null, null);
		assertThat(this.disciplineFigures.figures(year, inspector))
			.isEqualTo(new org.qiqing.discipline.DisciplineFigures.Figures(271, 2883, 449, 185));
		// Every finding became a rectification item, closed with evidence by the group.
		assertThat(this.jdbc.sql("""
				select count(*) from finding f join cases c on c.id = f.rectification_id
				where c.kind = 'RECTIFICATION' and c.state = 'CLOSED' and f.created_at < :end""")
			.param("end", Timestamp.valueOf("2015-12-01 00:00:00"))
			.query(Integer.class)
			.single()).isEqualTo(449);
		// Drilled down by region: 嘉善县 holds part of it, never more.
		org.qiqing.discipline.DisciplineFigures.Figures jiashan = this.disciplineFigures
			.figures(new org.qiqing.discipline.DisciplineFilter(year.from(), year.to(), "330421", null), inspector);
		assertThat(jiashan.inspections()).isPositive().isLessThan(2883);
	}

	@Test
	void demoPeopleAndEnterprisesHavePlausibleNames() {
		loadOnce();
		List<String> unitCodes = new java.util.ArrayList<>(Jiaxing.UNITS.stream().map(unit -> unit[0]).toList());
		unitCodes.add("JS-BQB");

		List<String[]> firms = this.jdbc.sql("""
				select e.name, e.contact_name from enterprise e
				where exists (select 1 from person p where p.enterprise_id = e.id
				              and (p.username = 'enterprise' or p.username like 'ent%'))""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(firms).hasSizeGreaterThanOrEqualTo(40);
		assertThat(firms).allSatisfy(firm -> {
			assertThat(firm[0]).doesNotContainPattern(ChineseNames.DOUBLED)
				.endsWith("有限公司")
				.containsOnlyOnce("公司")
				.matches(name -> !name.replaceFirst("科技", "").contains("科技"), "says 科技 once");
			assertThat(firm[1]).as("contact of %s", firm[0]).matches(ChineseNames.PERSON);
		});
		assertThat(firms.stream().map(firm -> firm[0])).doesNotHaveDuplicates();

		List<String> people = this.jdbc.sql("""
				select p.display_name from person p left join unit u on u.id = p.unit_id
				where p.username not like 't.%' and (u.code in (:units) or p.enterprise_id in (
				    select q.enterprise_id from person q where q.username = 'enterprise' or q.username like 'ent%'))""")
			.param("units", unitCodes)
			.query(String.class)
			.list();
		assertThat(people).hasSizeGreaterThan(firms.size());
		assertThat(people).allSatisfy(name -> {
			assertThat(name).doesNotContainPattern("联系人\\d+").doesNotContainPattern(ChineseNames.DOUBLED);
			String[] words = name.split(" ");
			assertThat(words[words.length - 1]).as("the personal name in '%s'", name).matches(ChineseNames.PERSON);
		});
	}

	@Test
	void jiashanHasAYearOfClosedCasesWalkedAtAnOfficesPace() {
		loadOnce();
		Instant now = Instant.now();
		List<Timestamp> filed = this.jdbc.sql("""
				select c.created_at from cases c join person p on p.id = c.submitted_by
				where p.username not like 't.%' and c.region_code like '330421%'""").query(Timestamp.class).list();
		// Every one of the last twelve months (of thirty days) has cases of the county.
		for (int month = 0; month < 12; month++) {
			Instant from = now.minus(java.time.Duration.ofDays(30L * (month + 1)));
			Instant to = now.minus(java.time.Duration.ofDays(30L * month));
			assertThat(filed).as("cases filed %d months ago", month)
				.anyMatch(at -> at.toInstant().isAfter(from) && !at.toInstant().isAfter(to));
		}
		// Nothing older than a month is still open: an office closes its cases.
		assertThat(this.jdbc.sql("""
				select count(*) from cases c join person p on p.id = c.submitted_by
				where p.username not like 't.%' and c.created_at < :monthAgo
				and c.state not in ('CLOSED', 'DECLINED', 'WITHDRAWN')""")
			.param("monthAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(30))))
			.query(Integer.class)
			.single()).isZero();
		// Past cases took days, not minutes, and some were resolved after their due date.
		List<Long> resolvedAfterDays = this.jdbc.sql("""
				select (select max(e.at) from case_event e where e.case_id = c.id and e.action = 'RESOLVE'),
				       c.created_at, c.due_date from cases c join person p on p.id = c.submitted_by
				where p.username not like 't.%' and c.created_at < :monthAgo and c.state = 'CLOSED'""")
			.param("monthAgo", Timestamp.from(now.minus(java.time.Duration.ofDays(30))))
			.query((rs, n) -> java.time.Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(1).toInstant())
				.toHours())
			.list();
		assertThat(resolvedAfterDays).isNotEmpty().anyMatch(hours -> hours >= 24 * 2);
		assertThat(this.jdbc.sql("""
				select count(*) from cases c join person p on p.id = c.submitted_by
				where p.username not like 't.%' and c.state = 'CLOSED' and c.due_date < (select cast(max(e.at) as date)
				    from case_event e where e.case_id = c.id and e.action = 'RESOLVE')""")
			.query(Integer.class)
			.single()).as("cases resolved after their due date").isPositive();
	}

	@Test
	void demoEvaluationFlagsOneUnitWhoseCallsHearWorseThanItsRatings() {
		loadOnce();
		Actor leader = this.jdbc.sql("""
				select p.id, p.unit_id from person p where p.username = 'leader'""")
			.query((rs, n) -> new Actor(rs.getLong(1), "leader", "leader", rs.getLong(2), null, "/330400/330421/",
					Set.of(Role.LEADER)))
			.single();
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		Flags.Report report = this.flags.of(leader, today.minusYears(1), today);
		List<Flags.UnitFlag> flagged = report.units().stream().filter(u -> u.figures().flagged()).toList();
		assertThat(flagged).as("%s", report.units()).hasSize(1);
		Disagreement figures = flagged.get(0).figures();
		assertThat(figures.ownShare()).isGreaterThan(figures.spotShare() + 0.2);
		// Every spot-check drawn was called back; last quarter's campaign is over and
		// was answered.
		String demoDraws = """
				from eval_spot_check s where s.draw_id in (select d.id from eval_draw d
				  where d.drawn_by = (select p.id from person p where p.username = 'dispatcher'))""";
		assertThat(this.jdbc.sql("select count(*)" + demoDraws + " and s.rating is null").query(Integer.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*)" + demoDraws).query(Integer.class).single()).isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from eval_invitation i join eval_campaign c on c.id = i.campaign_id
				where c.closes_on < :today and i.answered_on is not null
				  and c.created_by = (select p.id from person p where p.username = 'dispatcher')""")
			.param("today", today)
			.query(Integer.class)
			.single()).isPositive();
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
	@Test
	void theTwelvePastMonthsOfAssessmentAreFrozenWithMovement() {
		loadOnce();
		assertThat(this.jdbc.sql("select count(*) from assessment_month").query(Integer.class).single())
			.isGreaterThanOrEqualTo(12);
		// 嘉善县's departments are ranked in several months, and some moved between them
		assertThat(this.jdbc.sql("""
				select count(*) from assessment_result r join unit u on u.id = r.unit_id
				where r.subject = 'U' and u.code like 'JS-%'""").query(Integer.class).single()).isGreaterThan(12);
		assertThat(this.jdbc
			.sql("""
					select count(*) from assessment_result r
					join assessment_result p on p.subject = r.subject and p.unit_id = r.unit_id and p.region_code = r.region_code
					     and p.league = r.league and p.month_start < r.month_start and p.league_rank <> r.league_rank""")
			.query(Integer.class)
			.single()).isGreaterThan(0);
	}

	private void loadOnce() {
		if (this.jdbc.sql("select count(*) from unit where code = 'JX-QFZX'").query(Integer.class).single() == 0) {
			this.demo.load(new DemoSettings(true, 40, 100, 60, "demo"));
		}
	}

}
