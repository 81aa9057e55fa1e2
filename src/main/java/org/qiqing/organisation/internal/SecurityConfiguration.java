package org.qiqing.organisation.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Role;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may reach what: the API and Actuator with API tokens (stateless), pages with the
 * login form. What a logged-in person may <em>see</em> is decided by the modules' scopes,
 * not here. Facades guard their administrative methods by role with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration implements WebMvcConfigurer {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No observation around each security filter, authentication and authorization: with
	 * Actuator present Spring Security wraps each of the dozen filters of every request
	 * in an observation of its own, objects and timers no one reads. The request as a
	 * whole is still observed ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, RecentTokens tokens, LoginThrottle throttle,
			ApplicationEventPublisher events) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			// A load balancer asks whether the node lives and takes requests, and learns
			// nothing more; details and metrics are for administrators.
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				// An enterprise contact registers before he has a login.
				.requestMatchers(HttpMethod.POST, "/api/v1/registrations")
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders::configure)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiTokenFilter(tokens, throttle, events), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"send Authorization: Bearer with a valid API token"))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"your roles do not allow this")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, ActorDirectory directory, PasswordEncoder encoder,
			LoginThrottle throttle, SecondFactors secondFactors, PlatformClock clock, ApplicationEventPublisher events,
			@Value("${qiqing.security.session.absolute:12h}") Duration absolute) throws Exception {
		ProviderManager logins = new ProviderManager(new PasswordLogin(directory, encoder, throttle, secondFactors),
				new SecondFactorLogin(directory, throttle, secondFactors));
		logins.setAuthenticationEventPublisher(loginEvents(events));
		SecondFactorStep codeStep = new SecondFactorStep(logins,
				new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
						new HttpSessionSecurityContextRepository()),
				new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
						new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
		http.authenticationManager(logins)
			.addFilterBefore(codeStep, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SessionGuard(directory, secondFactors, clock, absolute), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/login/totp", "/register", "/register/**", "/disclosure", "/disclosure/**",
						"/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/v3/api-docs/**",
						"/swagger-ui/**", "/swagger-ui.html", "/visit-sw.js", "/visit-manifest.json", "/inspect-sw.js",
						"/inspect-manifest.json", "/img/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			// The visit and inspection pages' device queues ask these with fetch: an
			// expired session
			// must
			// answer 401 (so the page asks to log in again), not the login page.
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/visits/device/**"))
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/discipline/device/**")))
			.headers(SecurityHeaders::configure)
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", true)
				.failureHandler(SecondFactorStep.askForCode(SecurityConfiguration::loginFailed))
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * Form logins publish Spring Security's events, a wait after too many failures as a
	 * locked account; the password step of a person with a second factor publishes none
	 * (his code step does).
	 */
	private static DefaultAuthenticationEventPublisher loginEvents(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setAdditionalExceptionMappings(Map.of(LoginThrottled.class, AuthenticationFailureLockedEvent.class));
		return publisher;
	}

	private static void loginFailed(jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.core.AuthenticationException ex)
			throws java.io.IOException, jakarta.servlet.ServletException {
		String target = ex instanceof LoginThrottled throttled ? "/login?error&wait=" + throttled.seconds()
				: "/login?error";
		new SimpleUrlAuthenticationFailureHandler(target).onAuthenticationFailure(request, response, ex);
	}

	static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
			throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
				.formatted(status.getReasonPhrase(), status.value(), detail));
	}

	/** Lets controllers take the current {@link Actor} as a parameter. */
	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Actor.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binderFactory) {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				if (auth != null && auth.getPrincipal() instanceof ActorDetails details) {
					return details.actor();
				}
				throw new org.springframework.security.access.AccessDeniedException("not logged in");
			}

		});
	}

}
