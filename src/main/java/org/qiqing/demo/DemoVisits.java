package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.qiqing.casework.Category;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Rows;
import org.qiqing.visit.NewVisit;
import org.qiqing.visit.VisitManagement;
import org.qiqing.visit.VisitPhoto;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The visits (走访) of the demonstration: the visiting officials of 西塘镇 and 姚庄镇 went to
 * their towns' enterprises over the last weeks. The requests the 西塘 official filed from
 * visits in the case demo are hung on visits of the day they were filed; other visits are
 * recorded as a phone sends them, some with photos and new difficulties, some with none.
 */
@Component
class DemoVisits {

	private static final String[] MET = { "王经理（总经理）", "李会计（财务总监）", "陈主任（办公室）", "张厂长" };

	private static final String[] NOTES = { "了解一季度生产经营和订单情况，企业产能利用率约八成。", "走访车间，查看新生产线安装进度，宣传惠企政策兑现流程。",
			"企业用工基本稳定，外贸订单回暖，希望继续关注出口退税进度。", "座谈了解企业发展规划，企业计划明年扩建厂房。" };

	/** Difficulties heard on the visits recorded below, from the enterprises' table. */
	private static final List<Difficulties.Difficulty> HEARD = List.of(Difficulties.of("INFRA").get(0),
			Difficulties.of("LABOUR").get(0), Difficulties.of("POLICY").get(1), Difficulties.of("LICENCE").get(0));

	private final VisitManagement visits;

	private final JdbcClient jdbc;

	private final PlatformClock clock;

	DemoVisits(VisitManagement visits, JdbcClient jdbc, PlatformClock clock) {
		this.visits = visits;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void load(Map<String, Actor> actors, List<Enterprise> firms, Map<String, Category> categories) {
		Actor xitang = actors.get("visitor");
		hangFiledCasesOnVisits(xitang);
		recordVisits(xitang, inTown(firms, "330421100"), categories, 0);
		recordVisits(actors.get("visitor.yz"), inTown(firms, "330421101"), categories, 1);
	}

	/**
	 * The case demo had the 西塘 official file requests heard on visits: each gets its
	 * visit, on the day it was filed.
	 */
	private void hangFiledCasesOnVisits(Actor visitor) {
		record Filed(long id, long enterpriseId, String regionPath, java.sql.Timestamp createdAt) {
		}
		List<Filed> filed = this.jdbc.sql("""
				select id, enterprise_id, region_path, created_at from cases
				where channel = 'VISIT' and submitted_by = :visitor order by id""")
			.param("visitor", visitor.personId())
			.query(Rows.of(Filed.class))
			.list();
		for (int i = 0; i < filed.size(); i++) {
			Filed kase = filed.get(i);
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc
				.sql("""
						insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on, met, notes, created_at)
						values (:key, :visitor, :unit, :enterprise, :path, :on, :met, :notes, :at)""")
				.param("key", "demo-case-" + kase.id())
				.param("visitor", visitor.personId())
				.param("unit", visitor.unitId())
				.param("enterprise", kase.enterpriseId())
				.param("path", kase.regionPath())
				.param("on", kase.createdAt().toInstant().atZone(CHINA).toLocalDate())
				.param("met", MET[i % MET.length])
				.param("notes", NOTES[i % NOTES.length])
				.param("at", kase.createdAt())
				.update(key, "id");
			long visitId = key.getKeyAs(Number.class).longValue();
			this.jdbc.sql("insert into visit_case (visit_id, case_id) values (:visit, :case)")
				.param("visit", visitId)
				.param("case", kase.id())
				.update();
		}
	}

	/** Six visits of the last three weeks, sent as the phone sends them. */
	private void recordVisits(Actor visitor, List<Enterprise> firms, Map<String, Category> categories, int seed) {
		LocalDate today = LocalDate.now(CHINA);
		try {
			for (int i = 0; i < 6 && !firms.isEmpty(); i++) {
				// Within the last three weeks: the difficulties heard become cases
				// waiting
				// to be accepted, and none waits longer than the county's open cases.
				LocalDate day = today.minusDays(2 + i * 3L + seed);
				this.clock.set(day.atTime(16, 30).atZone(CHINA).toInstant());
				Enterprise firm = firms.get((i * 3 + seed) % firms.size());
				List<NewVisit.Difficulty> heard = (i + seed) % 3 == 2 ? List.of()
						: List.of(difficulty(HEARD.get((i + seed) % HEARD.size()), categories));
				if (i == 1) {
					heard = List.of(difficulty(HEARD.get(0), categories), difficulty(HEARD.get(1), categories));
				}
				this.visits.record(
						new NewVisit("demo-" + visitor.personId() + "-" + i, firm.getId(), day,
								"镇经济发展办 " + (i + 1) + " 人", MET[(i + seed) % MET.length],
								NOTES[(i + seed) % NOTES.length], heard),
						i % 2 == 0 ? List.of(photo("车间-" + (i + 1) + ".jpg", i)) : List.of(), visitor);
			}
		}
		finally {
			this.clock.reset();
		}
	}

	private static NewVisit.Difficulty difficulty(Difficulties.Difficulty heard, Map<String, Category> categories) {
		return new NewVisit.Difficulty(categories.get(heard.category()).id(), heard.title(), heard.description());
	}

	private static List<Enterprise> inTown(List<Enterprise> firms, String town) {
		return firms.stream().filter(f -> f.getRegionCode().startsWith(town)).toList();
	}

	/** A small picture to stand for a photo of the workshop. */
	private static VisitPhoto photo(String name, int shade) {
		BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x8a9ba8 + shade * 0x0a0a0a));
		g.fillRect(0, 0, 320, 240);
		g.setColor(new Color(0xb3261e));
		g.fillRect(40, 120, 240, 80);
		g.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", jpeg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new VisitPhoto(name, "image/jpeg", jpeg.toByteArray());
	}

}
