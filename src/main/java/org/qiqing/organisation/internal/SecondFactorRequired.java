package org.qiqing.organisation.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right and the person has a second factor: the login form's failure
 * handler remembers who he is in the session and asks for his code. Not a failure: it
 * publishes no event.
 */
class SecondFactorRequired extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final String username;

	SecondFactorRequired(String username) {
		super("a second factor is required");
		this.username = username;
	}

	String username() {
		return this.username;
	}

}
