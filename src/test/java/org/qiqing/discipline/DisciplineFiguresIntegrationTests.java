package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.World;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The figures read from the counts kept by month (V55) are those counted from every
 * record, for every kind of reader (an inspector, a foreign inspector who is a member of
 * the action's group, a member without a jurisdiction, the inspected unit, a colleague of
 * nobody), every narrowing (region, organiser) and periods of whole months, of parts of
 * months and open ones; and they move as records are written and issued.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisciplineFiguresIntegrationTests {

	@Autowired
	World world;

	@Autowired
	DisciplineManagement management;

	@Autowired
	DisciplineQueries queries;

	@Autowired
	DisciplineFigures figures;

	@Autowired
	People people;

	@Autowired
	Regions regions;

	@Autowired
	PasswordEncoder passwords;

	Actor inspectorA;

	Actor inspectorB;

	Actor member;

	final LocalDate today = LocalDate.now();

	final List<Long> actions = new ArrayList<>();

	@BeforeAll
	void records() {
		this.inspectorA = official("t.f.inspector.a", Role.INSPECTOR, this.world.centreA(), "330421");
		// A foreign inspector serving on the action's group: counts it as a member.
		this.inspectorB = official("t.f.inspector.b", Role.INSPECTOR, this.world.centreB(), "330481");
		this.member = official("t.f.member.a", Role.HANDLER, this.world.otherDeptA(), null);
		long kind = this.queries.kinds().get(0).id();
		for (int a = 0; a < 3; a++) {
			LocalDate starts = this.today.minusDays(20 + 35L * a);
			long actionId = this.management
				.createAction(
						new NewAction("专项检查 " + a, this.world.centreA().getId(), starts, starts.plusDays(30),
								a == 2 ? List.of("330421") : List.of(), List.of(), List.of("要点"),
								List.of(new NewAction.Group("第一督查组", this.inspectorA.personId(),
										List.of(this.member.personId(), this.inspectorB.personId())))),
						this.inspectorA);
			this.actions.add(actionId);
			long group = this.queries.action(actionId, this.inspectorA).groups().get(0).id();
			for (int i = 0; i < 4; i++) {
				InspectionMode mode = i % 2 == 0 ? InspectionMode.UNANNOUNCED : InspectionMode.PLANNED;
				Unit unit = i == 3 ? this.world.otherDeptA() : this.world.deptA();
				long inspection = this.management.recordInspection(actionId,
						new NewInspection(group, unit.getId(), mode, starts.plusDays(3L * i), "检查", List.of(), null),
						i == 1 ? this.inspectorB : this.member);
				long finding = this.management.recordFinding(inspection,
						new NewFinding(kind, null, "问题 " + a + "-" + i, null, "张某"), List.of(), this.member);
				if (i < 3) {
					this.management.issueFindings(inspection, null, this.inspectorA);
					this.management.recordAccountability(new NewAccountability(CauseType.FINDING, finding,
							Subject.PERSON, "张某", unit.getId(), AccountabilityForm.NOTICE, "中共嘉善县纪委",
							starts.plusDays(5L + i), "善纪〔" + a + "〕" + i + "号"), null, this.inspectorA);
				}
			}
		}
	}

	Actor official(String username, Role role, Unit unit, String jurisdiction) {
		Person person = this.people.save(Person.official(username, username, this.passwords.encode(TestWorld.PASSWORD),
				unit.getId(), jurisdiction, Set.of(role)));
		String path = jurisdiction == null ? null : this.regions.find(jurisdiction).orElseThrow().path();
		return new Actor(person.getId(), username, username, unit.getId(), null, path, Set.of(role));
	}

	@Test
	void theKeptCountsAreWhatCountingEveryRecordGives() {
		LocalDate first = this.today.withDayOfMonth(1);
		List<DisciplineFilter> filters = new ArrayList<>(List.of(DisciplineFilter.none(),
				new DisciplineFilter(first.minusMonths(4), first.minusDays(1), null, null),
				new DisciplineFilter(this.today.minusDays(100), this.today, null, null),
				new DisciplineFilter(this.today.minusDays(50), null, null, null),
				new DisciplineFilter(null, this.today.minusDays(40), null, null),
				new DisciplineFilter(this.today.minusDays(30), this.today.minusDays(25), null, null),
				new DisciplineFilter(first.minusMonths(3), this.today, null, this.world.centreA().getId())));
		List<Actor> readers = List.of(this.inspectorA, this.inspectorB, this.member, this.world.handlerA().actor(),
				this.world.otherHandlerA().actor(), this.world.dispatcherB().actor(), this.world.leaderA().actor());
		for (Actor reader : readers) {
			for (DisciplineFilter filter : filters) {
				assertThat(this.figures.report(filter, reader)).as(reader.username() + " " + filter)
					.isEqualTo(this.figures.countedFromRecords(filter, reader));
			}
		}
		DisciplineFilter region = new DisciplineFilter(this.today.minusDays(100), null, "330421", null);
		assertThat(this.figures.report(region, this.inspectorA))
			.isEqualTo(this.figures.countedFromRecords(region, this.inspectorA));
		// What the foreign inspector counts as a member is all there is to count of them.
		assertThat(this.figures.report(DisciplineFilter.none(), this.inspectorB).total().inspections())
			.isGreaterThanOrEqualTo(12);
	}

	@Test
	void theFiguresMoveAsAnInspectionIsRecordedAndIssued() {
		DisciplineFilter all = DisciplineFilter.none();
		Actor unit = this.world.handlerA().actor();
		DisciplineFigures.Figures before = this.figures.figures(all, this.inspectorB);
		DisciplineFigures.Figures unitBefore = this.figures.figures(all, unit);
		long actionId = this.actions.get(0);
		long group = this.queries.action(actionId, this.inspectorA).groups().get(0).id();
		long inspection = this.management.recordInspection(actionId, new NewInspection(group,
				this.world.deptA().getId(), InspectionMode.UNANNOUNCED, this.today, null, List.of(), null),
				this.inspectorB);
		this.management.recordFinding(inspection,
				new NewFinding(this.queries.kinds().get(1).id(), null, "又一问题", null, null), List.of(), this.inspectorB);
		assertThat(this.figures.figures(all, this.inspectorB)).isEqualTo(new DisciplineFigures.Figures(before.actions(),
				before.inspections() + 1, before.findings() + 1, before.people()));
		assertThat(this.figures.figures(all, unit)).isEqualTo(unitBefore);
		this.management.issueFindings(inspection, null, this.inspectorB);
		assertThat(this.figures.figures(all, unit)).isEqualTo(new DisciplineFigures.Figures(unitBefore.actions(),
				unitBefore.inspections() + 1, unitBefore.findings() + 1, unitBefore.people()));
		assertThat(this.figures.report(all, unit)).isEqualTo(this.figures.countedFromRecords(all, unit));
	}

	/**
	 * An inspection counts once made: scheduled ahead it is not yet counted (in this
	 * month nor in a later one); moved to today it counts today, in its month; cancelled
	 * it is never counted. The kept counts stay what counting every record gives, for
	 * every reader and period, after each.
	 */
	@Test
	void aScheduledInspectionCountsOnceItsDayHasComeMovesWithItAndNeverOnceCancelled() {
		LocalDate today = LocalDate.now(org.qiqing.platform.PlatformClock.CHINA);
		long actionId = this.management.createAction(new NewAction("预先安排的专项", this.world.centreA().getId(),
				today.minusDays(5), today.plusDays(70), List.of(), List.of(), List.of("要点"),
				List.of(new NewAction.Group("明查组", this.inspectorA.personId(), List.of(this.member.personId())))),
				this.inspectorA);
		long group = this.queries.action(actionId, this.inspectorA).groups().get(0).id();
		DisciplineFilter all = DisciplineFilter.none();
		DisciplineFilter thisMonth = new DisciplineFilter(today.withDayOfMonth(1),
				today.withDayOfMonth(today.lengthOfMonth()), null, null);
		DisciplineFilter ahead = new DisciplineFilter(today.plusDays(1), null, null, null);
		Actor unit = this.world.handlerA().actor();
		long before = this.figures.figures(all, this.inspectorA).inspections();
		long unitBefore = this.figures.figures(all, unit).inspections();
		long monthBefore = this.figures.figures(thisMonth, this.inspectorA).inspections();

		// Scheduled ahead, one later this month or early next, one two months on:
		// counted nowhere yet.
		long soon = schedule(actionId, group, today.plusDays(3));
		long later = schedule(actionId, group, today.plusDays(60));
		long dropped = schedule(actionId, group, today.plusDays(40));
		assertThat(this.figures.figures(all, this.inspectorA).inspections()).isEqualTo(before);
		assertThat(this.figures.figures(all, unit).inspections()).isEqualTo(unitBefore);
		assertThat(this.figures.figures(ahead, this.inspectorA).inspections()).isZero();
		assertSameAsRecords(today);

		// Moved to today: counted today, in this month; moved further ahead: still not.
		this.management.moveInspection(later, 0, today, this.member);
		this.management.moveInspection(soon, 0, today.plusDays(50), this.member);
		assertThat(this.figures.figures(all, this.inspectorA).inspections()).isEqualTo(before + 1);
		assertThat(this.figures.figures(all, unit).inspections()).isEqualTo(unitBefore + 1);
		assertThat(this.figures.figures(thisMonth, this.inspectorA).inspections()).isEqualTo(monthBefore + 1);
		assertSameAsRecords(today);

		// Cancelled: never counted, even once its day would have come (its count is
		// taken back from the kept counts).
		this.management.cancelInspection(dropped, 0, "与巡察撞期", this.inspectorA);
		assertThat(this.figures.figures(all, this.inspectorA).inspections()).isEqualTo(before + 1);
		assertSameAsRecords(today);
		// Read from the kept counts of the months after this one, which would still
		// hold it.
		DisciplineFilter next = new DisciplineFilter(today.withDayOfMonth(1).plusMonths(1), null, null, null);
		assertThat(this.figures.report(next, this.inspectorA))
			.isEqualTo(this.figures.countedFromRecords(next, this.inspectorA));
	}

	private long schedule(long actionId, long group, LocalDate day) {
		return this.management.recordInspection(actionId, new NewInspection(group, this.world.deptA().getId(),
				InspectionMode.PLANNED, day, null, List.of(), null), this.member);
	}

	/** The figures read from the kept counts are those counted from every record. */
	private void assertSameAsRecords(LocalDate today) {
		LocalDate first = today.withDayOfMonth(1);
		List<DisciplineFilter> filters = List.of(DisciplineFilter.none(),
				new DisciplineFilter(first, first.plusMonths(3).minusDays(1), null, null),
				new DisciplineFilter(first.minusMonths(1), today, null, null),
				new DisciplineFilter(today, null, null, null),
				new DisciplineFilter(today.plusDays(1), null, null, null),
				new DisciplineFilter(first.plusMonths(1), null, null, this.world.centreA().getId()),
				new DisciplineFilter(null, today.plusDays(45), null, null));
		for (Actor reader : List.of(this.inspectorA, this.inspectorB, this.member, this.world.handlerA().actor(),
				this.world.otherHandlerA().actor())) {
			for (DisciplineFilter filter : filters) {
				assertThat(this.figures.report(filter, reader)).as(reader.username() + " " + filter)
					.isEqualTo(this.figures.countedFromRecords(filter, reader));
			}
		}
		DisciplineFilter region = new DisciplineFilter(null, today.plusDays(45), "330421", null);
		assertThat(this.figures.report(region, this.inspectorA))
			.isEqualTo(this.figures.countedFromRecords(region, this.inspectorA));
	}

	@Test
	void aPeriodIsItsWholeMonthsAndTheDaysOfTheOthers() {
		DisciplineFigures.Split year = DisciplineFigures.Split.of(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31));
		assertThat(year.firstMonth()).isEqualTo(2015 * 12);
		assertThat(year.lastMonth()).isEqualTo(2015 * 12 + 11);
		assertThat(year.days()).isEmpty();
		DisciplineFigures.Split parts = DisciplineFigures.Split.of(LocalDate.of(2015, 1, 15),
				LocalDate.of(2015, 3, 10));
		assertThat(parts.firstDay()).isEqualTo(LocalDate.of(2015, 2, 1));
		assertThat(parts.lastDay()).isEqualTo(LocalDate.of(2015, 2, 28));
		assertThat(parts.days()).containsExactly(
				new LocalDate[] { LocalDate.of(2015, 1, 15), LocalDate.of(2015, 1, 31) },
				new LocalDate[] { LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 10) });
		DisciplineFigures.Split within = DisciplineFigures.Split.of(LocalDate.of(2015, 1, 15),
				LocalDate.of(2015, 2, 10));
		assertThat(within.firstMonth()).isGreaterThan(within.lastMonth());
		assertThat(within.days())
			.containsExactly(new LocalDate[] { LocalDate.of(2015, 1, 15), LocalDate.of(2015, 2, 10) });
		assertThat(DisciplineFigures.Split.of(LocalDate.of(2015, 2, 1), LocalDate.of(2015, 1, 31)).days()).isEmpty();
		assertThat(DisciplineFigures.Split.of(null, null).days()).isEmpty();
		assertThat(DisciplineManagement.coverage(List.of("/330400/330421/", "/330400/330481/"))).isEqualTo("/330400/");
		assertThat(DisciplineManagement.coverage(List.of("/330400/330421/"))).isEqualTo("/330400/330421/");
		assertThat(DisciplineManagement.coverage(List.of("/330400/", "/330500/"))).isEqualTo("/");
	}

}
