package org.qiqing.organisation.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The second step of a login: the code (or a recovery code) of a person whose password
 * was right a moment ago. Throttled and counted like a password, so codes cannot be
 * guessed either.
 */
class SecondFactorLogin implements AuthenticationProvider {

	private final ActorDirectory directory;

	private final LoginThrottle throttle;

	private final SecondFactors secondFactors;

	SecondFactorLogin(ActorDirectory directory, LoginThrottle throttle, SecondFactors secondFactors) {
		this.directory = directory;
		this.throttle = throttle;
		this.secondFactors = secondFactors;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Code code = (Code) authentication;
		String address = LoginLog.address(code);
		Duration wait = this.throttle.loginWait(code.getName(), address);
		if (!wait.isZero()) {
			throw new LoginThrottled(wait);
		}
		ActorDetails details = this.directory.byUsername(code.getName())
			.filter(ActorDetails::isEnabled)
			.filter(person -> this.secondFactors.verify(person.actor().personId(), code.value))
			.orElse(null);
		if (details == null) {
			this.throttle.loginFailed(code.getName(), address);
			throw new BadCredentialsException("wrong code");
		}
		this.throttle.loginSucceeded(code.getName());
		UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(details, null,
				details.getAuthorities());
		done.setDetails(code.getDetails());
		return done;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return Code.class.isAssignableFrom(authentication);
	}

	/** A code typed by the person whose password was right. */
	static final class Code extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		private final String username;

		private final transient String value;

		Code(String username, String value) {
			super(List.of());
			this.username = username;
			this.value = value;
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.username;
		}

	}

}
