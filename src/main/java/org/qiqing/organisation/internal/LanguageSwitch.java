package org.qiqing.organisation.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.qiqing.organisation.Languages;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A person who uses the language switch of the pages ({@code ?lang=en}) while logged in
 * keeps it as his language, the one his e-mails and digests are written in. A program
 * calling the API with {@code ?lang=} asks for one answer in a language, and changes
 * nothing. One update, only when the switch is used and the language differs.
 */
@Configuration(proxyBeanMethods = false)
class LanguageSwitch implements WebMvcConfigurer, HandlerInterceptor {

	private final Languages languages;

	LanguageSwitch(Languages languages) {
		this.languages = languages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter("lang");
		if (lang != null && !lang.isBlank() && lang.length() <= 35
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof ActorDetails details) {
				this.languages.choose(details.actor().personId(), Locale.forLanguageTag(lang.replace('_', '-')));
			}
		}
		return true;
	}

}
