package org.qiqing.organisation.internal;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused without trying its password, because its account or address is waiting
 * after too many failures. Published as an
 * {@link org.springframework.security.authentication.event.AuthenticationFailureLockedEvent}.
 */
class LoginThrottled extends LockedException {

	private static final long serialVersionUID = 1L;

	private final transient Duration wait;

	LoginThrottled(Duration wait) {
		super("too many failed attempts; wait " + wait.toSeconds() + " s");
		this.wait = wait;
	}

	/** Whole seconds to wait, at least one. */
	long seconds() {
		return Math.max(1, (this.wait.toMillis() + 999) / 1000);
	}

}
