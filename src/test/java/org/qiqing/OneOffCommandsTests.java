package org.qiqing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneOffCommandsTests {

	@Test
	void theCommandsThatEndTheApplicationStartItWithoutItsSchedules() {
		assertThat(OneOffCommands.in(new String[] { "--server.port=0", "--rebuild-statistics" })).isTrue();
		assertThat(OneOffCommands.in(new String[] { "--verify-history=all" })).isTrue();
		assertThat(OneOffCommands.in(new String[] { "--checkpoint-history" })).isTrue();
		assertThat(OneOffCommands.WITHOUT_SCHEDULES).containsEntry("qiqing.assessment.enabled", "false")
			.containsEntry("qiqing.timers.enabled", "false");
	}

	@Test
	void theServingNodeKeepsThem() {
		assertThat(OneOffCommands.in(new String[0])).isFalse();
		assertThat(OneOffCommands.in(new String[] { "--server.port=8080", "--verify-history-later" })).isFalse();
	}

}
