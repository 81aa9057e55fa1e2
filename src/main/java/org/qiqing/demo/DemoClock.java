package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * When a demo case is filed: at the hour it should be, unless its steps would then run
 * past the moment the demonstration is loaded. A case filed "today at nine" with an hour
 * of steps, loaded at seven in the morning, was stamped hours after the server's clock;
 * such a case is filed early enough that its last step is taken a little before now.
 */
final class DemoClock {

	/** How long before now the last step of the newest case is taken, at the latest. */
	static final Duration MARGIN = Duration.ofMinutes(10);

	private DemoClock() {
	}

	static Instant filedAt(LocalDateTime wanted, Instant now, Duration steps) {
		Instant at = wanted.atZone(CHINA).toInstant();
		Instant latest = now.minus(steps).minus(MARGIN);
		return at.isAfter(latest) ? latest : at;
	}

}
