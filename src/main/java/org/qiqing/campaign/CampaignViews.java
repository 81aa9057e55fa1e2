package org.qiqing.campaign;

import java.time.LocalDate;
import java.util.List;

/** What the module answers: records of its tables, as a person may see them. */
public final class CampaignViews {

	private CampaignViews() {
	}

	public record Campaign(long id, String title, long organiserUnitId, String organiserName, String regionCode,
			LocalDate startsOn, LocalDate endsOn) {
	}

	/** A key action (关键动作) of a campaign, due on a day. */
	public record KeyAction(long id, int position, String name, LocalDate dueOn, boolean retired) {
	}

	/** One key action of one unit: done on a day with its note and file, or overdue. */
	public record Cell(long actionId, LocalDate doneOn, String note, String filename, boolean overdue) {

		public boolean done() {
			return this.doneOn != null;
		}

	}

	/** A unit's checklist and its progress. */
	public record UnitRow(long unitId, String unitName, String regionCode, String regionName, int done, int total,
			int overdue, List<Cell> cells) {

		public int percent() {
			return this.total == 0 ? 100 : this.done * 100 / this.total;
		}

	}

	/** The progress of the units of one region. */
	public record RegionProgress(String regionCode, String regionName, int units, int unitsBehind, int done,
			int total) {

		public int percent() {
			return this.total == 0 ? 100 : this.done * 100 / this.total;
		}

	}

	/**
	 * A campaign as the person sees it: its key actions, the checklists of the units he
	 * sees and their progress by region; whether he manages it.
	 */
	public record CampaignDetail(Campaign campaign, List<KeyAction> actions, List<UnitRow> units,
			List<RegionProgress> regions, boolean manages) {
	}

	/** A unit behind on a campaign's checklist: how many key actions are overdue. */
	public record Lagging(long campaignId, long unitId, String unitName, String regionCode, int overdue,
			List<String> actions) {
	}

	public record Meeting(long id, MeetingKind kind, Long campaignId, long organiserUnitId, String organiserName,
			String regionCode, LocalDate heldOn, String participants, String minutes) {
	}

	public record AgendaItem(int position, AgendaKind kind, long refId, String label, int overdue, LocalDate dueOn) {
	}

	/** A decision of a meeting and the leader's assignment (a case) it became, if yet. */
	public record Decision(long id, String text, long unitId, String unitName, LocalDate dueOn, Long caseId) {
	}

	public record MeetingDetail(Meeting meeting, List<AgendaItem> agenda, List<Decision> decisions) {
	}

	/** What an urging did: the cases filed and the cases urged again, and the units. */
	public record Urged(int filed, int urged, int unchanged) {
	}

}
