package org.qiqing.organisation.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers every answer carries, pages, API and files alike, on top of Spring
 * Security's defaults (no sniffing, no caching of what is behind the login, no framing,
 * and HSTS on HTTPS requests only).
 * <p>
 * No page has a {@code <base>} element, so {@code base-uri 'none'} (ASVS 5.0 3.4.3). The
 * pages run only the application's own script files: templates hold no inline script,
 * event handler or style attribute (htmx is told not to inject its indicator style, see
 * layout.html), so no nonce is needed. Photos shrunk on the phone are shown from
 * {@code blob:} and {@code data:} addresses; the visit pages' service worker comes from
 * the site itself.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = policy("style-src 'self'");

	/**
	 * Swagger UI, the API's browser (closed under "prod" unless QIQING_API_DOCS=true),
	 * injects a style element of its own: its pages alone may apply inline style. It
	 * shows only the API's description.
	 */
	static final String API_BROWSER_POLICY = policy("style-src 'self' 'unsafe-inline'");

	/**
	 * Powerful features none of the pages use: a visit's photo is taken through the file
	 * input, which needs no camera permission.
	 */
	static final String PERMISSIONS_POLICY = String.join(", ", "accelerometer=()", "camera=()", "geolocation=()",
			"gyroscope=()", "magnetometer=()", "microphone=()", "payment=()", "usb=()");

	private SecurityHeaders() {
	}

	static void configure(HeadersConfigurer<HttpSecurity> headers) {
		RequestMatcher apiBrowser = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiBrowser),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiBrowser,
					new ContentSecurityPolicyHeaderWriter(API_BROWSER_POLICY)))
			// Case and enterprise addresses carry ids: they never leave the site.
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			// A window another site opens shares no browsing context with the pages.
			.crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
	}

	private static String policy(String styleSrc) {
		return String.join("; ", "default-src 'self'", "script-src 'self'", styleSrc, "img-src 'self' data: blob:",
				"connect-src 'self'", "worker-src 'self'", "manifest-src 'self'", "frame-ancestors 'none'",
				"form-action 'self'", "base-uri 'none'", "object-src 'none'");
	}

}
