package org.qiqing.discipline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the module answers: records of its tables, as a person may see them. */
public final class Views {

	private Views() {
	}

	public record Action(long id, String theme, long organiserUnitId, String organiserName, String regionCode,
			LocalDate startsOn, LocalDate endsOn, String unitKinds, long inspections, long findings) {
	}

	public record Checkpoint(int position, String text) {
	}

	/**
	 * A supervision group; {@code version} is named by an edit, which a stale one fails.
	 */
	public record Group(long id, String name, long leaderId, String leaderName, List<Member> members, int version) {
	}

	/**
	 * A change of a supervision group once its action was set up: the group after it (its
	 * version, name, leader and members) and before it, who changed it and when.
	 */
	public record GroupChange(long groupId, int version, String name, String leaderName, List<String> memberNames,
			String beforeName, String beforeLeaderName, List<String> beforeMemberNames, String changedByName,
			Instant changedAt) {
	}

	public record Member(long personId, String name, long unitId, String unitName) {
	}

	public record ActionDetail(Action action, List<String> regionCodes, List<Checkpoint> checkpoints,
			List<Group> groups) {
	}

	/**
	 * An inspection; {@code version} is named by a move, a cancellation or a filling in,
	 * which a stale one fails. {@code movedFrom} is the day it was set for before its
	 * last move; a cancelled one says who cancelled it, when and why; {@code checkedAt}
	 * is when its checklist was noted (null: nothing yet, as for one scheduled ahead).
	 */
	public record Inspection(long id, long actionId, String theme, long groupId, long unitId, String unitName,
			InspectionMode mode, LocalDate inspectedOn, String summary, Instant issuedAt, long findings, int version,
			LocalDate movedFrom, Instant cancelledAt, String cancelledByName, String cancelReason, Instant checkedAt) {

		public boolean cancelled() {
			return this.cancelledAt != null;
		}

	}

	public record Check(int position, boolean passed, String note) {
	}

	/** A move of a planned inspection before its day: from and to, who and when. */
	public record Move(LocalDate movedFrom, LocalDate movedTo, String movedByName, Instant movedAt) {
	}

	/**
	 * An action running now in which the person is a member of a group: what his group
	 * has to inspect, and how far it has come.
	 */
	public record MyAction(long actionId, String theme, LocalDate startsOn, LocalDate endsOn, long groupId,
			String groupName, long inspections, long notIssued) {
	}

	public record Finding(long id, long inspectionId, long unitId, String unitName, long kindId, String kindCode,
			String what, String place, String people, Long rectificationId, LocalDate inspectedOn, Instant issuedAt) {
	}

	public record EvidenceFile(long id, String filename, String contentType, long sizeBytes) {
	}

	/**
	 * A decision of the register; {@code personName} is null for whoever may see the
	 * register only in numbers.
	 */
	public record Decision(long id, CauseType causeType, long causeId, Subject subject, String personName, long unitId,
			String unitName, AccountabilityForm form, String decidedBy, LocalDate decidedOn, String documentNumber,
			String documentName) {
	}

}
