package org.qiqing.organisation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes every login, failed or not, with the address it came from, to the log
 * {@code org.qiqing.organisation.internal.LoginLog}: the password step and the code step
 * of the login form, and refused API tokens (named {@value ApiTokenFilter#PRINCIPAL},
 * never the token). These are Spring Security's own events, which other modules may also
 * listen to.
 */
@Component
class LoginLog {

	private static final Logger log = LoggerFactory.getLogger(LoginLog.class);

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		Authentication login = event.getAuthentication();
		log.info("login succeeded: user={} address={} step={}", login.getName(), address(login), step(login));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication login = event.getAuthentication();
		log.warn("login failed: user={} address={} step={} reason={}", login.getName(), address(login), step(login),
				event.getException().getClass().getSimpleName());
	}

	/** The network address a login came from, as the request gave it. */
	static String address(Authentication login) {
		return login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
	}

	private static String step(Authentication login) {
		if (login instanceof SecondFactorLogin.Code) {
			return "code";
		}
		return ApiTokenFilter.PRINCIPAL.equals(login.getPrincipal()) ? "api-token" : "password";
	}

}
