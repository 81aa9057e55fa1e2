package org.qiqing.casework;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.qiqing.casework.TimerFiring.Subject;

import static org.assertj.core.api.Assertions.assertThat;

class TimerFiringTests {

	@Test
	void anUrgingNamesTheDueDateOrElseTheMinuteTheAcceptanceLimitEndsNeverNull() {
		Instant limit = Instant.parse("2026-12-07T06:30:00Z");
		assertThat(TimerFiring.limitOf(waiting(limit, null))).isEqualTo("2026-12-07 14:30");
		assertThat(TimerFiring.limitOf(waiting(limit, LocalDate.of(2026, 12, 19)))).isEqualTo("2026-12-19");
	}

	private static Subject waiting(Instant limitAt, LocalDate dueDate) {
		return new Subject(1, "QQ-2026-330421-000001", "用电增容", CaseKind.ENTERPRISE_REQUEST, CaseState.SUBMITTED, 1,
				limitAt, limitAt.minusSeconds(3600), null, dueDate, null, null, "/330400/", 1L, 1);
	}

}
