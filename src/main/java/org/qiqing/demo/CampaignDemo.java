package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.qiqing.campaign.CampaignManagement;
import org.qiqing.campaign.CampaignQueries;
import org.qiqing.campaign.CampaignViews;
import org.qiqing.campaign.MeetingKind;
import org.qiqing.campaign.MeetingManagement;
import org.qiqing.campaign.NewCampaign;
import org.qiqing.campaign.NewDecision;
import org.qiqing.campaign.NewMeeting;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Unit;
import org.qiqing.platform.FileType;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Uploads;

import org.springframework.stereotype.Component;

/**
 * The city's running campaign (专题教育) with its four key actions, done by some units and
 * overdue at others, and last week's bimonthly meeting of 嘉善县 (双月例会) with the agenda it
 * was called with, its minutes and two decisions: one the county's leader assigned, one
 * waiting for him. Part of the discipline demonstration ({@link DisciplineDemo}); it adds
 * no action, inspection, finding or decision of accountability, so the four figures stay
 * as the seed reports them.
 */
@Component
class CampaignDemo {

	static final String TITLE = "“三严三实”专题教育";

	/** The decisions of the meeting: the first assigned, the second waiting. */
	static final List<String> DECISIONS = List.of("专题学习研讨滞后单位两周内补课并报送佐证材料", "县委组织部牵头梳理专题民主生活会查摆问题，形成整改清单");

	private final CampaignManagement management;

	private final MeetingManagement meetings;

	private final CampaignQueries queries;

	private final PlatformClock clock;

	CampaignDemo(CampaignManagement management, MeetingManagement meetings, CampaignQueries queries,
			PlatformClock clock) {
		this.management = management;
		this.meetings = meetings;
		this.queries = queries;
		this.clock = clock;
	}

	void load(Map<String, Actor> actors, Map<String, Unit> unitsByCode) {
		Actor inspector = actors.get("inspector");
		Actor leader = actors.get("leader");
		LocalDate today = LocalDate.now(CHINA);
		LocalDate starts = today.minusDays(60);
		LocalDate meetingDay = today.minusDays(7);
		try {
			at(starts);
			long campaign = this.management.createCampaign(new NewCampaign(TITLE, unitsByCode.get("JX-JW").getId(),
					starts, today.plusDays(60), List.of(), List.of()), inspector);
			List<CampaignViews.KeyAction> actions = this.queries.actions(campaign);
			LocalDate[] due = { today.minusDays(40), today.minusDays(10), today.plusDays(20), today.plusDays(60) };
			for (int a = 0; a < actions.size() && a < due.length; a++) {
				this.management.changeAction(campaign, actions.get(a).id(), actions.get(a).name(), due[a], false,
						inspector);
			}
			List<CampaignViews.UnitRow> units = this.queries.campaign(campaign, inspector).units();
			for (int i = 0; i < units.size(); i++) {
				long unit = units.get(i).unitId();
				if (i % 4 != 0) {
					tick(campaign, actions.get(0).id(), unit, today.minusDays(45 + i % 5), "已讲专题党课，班子成员和全体党员参加", i == 1,
							inspector);
				}
				if (i % 3 == 0) {
					tick(campaign, actions.get(1).id(), unit, today.minusDays(12), "围绕“严以修身”开展专题学习研讨", false,
							inspector);
				}
			}
			at(meetingDay);
			long meeting = this.meetings.callMeeting(new NewMeeting(MeetingKind.BIMONTHLY, campaign,
					unitsByCode.get("JS-DCS").getId(), meetingDay, "县纪委、县委组织部、县委宣传部、县政府督查室、县经信局、县自规局"), inspector);
			this.meetings.recordMinutes(meeting, "会议听取了“三严三实”专题教育推进情况汇报，通报了关键动作逾期未完成的单位，研究了整改落实中的问题，议定两项事项。",
					inspector);
			long first = this.meetings.addDecision(meeting,
					new NewDecision(DECISIONS.get(0), unitsByCode.get("JS-JXJ").getId(), meetingDay.plusDays(14)),
					inspector);
			this.meetings.addDecision(meeting,
					new NewDecision(DECISIONS.get(1), unitsByCode.get("JS-DCS").getId(), meetingDay.plusDays(30)),
					inspector);
			this.meetings.assignDecision(meeting, first, leader);
			for (int i = 0; i < units.size(); i++) {
				if (i % 6 == 0) {
					tick(campaign, actions.get(2).id(), units.get(i).unitId(), today.minusDays(3),
							"召开专题民主生活会，开展批评与自我批评", false, inspector);
				}
			}
		}
		finally {
			this.clock.reset();
		}
	}

	private void tick(long campaign, long action, long unit, LocalDate on, String note, boolean file, Actor inspector) {
		Uploads.Upload evidence = file
				? new Uploads.Upload("党课记录.pdf", FileType.PDF, "%PDF-1.4\n% 专题党课记录\n".getBytes(StandardCharsets.UTF_8))
				: null;
		at(on);
		this.management.markDone(campaign, action, unit, on, note, evidence, inspector);
	}

	private void at(LocalDate day) {
		this.clock.set(day.atTime(15, 0).atZone(CHINA).toInstant());
	}

	/** A leader's assignment made from the demonstration's meeting, by its title. */
	static boolean toldByTheDemo(String title) {
		return DECISIONS.stream().anyMatch(title::endsWith);
	}

}
