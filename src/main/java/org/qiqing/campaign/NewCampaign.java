package org.qiqing.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign to set up: its title, organiser unit, period, the units taking part (none:
 * every unit of the organiser's region) and its key actions (none: the four of
 * {@code campaign_action_template}, each due on the last day).
 */
public record NewCampaign(String title, Long organiserUnitId, LocalDate startsOn, LocalDate endsOn, List<Long> unitIds,
		List<KeyAction> actions) {

	public NewCampaign {
		unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
		actions = actions == null ? List.of() : List.copyOf(actions);
	}

	/** A key action and the day it is due (null: the campaign's last day). */
	public record KeyAction(String name, LocalDate dueOn) {
	}

}
