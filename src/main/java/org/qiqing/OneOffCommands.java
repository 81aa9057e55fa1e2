package org.qiqing;

import java.util.Arrays;
import java.util.Map;

/**
 * The commands that run once and end the application ({@code --rebuild-statistics},
 * {@code --verify-history}, {@code --checkpoint-history}) start it without the scheduled
 * work that changes data: a rebuild started on an upgraded database must not, meanwhile,
 * sweep timers, send notices or freeze an assessment month from rollups it has not yet
 * rebuilt. The node that serves users does all of that once it starts.
 */
final class OneOffCommands {

	private static final String[] OPTIONS = { "--rebuild-statistics", "--verify-history", "--checkpoint-history" };

	/** Defaults only: a setting given on the command line or in the environment wins. */
	static final Map<String, Object> WITHOUT_SCHEDULES = Map.of("qiqing.timers.enabled", "false",
			"qiqing.notifications.enabled", "false", "qiqing.assessment.enabled", "false",
			"qiqing.campaign.urging.enabled", "false");

	private OneOffCommands() {
	}

	static boolean in(String[] args) {
		return Arrays.stream(args)
			.anyMatch(arg -> Arrays.stream(OPTIONS).anyMatch(o -> arg.equals(o) || arg.startsWith(o + "=")));
	}

}
