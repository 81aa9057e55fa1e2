package org.qiqing.organisation.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * {@code POST /login/totp}: the code of a person whose password the login form accepted a
 * moment ago (kept in his session for 5 minutes as a {@link Pending} login, never his
 * password). Spring Security's own processing does the rest as for the form: the session
 * id changes, the security context is saved, the events are published.
 */
class SecondFactorStep extends AbstractAuthenticationProcessingFilter {

	static final String PENDING = SecondFactorStep.class.getName() + ".PENDING";

	static final Duration PATIENCE = Duration.ofMinutes(5);

	/** Who gave the right password, and when. */
	record Pending(String username, Instant at) implements Serializable {
	}

	SecondFactorStep(AuthenticationManager manager, SecurityContextRepository contexts,
			SessionAuthenticationStrategy sessions) {
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/totp"), manager);
		setSecurityContextRepository(contexts);
		setSessionAuthenticationStrategy(sessions);
		setAuthenticationDetailsSource(new WebAuthenticationDetailsSource());
		setAuthenticationSuccessHandler(new SimpleUrlAuthenticationSuccessHandler("/"));
		setAuthenticationFailureHandler(SecondFactorStep::failed);
	}

	/** The password was right: remember who, and ask for the code. */
	static AuthenticationFailureHandler askForCode(AuthenticationFailureHandler otherwise) {
		return (request, response, ex) -> {
			if (ex instanceof SecondFactorRequired required) {
				request.getSession().setAttribute(PENDING, new Pending(required.username(), Instant.now()));
				response.sendRedirect(request.getContextPath() + "/login/totp");
			}
			else {
				otherwise.onAuthenticationFailure(request, response, ex);
			}
		};
	}

	/** The person whose code the page asks for, if his password was right lately. */
	static Pending pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PENDING) instanceof Pending pending
				&& pending.at().plus(PATIENCE).isAfter(Instant.now())) {
			return pending;
		}
		return null;
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
		Pending pending = pending(request);
		if (pending == null) {
			throw new BadCredentialsException("no password was accepted lately");
		}
		SecondFactorLogin.Code code = new SecondFactorLogin.Code(pending.username(), request.getParameter("code"));
		code.setDetails(this.authenticationDetailsSource.buildDetails(request));
		Authentication done = getAuthenticationManager().authenticate(code);
		request.getSession().removeAttribute(PENDING);
		return done;
	}

	private static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, jakarta.servlet.ServletException {
		String target = pending(request) == null ? "/login?error" : "/login/totp?error";
		if (ex instanceof LoginThrottled throttled) {
			target += "&wait=" + throttled.seconds();
		}
		new SimpleUrlAuthenticationFailureHandler(target).onAuthenticationFailure(request, response, ex);
	}

}
