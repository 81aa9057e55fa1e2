package org.qiqing.organisation.internal;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login form's password, checked by Spring Security's own provider behind the
 * {@link LoginThrottle}: a waiting account or address is refused before its password is
 * tried, a wrong password or a stopped account counts as a failure, and a person with a
 * second factor is not logged in yet but asked for his code
 * ({@link SecondFactorRequired}).
 */
class PasswordLogin implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final SecondFactors secondFactors;

	PasswordLogin(ActorDirectory directory, PasswordEncoder encoder, LoginThrottle throttle,
			SecondFactors secondFactors) {
		this.passwords = new DaoAuthenticationProvider(directory);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
		this.secondFactors = secondFactors;
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String username = login.getName();
		String address = LoginLog.address(login);
		Duration wait = this.throttle.loginWait(username, address);
		if (!wait.isZero()) {
			throw new LoginThrottled(wait);
		}
		Authentication done;
		try {
			done = this.passwords.authenticate(login);
		}
		catch (BadCredentialsException | AccountStatusException ex) {
			this.throttle.loginFailed(username, address);
			throw ex;
		}
		ActorDetails details = (ActorDetails) done.getPrincipal();
		if (this.secondFactors.enrolled(details.actor().personId())) {
			throw new SecondFactorRequired(details.getUsername());
		}
		this.throttle.loginSucceeded(username);
		return done;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
