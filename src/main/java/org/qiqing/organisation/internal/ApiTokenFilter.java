package org.qiqing.organisation.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer qq_...} with an API token. A token that
 * matches no enabled person counts against the caller's address ({@link LoginThrottle});
 * while the address waits every token it sends is refused with 429 and
 * {@code Retry-After}, untried. Each refused token is published as Spring Security's
 * {@link AuthenticationFailureBadCredentialsEvent} for the principal {@value #PRINCIPAL}.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	static final String PRINCIPAL = "api-token";

	private static final String BEARER = "Bearer ";

	private final RecentTokens tokens;

	private final LoginThrottle throttle;

	private final ApplicationEventPublisher events;

	ApiTokenFilter(RecentTokens tokens, LoginThrottle throttle, ApplicationEventPublisher events) {
		this.tokens = tokens;
		this.throttle = throttle;
		this.events = events;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.startsWith(BEARER)) {
			String address = request.getRemoteAddr();
			Duration wait = this.throttle.tokenWait(address);
			if (!wait.isZero()) {
				long seconds = new LoginThrottled(wait).seconds();
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS,
						"too many unknown API tokens from your address; try again in " + seconds + " s");
				return;
			}
			Optional<ActorDetails> found = this.tokens
				.byTokenHash(ApiTokens.hash(header.substring(BEARER.length()).trim()));
			if (found.isPresent()) {
				ActorDetails details = found.get();
				SecurityContextHolder.getContext()
					.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
			}
			else {
				this.throttle.tokenFailed(address);
				UsernamePasswordAuthenticationToken refused = UsernamePasswordAuthenticationToken
					.unauthenticated(PRINCIPAL, null);
				refused.setDetails(new WebAuthenticationDetails(request));
				this.events.publishEvent(new AuthenticationFailureBadCredentialsEvent(refused,
						new BadCredentialsException("unknown, revoked or disabled API token")));
			}
		}
		chain.doFilter(request, response);
	}

}
