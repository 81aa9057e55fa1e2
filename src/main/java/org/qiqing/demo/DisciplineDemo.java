package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.StepInput;
import org.qiqing.discipline.AccountabilityForm;
import org.qiqing.discipline.CauseType;
import org.qiqing.discipline.DisciplineManagement;
import org.qiqing.discipline.DisciplineQueries;
import org.qiqing.discipline.InspectionMode;
import org.qiqing.discipline.NewAccountability;
import org.qiqing.discipline.NewAction;
import org.qiqing.discipline.NewFinding;
import org.qiqing.discipline.NewInspection;
import org.qiqing.discipline.ProblemKind;
import org.qiqing.discipline.Subject;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.platform.PlatformClock;

import org.springframework.stereotype.Component;

/**
 * Jiaxing's year of discipline work in 2015 (issue 15): 271 special actions from January
 * to November, 2,883 units inspected, 449 problems found and 185 people held accountable,
 * as the seed reports them. Built through the real services with the clock set back: each
 * action set up by the city's inspector with its checklist and one of six supervision
 * groups (commissioners of the discipline commission leading members of the party office,
 * the organisation and the propaganda departments), its inspections (one in three
 * unannounced), their findings issued and filed as rectification items that the units
 * work and the group closes with evidence, and the decisions of the register.
 */
@Component
class DisciplineDemo {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisciplineDemo.class);

	static final int ACTIONS = 271;

	static final int INSPECTIONS = 2883;

	static final int FINDINGS = 449;

	static final int PEOPLE = 185;

	/** The first and last day of the demonstration's year. */
	static final LocalDate FIRST = LocalDate.of(2015, 1, 5);

	static final LocalDate LAST = LocalDate.of(2015, 11, 30);

	static final List<String> THEMES = List.of("正风肃纪·窗口服务作风", "“四风”问题明查暗访", "“三严三实”不严不实问题专项检查", "涉企服务“一次性告知”落实",
			"公款吃喝和违规发放津补贴", "庸懒散拖“慢作为”", "公车私用和违规配备公车", "行政审批提速增效", "节日期间作风纪律", "惠企政策兑现落实");

	static final List<String> CHECKLIST = List.of("一次性告知是否清楚完整", "是否存在群众来回跑、多次跑", "工作人员是否在岗在位、着装规范", "办事时限是否按承诺兑现",
			"是否存在吃拿卡要、推诿扯皮", "公务接待和公车使用是否合规");

	/** What a group finds, by the kind of problem's code. */
	static final Map<String, List<String>> PROBLEMS = Map.of("LOYALTY", List.of("上级决策部署传达不及时、落实打折扣"), "DISCIPLINE",
			List.of("工作时间脱岗、串岗，办事群众久等无人", "上班时间玩手机游戏"), "POWER", List.of("对企业检查随意加码，程序不规范"), "DILIGENCE",
			List.of("一次性告知单表述不清，群众反复跑", "企业诉求答复敷衍，未实质解决"), "EXECUTION", List.of("惠企政策兑现拖延，超过承诺时限"), "FORMALISM",
			List.of("台账资料重复报送，基层负担重"), "BUREAUCRATISM", List.of("窗口服务态度生硬，推诿扯皮"), "HEDONISM", List.of("工作日午餐饮酒"),
			"EXTRAVAGANCE", List.of("超标准公务接待"));

	private static final String[][] GROUP_UNITS = { { "JX-SWB", "中共嘉兴市委办公室" }, { "JX-ZZB", "中共嘉兴市委组织部" },
			{ "JX-XCB", "中共嘉兴市委宣传部" } };

	private static final String[] GROUP_NAMES = { "第一督查组", "第二督查组", "第三督查组", "第四督查组", "第五督查组", "第六督查组" };

	private final DisciplineManagement discipline;

	private final DisciplineQueries queries;

	private final CaseManagement cases;

	private final Units units;

	private final People people;

	private final PlatformClock clock;

	private final CampaignDemo campaign;

	DisciplineDemo(DisciplineManagement discipline, DisciplineQueries queries, CaseManagement cases, Units units,
			People people, PlatformClock clock, CampaignDemo campaign) {
		this.campaign = campaign;
		this.discipline = discipline;
		this.queries = queries;
		this.cases = cases;
		this.units = units;
		this.people = people;
		this.clock = clock;
	}

	void load(Map<String, Actor> actors, Map<String, Unit> unitsByCode, String hash) {
		long started = System.nanoTime();
		ChineseNames names = new ChineseNames(new Random(20151130L));
		Actor inspector = actors.get("inspector");
		List<Unit> groupUnits = new ArrayList<>();
		for (String[] row : GROUP_UNITS) {
			groupUnits.add(this.units.save(new Unit(row[0], row[1], UnitKind.OFFICE, Jiaxing.CITY, null)));
		}
		// Six groups: a commissioner of the commission leads, with a member of each of
		// the three departments.
		List<long[]> groups = new ArrayList<>();
		for (int g = 0; g < GROUP_NAMES.length; g++) {
			long leader = this.people.save(Person.official("dc" + (g + 1), "督查专员 " + names.person(), hash,
					unitsByCode.get("JX-JW").getId(), Jiaxing.CITY, Set.of(Role.INSPECTOR)))
				.getId();
			long[] group = new long[1 + groupUnits.size()];
			group[0] = leader;
			for (int m = 0; m < groupUnits.size(); m++) {
				group[m + 1] = this.people.save(Person.official("dc" + (g + 1) + "." + (m + 1),
						"督查组成员 " + names.person(), hash, groupUnits.get(m).getId(), null, Set.of(Role.HANDLER)))
					.getId();
			}
			groups.add(group);
		}
		List<ProblemKind> kinds = this.queries.kinds();
		List<Unit> city = Jiaxing.UNITS.stream()
			.map(row -> unitsByCode.get(row[0]))
			.filter(unit -> !unit.getCode().equals("JX-JW"))
			.toList();
		List<Unit> jiashan = city.stream().filter(unit -> unit.getCode().startsWith("JS-")).toList();
		Unit cityOrganiser = unitsByCode.get("JX-JW");
		Unit jiashanOrganiser = unitsByCode.get("JS-DCS");
		Map<String, Actor> handlers = new java.util.HashMap<>();
		int inspection = 0;
		int finding = 0;
		try {
			for (int a = 0; a < ACTIONS; a++) {
				LocalDate starts = FIRST.plusDays((long) a * 315 / ACTIONS);
				boolean county = a % 4 == 3;
				List<Unit> covered = county ? jiashan : city;
				int count = INSPECTIONS * (a + 1) / ACTIONS - INSPECTIONS * a / ACTIONS;
				LocalDate lastDay = starts.plusDays(count);
				this.clock.set(lastDay.atTime(17, 0).atZone(CHINA).toInstant());
				long[] group = groups.get(a % groups.size());
				List<Long> members = new ArrayList<>();
				for (int m = 1; m < group.length; m++) {
					members.add(group[m]);
				}
				long action = this.discipline.createAction(
						new NewAction(THEMES.get(a % THEMES.size()) + "（第" + (a + 1) + "次）",
								(county ? jiashanOrganiser : cityOrganiser).getId(), starts, starts.plusDays(20),
								county ? List.of(Jiaxing.JIASHAN) : List.of(), List.of(), CHECKLIST,
								List.of(new NewAction.Group(GROUP_NAMES[a % GROUP_NAMES.length], group[0], members))),
						inspector);
				long groupId = this.queries.action(action, inspector).groups().get(0).id();
				// The action's inspections at once; a finding in one of them is issued
				// and
				// filed as a rectification item, and some cost someone his record.
				List<NewInspection> visits = new ArrayList<>();
				List<Boolean> findings = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					int n = inspection + i;
					boolean found = FINDINGS * (n + 1) / INSPECTIONS > FINDINGS * n / INSPECTIONS;
					findings.add(found);
					visits.add(new NewInspection(groupId, covered.get((a + i) % covered.size()).getId(),
							n % 3 == 2 ? InspectionMode.UNANNOUNCED : InspectionMode.PLANNED, starts.plusDays(i), null,
							List.of(new NewInspection.Check(1 + i % CHECKLIST.size(), !found, found ? "发现问题" : null)),
							null));
				}
				List<Long> ids = this.discipline.recordInspections(action, visits, inspector);
				inspection += count;
				for (int i = 0; i < count; i++) {
					if (!findings.get(i)) {
						continue;
					}
					Unit unit = covered.get((a + i) % covered.size());
					LocalDate day = starts.plusDays(i);
					long id = ids.get(i);
					ProblemKind kind = kinds.get(finding % 9);
					List<String> told = PROBLEMS.get(kind.code());
					String person = names.person();
					this.clock.set(day.atTime(18, 0).atZone(CHINA).toInstant());
					long findingId = this.discipline.recordFinding(id,
							new NewFinding(kind.id(), null, told.get(finding % told.size()), unit.getName(), person),
							List.of(), inspector);
					LocalDate due = day.plusDays(30);
					long item = this.discipline.issueFindings(id, due, inspector).get(0);
					rectify(item, day, inspector, handlerOf(unit, handlers, names, hash));
					boolean heldToAccount = PEOPLE * (finding + 1) / FINDINGS > PEOPLE * finding / FINDINGS;
					if (heldToAccount || finding % 40 == 7) {
						LocalDate decided = day.plusDays(25).isAfter(LAST) ? LAST : day.plusDays(25);
						this.clock.set(decided.atTime(16, 0).atZone(CHINA).toInstant());
						AccountabilityForm form = heldToAccount ? AccountabilityForm.values()[finding % 4]
								: AccountabilityForm.NOTICE;
						this.discipline.recordAccountability(new NewAccountability(CauseType.FINDING, findingId,
								heldToAccount ? Subject.PERSON : Subject.ORGANISATION, heldToAccount ? person : null,
								unit.getId(), form, "中共嘉兴市纪委", decided, "嘉纪〔2015〕" + (finding + 1) + "号"), null,
								inspector);
					}
					finding++;
				}
			}
		}
		finally {
			this.clock.reset();
		}
		this.campaign.load(actors, unitsByCode);
		log.info("Loaded the discipline year: {} actions, {} inspections, {} findings in {} ms", ACTIONS, inspection,
				finding, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The unit signs for its item with its plan, reports it done with its evidence, and
	 * the group verifies and closes it (销号).
	 */
	private void rectify(long item, LocalDate day, Actor inspector, Actor handler) {
		Case kase = this.cases.find(item, inspector);
		this.clock.set(day.plusDays(1).atTime(10, 0).atZone(CHINA).toInstant());
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.CONTACT,
				StepInput.note("整改措施：立行立改、建章立制；责任人：分管负责人；时限：一个月内。"), handler);
		this.clock.set(day.plusDays(15).atTime(10, 0).atZone(CHINA).toInstant());
		kase = this.cases.perform(item, kase.getVersion(), CaseAction.RESOLVE, new StepInput(null, null, null, null,
				Outcome.SOLVED, "已按整改方案完成整改，制度已修订，佐证材料附后。", null, null, List.of(new NewAttachment("整改佐证.pdf",
						"application/pdf", "%PDF-1.4\n% 整改佐证\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
				handler);
		this.clock.set(day.plusDays(20).atTime(10, 0).atZone(CHINA).toInstant());
		this.cases.perform(item, kase.getVersion(), CaseAction.CONFIRM, StepInput.note("督查组验收合格，予以销号。"), inspector);
	}

	/** A handler of the unit, made once per unit. */
	private Actor handlerOf(Unit unit, Map<String, Actor> handlers, ChineseNames names, String hash) {
		return handlers.computeIfAbsent(unit.getCode(), code -> {
			Person person = this.people.save(Person.official("zg." + code.toLowerCase(java.util.Locale.ROOT),
					"整改联络员 " + names.person(), hash, unit.getId(), null, Set.of(Role.HANDLER)));
			return new Actor(person.getId(), person.getUsername(), person.getDisplayName(), unit.getId(), null, null,
					Set.of(Role.HANDLER));
		});
	}

	/** The demonstration's findings, to tell a rectification item's title by. */
	static boolean toldByTheDemo(String title) {
		return PROBLEMS.values().stream().flatMap(List::stream).anyMatch(title::endsWith);
	}

}
