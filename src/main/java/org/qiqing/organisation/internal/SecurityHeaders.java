package org.qiqing.organisation.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every answer carries, pages, API and files alike, on top of Spring
 * Security's defaults (no sniffing, no caching of what is behind the login, no framing,
 * and HSTS on HTTPS requests only).
 * <p>
 * The pages run only the application's own script files: templates hold no inline script,
 * event handler or style attribute (htmx is told not to inject its indicator style, see
 * layout.html), so no nonce is needed. Photos shrunk on the phone are shown from
 * {@code blob:} and {@code data:} addresses; the visit pages' service worker comes from
 * the site itself.
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "worker-src 'self'",
			"manifest-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'",
			"object-src 'none'");

	/**
	 * Powerful features none of the pages use: a visit's photo is taken through the file
	 * input, which needs no camera permission.
	 */
	static final String PERMISSIONS_POLICY = String.join(", ", "accelerometer=()", "camera=()", "geolocation=()",
			"gyroscope=()", "magnetometer=()", "microphone=()", "payment=()", "usb=()");

	private SecurityHeaders() {
	}

	static void configure(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			// Case and enterprise addresses carry ids: they never leave the site.
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
	}

}
