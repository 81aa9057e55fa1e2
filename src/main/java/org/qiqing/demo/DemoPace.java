package org.qiqing.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.qiqing.casework.CaseAction;

/**
 * How long after the previous step each step of a demo case is taken. The cases of the
 * last three weeks move twenty minutes a step, so that each stands in its state of time;
 * the closed cases of the past year move as an office does, over days: accepted within
 * hours, contacted the next day, resolved within a week or two (some after their due
 * date), rated a few days later. Their histories then give the dashboard, the monthly
 * figures and the on-time rates something true to count.
 */
final class DemoPace {

	static final Duration STEP = Duration.ofMinutes(20);

	private DemoPace() {
	}

	/** The wait before each step of the path, one per step. */
	static List<Duration> gaps(List<CaseAction> path, boolean past, Random random) {
		List<Duration> gaps = new ArrayList<>();
		for (CaseAction action : path) {
			gaps.add(past ? pastGap(action, random) : STEP);
		}
		return gaps;
	}

	static Duration total(List<Duration> gaps) {
		return gaps.stream().reduce(Duration.ZERO, Duration::plus);
	}

	private static Duration pastGap(CaseAction action, Random random) {
		return switch (action) {
			case ACCEPT, DECLINE -> Duration.ofMinutes(30 + random.nextInt(180));
			case ASSIGN -> Duration.ofMinutes(20 + random.nextInt(100));
			case CONTACT -> Duration.ofHours(4 + random.nextInt(24));
			case STAGE_REPLY -> Duration.ofDays(1 + random.nextInt(3));
			// Most within the five working days of most categories, one in eight later.
			case RESOLVE -> random.nextInt(8) == 0 ? Duration.ofDays(9 + random.nextInt(6))
					: Duration.ofDays(1 + random.nextInt(5)).plusHours(random.nextInt(6));
			case RATE, WITHDRAW -> Duration.ofHours(6 + random.nextInt(72));
			default -> Duration.ofDays(1);
		};
	}

}
