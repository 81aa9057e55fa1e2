package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.qiqing.enterprise.Enterprise;
import org.qiqing.linkage.LinkManagement;
import org.qiqing.linkage.LinkManagement.GroupRequest;
import org.qiqing.linkage.LinkManagement.LinkRequest;
import org.qiqing.linkage.WorkGroup;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.PlatformClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The linkage (挂联) of 嘉善县, made by its dispatcher as a service centre would: the 西塘
 * visitor linked monthly to enterprises of his town, two department officials quarterly
 * and half-yearly, and the county leader's working group (his visitor and the 经信局
 * official as members) monthly to key enterprises, to 西塘镇 and to a project. Some of the
 * linked enterprises were visited this month and some not, so the coverage page shows
 * both; the visits are written as the visit module writes them.
 */
@Component
class LinkageDemo {

	private static final String[] MET = { "总经理", "财务负责人", "生产副总", "办公室主任" };

	private static final String[] NOTES = { "了解扩产计划，企业反映用电负荷紧张", "宣讲研发费用加计扣除政策", "企业订单充足，用工缺口约 30 人", "走访了解技改项目进度，暂无困难",
			"企业希望协调园区道路积水问题" };

	private final LinkManagement links;

	private final JdbcClient jdbc;

	private final PlatformClock clock;

	LinkageDemo(LinkManagement links, JdbcClient jdbc, PlatformClock clock) {
		this.links = links;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void load(List<Enterprise> firms, Map<String, Actor> actors) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), CHINA);
		LocalDate yearStart = today.withDayOfYear(1);
		Actor dispatcher = actors.get("dispatcher");
		List<Enterprise> xitang = firms.stream().filter(f -> f.getRegionCode().equals("330421100")).limit(12).toList();
		List<Enterprise> jiashan = firms.stream()
			.filter(f -> f.getRegionCode().startsWith("330421") && !f.getRegionCode().equals("330421100"))
			.toList();
		List<Enterprise> key = jiashan.stream().filter(f -> !f.getTags().isEmpty()).limit(10).toList();
		List<Enterprise> others = jiashan.stream().filter(f -> f.getTags().isEmpty()).limit(14).toList();

		linkAll("visitor", null, xitang, "MONTHLY", yearStart, dispatcher);
		linkAll("handler", null, part(others, 0, 8), "QUARTERLY", yearStart, dispatcher);
		linkAll("handler.land", null, part(others, 8, others.size()), "HALF_YEARLY", yearStart, dispatcher);
		WorkGroup group = this.links.formGroup(
				new GroupRequest("县领导联企工作专班", null, "leader", Jiaxing.JIASHAN, null, List.of("visitor", "handler")),
				actors.get("leader"));
		linkAll(null, group.getId(), key, "MONTHLY", yearStart, dispatcher);
		this.links.link(new LinkRequest(null, null, group.getId(), "REGION", null, null, "330421100", null, "QUARTERLY",
				yearStart, null), dispatcher);
		this.links.link(new LinkRequest(null, null, group.getId(), "PROJECT", null, null, Jiaxing.JIASHAN, "祥符荡科创绿谷建设",
				"MONTHLY", yearStart, null), dispatcher);

		// This month: the visitor saw 7 of his 12, the department officials 3 and 2, the
		// group 4 of its 10 (two by the leader, two by his members); every one of them
		// was visited last month.
		int day = Math.max(1, today.getDayOfMonth() - 1);
		visitAll(actors.get("visitor"), part(xitang, 0, 7), today.withDayOfMonth(day));
		visitAll(actors.get("handler"), part(others, 0, 3), today.withDayOfMonth(day));
		visitAll(actors.get("handler.land"), part(others, 8, 10), today.withDayOfMonth(day));
		visitAll(actors.get("leader"), part(key, 0, 2), today.withDayOfMonth(day));
		visitAll(actors.get("visitor"), part(key, 2, 4), today.withDayOfMonth(day));
		LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(15);
		visitAll(actors.get("visitor"), xitang, lastMonth);
		visitAll(actors.get("handler"), key, lastMonth);
	}

	/** The elements from..to of a list, as many of them as there are. */
	private static <T> List<T> part(List<T> list, int from, int to) {
		return list.subList(Math.min(from, list.size()), Math.min(to, list.size()));
	}

	private void linkAll(String username, Long groupId, List<Enterprise> firms, String frequency, LocalDate startsOn,
			Actor dispatcher) {
		for (Enterprise firm : firms) {
			this.links.link(new LinkRequest(null, username, groupId, "ENTERPRISE", firm.getId(), null, null, null,
					frequency, startsOn, null), dispatcher);
		}
	}

	private void visitAll(Actor visitor, List<Enterprise> firms, LocalDate on) {
		for (int i = 0; i < firms.size(); i++) {
			Enterprise firm = firms.get(i);
			this.jdbc
				.sql("""
						insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on, met, notes,
						                   created_at)
						select :key, :visitor, :unit, :enterprise, r.path, :on, :met, :notes, :now
						from region r where r.code = :region""")
				.param("key", UUID.randomUUID().toString())
				.param("visitor", visitor.personId())
				.param("unit", visitor.unitId())
				.param("enterprise", firm.getId())
				.param("on", on)
				.param("met", MET[i % MET.length])
				.param("notes", NOTES[i % NOTES.length])
				.param("now", java.sql.Timestamp.from(this.clock.instant()))
				.param("region", firm.getRegionCode())
				.update();
		}
	}

}
