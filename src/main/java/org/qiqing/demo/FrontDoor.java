package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.Categories;
import org.qiqing.casework.CategoryGuide;
import org.qiqing.casework.HelpVisit;
import org.qiqing.casework.NewCase;
import org.qiqing.casework.StepInput;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.ContactManagement;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.registration.NewRegistration;
import org.qiqing.registration.RegistrationDesk;

import org.springframework.stereotype.Component;

/**
 * The enterprise's front door in the demonstration: 嘉善县帮企办 with its login
 * {@code helpdesk}, a second contact of the {@code enterprise} login's enterprise (which
 * he manages), registrations waiting for the {@code dispatcher}, and service visits asked
 * of the help office.
 */
@Component
class FrontDoor {

	static final String HELP_DESK_LOGIN = "helpdesk";

	private final Units units;

	private final People people;

	private final ContactManagement contacts;

	private final RegistrationDesk registrations;

	private final CaseManagement cases;

	private final Categories categories;

	FrontDoor(Units units, People people, ContactManagement contacts, RegistrationDesk registrations,
			CaseManagement cases, Categories categories) {
		this.categories = categories;
		this.units = units;
		this.people = people;
		this.contacts = contacts;
		this.registrations = registrations;
		this.cases = cases;
	}

	/**
	 * The password the demo's registrants chose: it goes through the registration desk,
	 * so it follows the password policy like any registrant's.
	 */
	static final String REGISTRANT_PASSWORD = "qiqing-demo";

	void load(List<Enterprise> firms, Map<Long, Actor> contactsByFirm, Map<String, Unit> unitsByCode, String hash) {
		Unit office = this.units.save(new Unit("JS-BQB", "嘉善县帮企办", UnitKind.HELP_OFFICE, Jiaxing.JIASHAN,
				unitsByCode.get("JS-QFZX").getId()));
		Person clerk = this.people
			.save(Person.official(HELP_DESK_LOGIN, "帮企办 刘洋", hash, office.getId(), null, Set.of(Role.HANDLER)));
		Actor helpDesk = new Actor(clerk.getId(), clerk.getUsername(), clerk.getDisplayName(), office.getId(), null,
				null, Set.of(Role.HANDLER));
		this.categories.writeGuide(HelpVisit.CATEGORY_CODE,
				new CategoryGuide("想请帮企办上门解决或辅导的具体事项，希望同行的部门（如消防、税务、人社），上门地点和方便的日期。",
						List.of("营业执照复印件", "与事项有关的文书或照片（如有）"),
						"提交后直接交属地帮企办，无需等待受理；帮企办在 1 个工作日内电话联系，约定上门时间并邀请有关部门同行，上门后写明办理情况，由企业评价。",
						"帮企办上门是服务，不是检查；涉及行政许可的，现场指导后仍按法定程序办理。"));
		Enterprise own = firms.get(0);
		Actor manager = contactsByFirm.get(own.getId());
		// A colleague of the 'enterprise' login, who manages both as the earliest
		// contact.
		this.contacts.enrol("enterprise.li", "李静", hash, own.getId(), "13905730001", "lijing@example.cn");
		List<Enterprise> jiashan = firms.stream()
			.filter(firm -> firm.getRegionCode().startsWith(Jiaxing.JIASHAN))
			.limit(4)
			.toList();
		this.registrations.register(new NewRegistration(own.getCreditCode(), "赵磊", "13905730002", null,
				"enterprise.zhao", REGISTRANT_PASSWORD), "demo");
		this.registrations.register(new NewRegistration(jiashan.get(1).getCreditCode(), "钱芳", "13905730003",
				"qianfang@example.cn", "qian.fang", REGISTRANT_PASSWORD), "demo");
		this.registrations.register(new NewRegistration(jiashan.get(2).getCreditCode(), "孙浩", null, "sunhao@example.cn",
				"sun.hao", REGISTRANT_PASSWORD), "demo");
		LocalDate today = LocalDate.now(CHINA);
		askVisit(manager, Difficulties.HELP_VISITS.get(0), "嘉善经济开发区本厂区 3 号车间", today.plusDays(3), today.plusDays(5),
				"新车间下月申请消防验收，请帮企办约消防部门先来看一下。");
		Case contacted = askVisit(contactsByFirm.get(jiashan.get(1).getId()), Difficulties.HELP_VISITS.get(1),
				"公司二楼会议室", today.plusDays(7), null, null);
		this.cases.perform(contacted.getId(), contacted.getVersion(), CaseAction.CONTACT,
				StepInput.note("已电话联系，约定下周二上午 9 点上门，科技局同志同行。"), helpDesk);
		askVisit(contactsByFirm.get(jiashan.get(3).getId()), Difficulties.HELP_VISITS.get(2), "厂区食堂",
				today.plusDays(10), today.plusDays(12), "新招一线工人约 40 人，想了解招聘补贴和技能培训政策。");
	}

	private Case askVisit(Actor contact, String topic, String place, LocalDate first, LocalDate second, String note) {
		return this.cases.submit(NewCase.helpVisit(topic, note, new HelpVisit(place, first, second)), contact);
	}

}
