package org.qiqing.discipline;

import java.time.LocalDate;
import java.util.List;

import org.qiqing.organisation.UnitKind;

/**
 * A special action to set up (专项行动): its theme, organiser, period, the regions and kinds
 * of unit it covers, its checklist and its supervision groups.
 */
public record NewAction(String theme, Long organiserUnitId, LocalDate startsOn, LocalDate endsOn,
		List<String> regionCodes, List<UnitKind> unitKinds, List<String> checkpoints, List<Group> groups) {

	public NewAction {
		regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
		unitKinds = unitKinds == null ? List.of() : List.copyOf(unitKinds);
		checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
		groups = groups == null ? List.of() : List.copyOf(groups);
	}

	/** A supervision group (督查组): its leader and its members, people of several units. */
	public record Group(String name, Long leaderId, List<Long> memberIds) {

		public Group {
			memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
		}

	}

}
