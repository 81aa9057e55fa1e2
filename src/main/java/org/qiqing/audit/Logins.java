package org.qiqing.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits logins and failed logins, as Spring Security publishes them. A login is a login
 * with the form: the API authenticates every call by its token, and a line per call would
 * bury the log, so only the API's failures are written. What a failed caller typed is
 * never written beyond the login name of the form (a wrong token or password is a secret
 * all the same).
 */
@Component
class Logins {

	private final AuditLog log;

	Logins(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (apiCall()) {
			return;
		}
		String username = event.getAuthentication().getName();
		this.log.write(this.log.personNamed(username), username, AuditAction.LOGIN_SUCCEEDED, null, null, null);
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String reason = event.getException().getClass().getSimpleName();
		if (apiCall()) {
			this.log.write(null, null, AuditAction.LOGIN_FAILED, "api-token", null, reason);
			return;
		}
		String username = event.getAuthentication().getName();
		this.log.write(this.log.personNamed(username), username, AuditAction.LOGIN_FAILED, null, null, reason);
	}

	private static boolean apiCall() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& (attributes.getRequest().getRequestURI().startsWith("/api/")
						|| attributes.getRequest().getRequestURI().startsWith("/actuator/"));
	}

}
