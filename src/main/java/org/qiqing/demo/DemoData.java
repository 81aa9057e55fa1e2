package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;
import org.qiqing.casework.CategoryGuide;
import org.qiqing.casework.NewCase;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.Priority;
import org.qiqing.casework.Rating;
import org.qiqing.casework.StepInput;
import org.qiqing.enterprise.CreditCode;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseScale;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.platform.PlatformClock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with the demonstration: deterministic (a fixed seed), so every
 * new user sees the same Jiaxing.
 */
@Component
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String[] INDUSTRIES = { "制造业", "批发和零售业", "信息技术服务业", "交通运输业", "建筑业" };

	private final Regions regions;

	private final Units units;

	private final People people;

	private final Enterprises enterprises;

	private final Categories categories;

	private final CaseManagement cases;

	private final PasswordEncoder passwords;

	private final PlatformClock clock;

	private final FrontDoor frontDoor;

	private final DemoVisits visits;

	private final LinkageDemo linkage;

	private final AssessmentDemo assessment;

	private final EvaluationDemo evaluation;

	private final DisciplineDemo discipline;

	/** Names of people and enterprises, made afresh (and alike) for each load. */
	private ChineseNames names;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	DemoData(Regions regions, Units units, People people, Enterprises enterprises, Categories categories,
			CaseManagement cases, PasswordEncoder passwords, PlatformClock clock, FrontDoor frontDoor,
			DemoVisits visits, LinkageDemo linkage, EvaluationDemo evaluation, AssessmentDemo assessment,
			DisciplineDemo discipline, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.evaluation = evaluation;
		this.discipline = discipline;
		this.jdbc = jdbc;
		this.assessment = assessment;
		this.frontDoor = frontDoor;
		this.visits = visits;
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.enterprises = enterprises;
		this.categories = categories;
		this.cases = cases;
		this.passwords = passwords;
		this.clock = clock;
		this.linkage = linkage;
	}

	private static final Duration LEADER_STEP = Duration.ofHours(2);

	/** The demo logins, username first. */
	record Login(String username, String displayName, Role role, String unitCode, String jurisdiction) {
	}

	static final List<Login> LOGINS = List.of(new Login("admin", "系统管理员 钱进", Role.ADMIN, "JX-QFZX", Jiaxing.CITY),
			new Login("dispatcher", "嘉善受理员 张敏", Role.DISPATCHER, "JS-QFZX", Jiaxing.JIASHAN),
			new Login("dispatcher.hn", "海宁受理员 王磊", Role.DISPATCHER, "HN-QFZX", Jiaxing.HAINING),
			new Login("handler", "经信局承办人 李娜", Role.HANDLER, "JS-JXJ", null),
			new Login("handler.land", "自规局承办人 陈刚", Role.HANDLER, "JS-ZGJ", null),
			new Login("supervisor", "督查员 赵强", Role.SUPERVISOR, "JS-DCS", Jiaxing.JIASHAN),
			new Login("leader", "县领导 周华", Role.LEADER, "JS-QFZX", Jiaxing.JIASHAN),
			new Login("visitor", "西塘驻企联络员 吴婷", Role.VISITOR, "JS-XT", "330421100"),
			new Login("visitor.yz", "姚庄驻企联络员 沈洁", Role.VISITOR, "JS-YZ", "330421101"),
			new Login("inspector", "纪检监察员 孙伟", Role.INSPECTOR, "JX-JW", Jiaxing.CITY));

	static final String ENTERPRISE_LOGIN = "enterprise";

	@Transactional
	void load(DemoSettings settings) {
		Random random = new Random(20151201L);
		this.names = new ChineseNames(new Random(19491001L));
		String hash = this.passwords.encode(settings.password());
		loadRegions();
		Map<String, Unit> unitsByCode = loadUnits();
		Map<String, Category> categoriesByCode = loadCategories(unitsByCode);
		Map<String, Actor> actors = loadLogins(unitsByCode, hash);
		List<Enterprise> firms = loadEnterprises(settings.enterprises(), random);
		Map<Long, Actor> contacts = loadContacts(firms, hash);
		loadCases(settings.cases(), random, firms, contacts, actors, unitsByCode, categoriesByCode, hash);
		loadPastYear(settings.history(), random, firms, contacts, actors, unitsByCode, categoriesByCode, hash);
		loadLeaderAssignments(firms, actors, unitsByCode, categoriesByCode, hash);
		this.evaluation.load(actors, contacts);
		this.assessment.load();
		this.frontDoor.load(firms, contacts, unitsByCode, hash);
		this.visits.load(actors, firms, categoriesByCode);
		this.linkage.load(firms, actors);
		this.discipline.load(actors, unitsByCode, hash);
		log.info("Loaded the Jiaxing demonstration: {} enterprises, {} cases", firms.size(), settings.cases());
	}

	private void loadRegions() {
		this.regions.save(Jiaxing.CITY, "嘉兴市", RegionLevel.CITY, null);
		for (Jiaxing.Place county : Jiaxing.COUNTIES) {
			this.regions.save(county.code(), county.name(), RegionLevel.COUNTY, Jiaxing.CITY);
			for (String[] town : county.towns()) {
				this.regions.save(town[0], town[1], RegionLevel.TOWN, county.code());
			}
		}
		for (String[] village : Jiaxing.XITANG_VILLAGES) {
			this.regions.save(village[0], village[1], RegionLevel.VILLAGE, "330421100");
		}
	}

	private Map<String, Unit> loadUnits() {
		Map<String, Unit> byCode = new HashMap<>();
		for (String[] row : Jiaxing.UNITS) {
			Long superior = row[3].equals(Jiaxing.CITY) || byCode.get("JX-QFZX") == null ? null
					: superiorOf(row, byCode);
			Unit unit = this.units.save(new Unit(row[0], row[1], UnitKind.valueOf(row[2]), row[3], superior));
			byCode.put(row[0], unit);
		}
		// A city bureau of a vertical system that serves the county (organisation's
		// unit_served_region): 嘉善县's dispatcher may assign to it.
		for (String[] served : Jiaxing.SERVED_REGIONS) {
			this.jdbc.sql("insert into unit_served_region (unit_id, region_code) values (:unit, :region)")
				.param("unit", byCode.get(served[0]).getId())
				.param("region", served[1])
				.update();
		}
		return byCode;
	}

	private static Long superiorOf(String[] row, Map<String, Unit> byCode) {
		String prefix = row[0].substring(0, 2);
		String cityPeer = "JX" + row[0].substring(2);
		if (byCode.containsKey(cityPeer)) {
			return byCode.get(cityPeer).getId();
		}
		Unit centre = byCode.get(prefix + "-QFZX");
		return centre == null || row[0].equals(prefix + "-QFZX") ? byCode.get("JX-QFZX").getId() : centre.getId();
	}

	private Map<String, Category> loadCategories(Map<String, Unit> units) {
		Map<String, Category> byCode = new HashMap<>();
		// The demonstration brings its own categories instead of a new install's tree.
		this.categories.removeDefaultTree();
		for (String[] row : Jiaxing.CATEGORIES) {
			byCode.put(row[0],
					this.categories.save(row[0], row[1], null, units.get(row[2]).getId(), Integer.parseInt(row[3])));
			CategoryGuide guide = CategoryGuides.BY_CODE.get(row[0]);
			if (guide != null) {
				this.categories.writeGuide(row[0], guide);
			}
		}
		return byCode;
	}

	private Map<String, Actor> loadLogins(Map<String, Unit> units, String hash) {
		Map<String, Actor> actors = new HashMap<>();
		for (Login login : LOGINS) {
			Unit unit = units.get(login.unitCode());
			Person person = this.people.save(Person.official(login.username(), login.displayName(), hash, unit.getId(),
					login.jurisdiction(), Set.of(login.role())));
			String path = login.jurisdiction() == null ? null
					: this.regions.find(login.jurisdiction()).orElseThrow().path();
			actors.put(login.username(), new Actor(person.getId(), person.getUsername(), person.getDisplayName(),
					unit.getId(), null, path, Set.of(login.role())));
		}
		return actors;
	}

	private List<Enterprise> loadEnterprises(int count, Random random) {
		List<String> towns = new ArrayList<>();
		Jiaxing.COUNTIES.forEach(county -> county.towns().forEach(town -> towns.add(town[0])));
		List<Enterprise> firms = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// Half of them in Jiashan, where the demo's cases are handled.
			String town = i % 2 == 0 ? towns.get(6 + random.nextInt(4)) : towns.get(random.nextInt(towns.size()));
			String county = town.substring(0, 6);
			String name = this.names.enterprise(countyName(county));
			Enterprise firm = new Enterprise(creditCode(county, i), name, town)
				.describe(name, town, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
						countyName(county) + "经济开发区" + (100 + i) + "号",
						EnterpriseScale.values()[random.nextInt(EnterpriseScale.values().length)], tags(i))
				.contact(this.names.person(), "1380573" + String.format("%04d", i), null);
			firms.add(this.enterprises.save(firm));
		}
		return firms;
	}

	/** Some enterprises are above scale (规上), some key to the county (重点), a few both. */
	private static Set<String> tags(int i) {
		Set<String> tags = new java.util.LinkedHashSet<>();
		if (i % 11 == 0) {
			tags.add("重点企业");
		}
		if (i % 7 == 0) {
			tags.add("规上企业");
		}
		return tags;
	}

	private Map<Long, Actor> loadContacts(List<Enterprise> firms, String hash) {
		Map<Long, Actor> contacts = new HashMap<>();
		for (int i = 0; i < firms.size(); i++) {
			Enterprise firm = firms.get(i);
			String username = i == 0 ? ENTERPRISE_LOGIN : "ent" + (i + 1);
			Person person = this.people
				.save(Person.enterpriseContact(username, firm.getContactName(), hash, firm.getId()));
			contacts.put(firm.getId(), new Actor(person.getId(), username, person.getDisplayName(), null, firm.getId(),
					null, Set.of(Role.ENTERPRISE)));
		}
		return contacts;
	}

	/**
	 * Each case walks the real workflow to the state it should end in, so its history is
	 * true.
	 */
	private void loadCases(int count, Random random, List<Enterprise> firms, Map<Long, Actor> contacts,
			Map<String, Actor> actors, Map<String, Unit> units, Map<String, Category> categories, String hash) {
		List<Enterprise> handled = firms.stream()
			.filter(f -> f.getRegionCode().startsWith(Jiaxing.JIASHAN) || f.getRegionCode().startsWith(Jiaxing.HAINING))
			.toList();
		List<Category> categoryList = List.copyOf(categories.values());
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		try {
			for (int i = 0; i < count; i++) {
				// Filed up to three weeks ago, so that open cases stand in every state of
				// time; today's before now, with all their steps. Three in four of the
				// closed ones were filed over the past year instead, at an office's pace.
				List<CaseAction> path = DemoPath.pick(i);
				boolean past = DemoPath.closes(path) && i % 4 != 0;
				List<Duration> gaps = DemoPace.gaps(path, past, random);
				LocalDate filed = past ? today.minusDays(22 + (i * 53L) % 340) : today.minusDays((i * 7L) % 22);
				this.clock.set(DemoClock.filedAt(filed.atTime(9, 0), now, DemoPace.total(gaps)));
				loadCase(handled.get(i % handled.size()), i, path, gaps, random, contacts, actors, units, categoryList,
						hash);
			}
		}
		finally {
			this.clock.reset();
		}
	}

	/**
	 * A year of 嘉善县's closed cases, spread evenly over the twelve months before the last
	 * three weeks, walked through the workflow at an office's pace.
	 */
	private void loadPastYear(int count, Random random, List<Enterprise> firms, Map<Long, Actor> contacts,
			Map<String, Actor> actors, Map<String, Unit> units, Map<String, Category> categories, String hash) {
		List<Enterprise> jiashan = firms.stream().filter(f -> f.getRegionCode().startsWith(Jiaxing.JIASHAN)).toList();
		List<Category> categoryList = List.copyOf(categories.values());
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		try {
			for (int i = 0; i < count && !jiashan.isEmpty(); i++) {
				List<CaseAction> path = DemoPath.past(i);
				List<Duration> gaps = DemoPace.gaps(path, true, random);
				LocalDate filed = today.minusDays(22 + (long) i * 343 / count);
				this.clock.set(DemoClock.filedAt(filed.atTime(8 + i % 9, (i * 7) % 60), now, DemoPace.total(gaps)));
				loadCase(jiashan.get((i * 7) % jiashan.size()), i, path, gaps, random, contacts, actors, units,
						categoryList, hash);
			}
		}
		finally {
			this.clock.reset();
		}
	}

	private void loadCase(Enterprise firm, int i, List<CaseAction> path, List<Duration> gaps, Random random,
			Map<Long, Actor> contacts, Map<String, Actor> actors, Map<String, Unit> units, List<Category> categoryList,
			String hash) {
		boolean jiashan = firm.getRegionCode().startsWith(Jiaxing.JIASHAN);
		Actor contact = contacts.get(firm.getId());
		Actor dispatcher = actors.get(jiashan ? "dispatcher" : "dispatcher.hn");
		Actor filer = switch (i % 4) {
			case 0, 1 -> contact;
			case 2 -> jiashan ? actors.get("visitor") : dispatcher;
			default -> dispatcher;
		};
		if (filer == actors.get("visitor") && !firm.getRegionCode().startsWith("330421100")) {
			filer = dispatcher;
		}
		Category category = categoryList.get(random.nextInt(categoryList.size()));
		List<Difficulties.Difficulty> difficulties = Difficulties.of(category.code());
		Difficulties.Difficulty difficulty = difficulties.get(random.nextInt(difficulties.size()));
		Case kase = this.cases.submit(
				new NewCase(null, category.id(), firm.getId(), difficulty.title(), difficulty.description(), null),
				filer);
		Unit lead = jiashan ? unitOf(category, units) : units.get(random.nextBoolean() ? "HN-JXJ" : "HN-ZGJ");
		Actor handler = handlerOf(lead, actors, hash);
		walk(kase, path, gaps, dispatcher, handler, contact, lead, random);
	}

	/**
	 * Takes the steps at their gaps ({@link DemoPace}), from the moment the case was
	 * filed.
	 */
	private void walk(Case kase, List<CaseAction> path, List<Duration> gaps, Actor dispatcher, Actor handler,
			Actor contact, Unit lead, Random random) {
		Case current = kase;
		for (int n = 0; n < path.size(); n++) {
			CaseAction action = path.get(n);
			this.clock.set(this.clock.instant().plus(gaps.get(n)));
			StepInput input = switch (action) {
				case DECLINE -> StepInput.note("经核实，该事项已通过其他渠道办结。");
				case ASSIGN -> new StepInput("请按时限办理。", lead.getId(), Set.of(), null, null, null, null, null, null);
				case CONTACT -> StepInput.note("已电话联系企业负责人，了解具体诉求。");
				case DISPUTE -> StepInput.note("该事项不属本单位职责，建议交由属地镇街办理。");
				case STAGE_REPLY -> StepInput.note("已会同相关科室现场踏勘，方案正在论证。");
				case REQUEST_EXTENSION -> new StepInput("需等待上级审批，申请延期。", null, null, current.getDueDate().plusDays(7),
						null, null, null, null, null);
				case REQUEST_SUSPENSION -> StepInput.note("需企业补充环评材料，申请挂起。");
				case RESOLVE -> new StepInput(null, null, null, null, Outcome.values()[random.nextInt(4) == 0 ? 1 : 0],
						"已协调解决，具体情况已向企业反馈。", null, null, null);
				case RATE -> new StepInput("办理及时，感谢！", null, null, null, null, null, null, rating(random), null);
				case REOPEN -> new StepInput("问题没有真正解决。", null, null, null, null, null, null, Rating.UNSATISFIED, null);
				default -> StepInput.empty();
			};
			Actor actor = switch (action) {
				case ACCEPT, DECLINE, ASSIGN, APPROVE_SUSPENSION -> dispatcher;
				case WITHDRAW, RATE, REOPEN -> contact;
				default -> handler;
			};
			CaseAction step = action == CaseAction.REOPEN ? CaseAction.RATE : action;
			current = this.cases.perform(current.getId(), current.getVersion(), step, input, actor);
		}
	}

	/**
	 * The county leader's own matters (领导交办), filed over the last weeks with his due
	 * dates and priorities, standing at every step: just assigned, signed for, resolved
	 * and waiting for his confirmation, confirmed.
	 */
	private void loadLeaderAssignments(List<Enterprise> firms, Map<String, Actor> actors, Map<String, Unit> units,
			Map<String, Category> categories, String hash) {
		Actor leader = actors.get("leader");
		List<Enterprise> jiashan = firms.stream().filter(f -> f.getRegionCode().startsWith(Jiaxing.JIASHAN)).toList();
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		try {
			for (int i = 0; i < Difficulties.LEADER_MATTERS.size(); i++) {
				Difficulties.Difficulty matter = Difficulties.LEADER_MATTERS.get(i);
				this.clock.set(
						DemoClock.filedAt(today.minusDays(3L * i).atTime(10, 0), now, LEADER_STEP.multipliedBy(i % 4)));
				Category category = categories.get(matter.category());
				Unit lead = unitOf(category, units);
				Priority priority = Priority.values()[i % Priority.values().length];
				Case kase = this.cases.submit(
						new NewCase(CaseKind.LEADER_ASSIGNMENT, category.id(),
								i % 2 == 0 ? jiashan.get(i).getId() : null, matter.title(), matter.description(), null,
								new NewCase.Assignment(lead.getId(), Set.of(), today.plusDays(12 - 2L * i), priority)),
						leader);
				Actor handler = handlerOf(lead, actors, hash);
				List<CaseAction> path = switch (i % 4) {
					case 0 -> List.of();
					case 1 -> List.of(CaseAction.CONTACT);
					case 2 -> List.of(CaseAction.CONTACT, CaseAction.RESOLVE);
					default -> List.of(CaseAction.CONTACT, CaseAction.RESOLVE, CaseAction.CONFIRM);
				};
				for (CaseAction action : path) {
					this.clock.set(this.clock.instant().plus(LEADER_STEP));
					StepInput input = switch (action) {
						case CONTACT -> StepInput.note("已签收，正在研究落实。");
						case RESOLVE -> new StepInput(null, null, null, null, Outcome.SOLVED, "已按领导要求办结，情况已书面报告。", null,
								null, null);
						default -> StepInput.empty();
					};
					kase = this.cases.perform(kase.getId(), kase.getVersion(), action, input,
							action == CaseAction.CONFIRM ? leader : handler);
				}
			}
		}
		finally {
			this.clock.reset();
		}
	}

	/** Mostly very satisfied or satisfied, one in ten basically satisfied. */
	private static Rating rating(Random random) {
		int draw = random.nextInt(10);
		return draw == 0 ? Rating.BASICALLY_SATISFIED : draw < 5 ? Rating.VERY_SATISFIED : Rating.SATISFIED;
	}

	private static Unit unitOf(Category category, Map<String, Unit> units) {
		return units.values()
			.stream()
			.filter(u -> u.getId().equals(category.defaultUnitId()))
			.findFirst()
			.orElseThrow();
	}

	/** The demo login of the unit if it has one, else a stand-in handler of that unit. */
	private Actor handlerOf(Unit unit, Map<String, Actor> actors, String hash) {
		return actors.values()
			.stream()
			.filter(a -> a.has(Role.HANDLER) && unit.getId().equals(a.unitId()))
			.findFirst()
			.orElseGet(() -> {
				String username = "handler." + unit.getCode().toLowerCase();
				Person person = this.people.findByUsername(username)
					.orElseGet(() -> this.people
						.save(Person.official(username, unit.getName() + "承办人 " + this.names.person(), hash,
								unit.getId(), null, Set.of(Role.HANDLER))));
				Actor actor = new Actor(person.getId(), username, person.getDisplayName(), unit.getId(), null, null,
						Set.of(Role.HANDLER));
				actors.put(username, actor);
				return actor;
			});
	}

	private static String countyName(String county) {
		return Jiaxing.COUNTIES.stream().filter(c -> c.code().equals(county)).findFirst().orElseThrow().name();
	}

	/**
	 * 91 (an enterprise registered with the market regulator) + county code + a serial,
	 * checked.
	 */
	static String creditCode(String county, int serial) {
		String first17 = "91" + county + String.format("%09d", 100000000 + serial * 7919 % 900000000);
		return first17 + CreditCode.checkCharacter(first17);
	}

}
