package org.qiqing.platform;

import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The clock everything reads time from, and the language: Chinese unless the person
 * switches to English with {@code ?lang=en}, remembered in a cookie (or, calling the API,
 * asks for English with {@code Accept-Language}); and the links of the pages, written as
 * they are.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

	PlatformConfiguration(MessageSource messages) {
		// Exceptions put their Text into words with the application's own bundles.
		Texts.use(messages);
	}

	@Bean
	PlatformClock clock() {
		return new PlatformClock();
	}

	/**
	 * Spring Data JDBC quotes identifiers by default, which makes their case matter and
	 * differ between H2 (upper) and PostgreSQL (lower). Our schema uses plain lower-case
	 * names, so they resolve the same unquoted on both.
	 */
	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}

		};
	}

	/**
	 * The language switch of this request ({@code ?lang=}) first; then, for a person
	 * logged in, the language he chose and keeps with his account
	 * ({@link ChosenLanguage}); then the switch's cookie. Without them a page is Chinese,
	 * whatever the browser's own language: English is what a person chooses. A program
	 * calling the API has no switch; it says its language with {@code Accept-Language}
	 * (Chinese if it names none we have).
	 */
	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new OurLanguages();
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setDefaultLocaleFunction(PlatformConfiguration::defaultLocale);
		return resolver;
	}

	/**
	 * The cookie resolver, answering only the languages of the bundles: English for any
	 * English, Chinese for any other ({@code ?lang=fr}, an old cookie), as
	 * {@link Texts#language} says, so no page shows {@code ??key??} and no bundle lookup
	 * fails. The locale is mapped when it is read, not copied: a {@code ?lang=} of the
	 * same request (the interceptor runs after the context was built) still counts, and
	 * so does the language of the person, which his session's check finds after the
	 * context was built too.
	 */
	static final class OurLanguages extends CookieLocaleResolver {

		/** A request that switched the language itself ({@code ?lang=}). */
		private static final String SWITCHED = OurLanguages.class.getName() + ".SWITCHED";

		OurLanguages() {
			super("qiqing-lang");
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale chosen = chosen(request);
			return chosen != null ? chosen : Texts.language(super.resolveLocale(request));
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			LocaleContext context = super.resolveLocaleContext(request);
			return new TimeZoneAwareLocaleContext() {

				@Override
				public Locale getLocale() {
					Locale chosen = chosen(request);
					return chosen != null ? chosen : Texts.language(context.getLocale());
				}

				@Override
				public TimeZone getTimeZone() {
					return context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
				}

			};
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
			Locale asked = context == null ? null : context.getLocale();
			request.setAttribute(SWITCHED, Boolean.TRUE);
			TimeZone zone = context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
			super.setLocaleContext(request, response,
					asked == null ? context : new SimpleTimeZoneAwareLocaleContext(Texts.language(asked), zone));
		}

		/**
		 * The language the logged-in person keeps with his account, unless this request
		 * switched it.
		 */
		private static Locale chosen(HttpServletRequest request) {
			return request.getAttribute(SWITCHED) != null ? null : ChosenLanguage.of(request);
		}

	}

	static Locale defaultLocale(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = errorUri instanceof String uri ? uri : request.getRequestURI();
		boolean api = path != null && path.startsWith(request.getContextPath() + "/api/");
		if (api && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
			for (Locale asked : Collections.list(request.getLocales())) {
				if ("en".equals(asked.getLanguage())) {
					return Locale.ENGLISH;
				}
				if ("zh".equals(asked.getLanguage())) {
					return Locale.SIMPLIFIED_CHINESE;
				}
			}
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	/**
	 * No rewriting of the links a page writes. Spring Boot registers this filter because
	 * the webjars locator is present; it then looks up every {@code @{...}} link of a
	 * page as a static resource (in each static location of the nested jar, under its
	 * locks), to put a webjar's version into its URL. That lookup was three quarters of
	 * the CPU of the city's coverage page (150 links) and serialised eight users on the
	 * jar's locks. The pages name webjars without a version
	 * ({@code /webjars/htmx.org/dist/...}), which the webjars resource handler serves as
	 * it is.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
