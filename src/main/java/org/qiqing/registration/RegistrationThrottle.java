package org.qiqing.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts the registrations each network address sends in a fixed window, in the memory of
 * this node: several nodes each allow the limit (the per-enterprise limit in the database
 * holds for all of them).
 */
@Component
class RegistrationThrottle {

	/** Beyond this many addresses, windows that are over are forgotten. */
	private static final int TIDY_ABOVE = 10_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final RegistrationSettings settings;

	private final Clock clock;

	RegistrationThrottle(RegistrationSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	private record Window(Instant start, int count) {
	}

	/** Counts one attempt from the address; false when it is one too many. */
	boolean admit(String address) {
		Instant now = this.clock.instant();
		if (this.windows.size() > TIDY_ABOVE) {
			this.windows.values().removeIf(window -> isOver(window, now));
		}
		Window window = this.windows.compute(address == null ? "" : address,
				(key, current) -> current == null || isOver(current, now) ? new Window(now, 1)
						: new Window(current.start(), current.count() + 1));
		return window.count() <= this.settings.attemptsPerAddress();
	}

	private boolean isOver(Window window, Instant now) {
		return !window.start().plus(this.settings.window()).isAfter(now);
	}

}
