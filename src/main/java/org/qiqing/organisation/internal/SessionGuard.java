package org.qiqing.organisation.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.qiqing.platform.ChosenLanguage;
import org.qiqing.platform.PlatformClock;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every page request of a logged-in person, on whichever node it lands: a session
 * older than {@code qiqing.security.session.absolute} (12 h) ends whatever its activity
 * (idle sessions end by the container's or Spring Session's timeout,
 * {@code qiqing.security.session.idle}); a person stopped since he logged in is logged
 * out at once (one small query: his row's {@code enabled}); one whose password was reset
 * is sent to choose his own ({@code /account/password}) before anything else; the
 * language he chose, read with the same query, is the language of his pages; and an
 * administrator who must have a second factor and has none is sent to set it up before he
 * may do anything else.
 */
class SessionGuard extends OncePerRequestFilter {

	static final String ENROL = "/account/second-factor";

	static final String CHANGE_PASSWORD = "/account/password";

	private static final List<String> OPEN = List.of(ENROL, CHANGE_PASSWORD, "/logout", "/login", "/error", "/css/",
			"/js/", "/webjars/", "/img/", "/favicon.ico");

	private final ActorDirectory directory;

	private final SecondFactors secondFactors;

	private final PlatformClock clock;

	private final Duration absolute;

	SessionGuard(ActorDirectory directory, SecondFactors secondFactors, PlatformClock clock, Duration absolute) {
		this.directory = directory;
		this.secondFactors = secondFactors;
		this.clock = clock;
		this.absolute = absolute;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ActorDetails details) {
			HttpSession session = request.getSession(false);
			boolean tooOld = session != null
					&& this.clock.millis() - session.getCreationTime() > this.absolute.toMillis();
			ActorDirectory.Presence presence = this.directory.presence(details.actor().personId());
			ActorDirectory.Standing standing = presence.standing();
			ChosenLanguage.of(request, presence.language());
			if (tooOld || standing == ActorDirectory.Standing.STOPPED) {
				end(request, response, session);
				return;
			}
			if (standing == ActorDirectory.Standing.MUST_CHANGE_PASSWORD && !open(request)) {
				// A password an administrator reset is known to him: nothing else until
				// the
				// person has chosen his own (the page asks for the one-time password).
				response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
				return;
			}
			if (this.secondFactors.requiredFor(details.actor()) && !open(request)
					&& !this.secondFactors.enrolled(details.actor().personId())) {
				response.sendRedirect(request.getContextPath() + ENROL);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void end(HttpServletRequest request, HttpServletResponse response, HttpSession session)
			throws IOException {
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		if (path(request).startsWith("/visits/device/")) {
			response.sendError(HttpStatus.UNAUTHORIZED.value());
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?ended");
		}
	}

	private static boolean open(HttpServletRequest request) {
		String path = path(request);
		return OPEN.stream().anyMatch(path::startsWith);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
