package org.qiqing.demo;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * While the demonstration loads, every page (the login page too) answers 503 with a page
 * that says so and reloads itself every few seconds, and the API answers a problem with
 * {@code Retry-After}; static files and the health probes pass. It stands before Spring
 * Security, so nobody logs into a half-written county.
 */
class DemoLoadingFilter extends OncePerRequestFilter {

	static final int RETRY_SECONDS = 5;

	private static final List<String> PASSING = List.of("/css/", "/js/", "/img/", "/webjars/", "/actuator/",
			"/favicon");

	private final DemoLoading loading;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final LocaleResolver locales;

	DemoLoadingFilter(DemoLoading loading, ITemplateEngine templates, MessageSource messages, LocaleResolver locales) {
		this.loading = loading;
		this.templates = templates;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!this.loading.isLoading() || PASSING.stream().anyMatch(path::startsWith)) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = this.locales.resolveLocale(request);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding("UTF-8");
		if (path.startsWith("/api/")) {
			response.setContentType("application/problem+json");
			String detail = this.messages.getMessage("demo.loading.api", null, locale);
			response.getWriter()
				.write("{\"type\":\"https://qiqing.org/problems/unavailable\",\"title\":\"Service Unavailable\","
						+ "\"status\":503,\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
			return;
		}
		Context context = new Context(locale);
		context.setVariable("lang", locale.getLanguage());
		context.setVariable("seconds", RETRY_SECONDS);
		response.setContentType("text/html");
		response.getWriter().write(this.templates.process("demo/loading", context));
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DemoLoadingFilter> demoLoadingFilter(DemoLoading loading, ITemplateEngine templates,
				MessageSource messages, LocaleResolver locales) {
			FilterRegistrationBean<DemoLoadingFilter> registration = new FilterRegistrationBean<>(
					new DemoLoadingFilter(loading, templates, messages, locales));
			// After the character encoding filter, before Spring Security (-100).
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			return registration;
		}

	}

}
