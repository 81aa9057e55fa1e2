package org.qiqing.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language a logged-in person chose and keeps with his account ({@code ?lang=} while
 * logged in, his inbox's preferences, {@code PUT /api/v1/account/language}): his pages
 * follow it rather than the cookie of the browser he happens to use. The module that
 * knows the person says it once per page request, from the row it reads anyway; the
 * language resolver reads it from the request, so knowing it costs no query of its own.
 */
public final class ChosenLanguage {

	static final String ATTRIBUTE = ChosenLanguage.class.getName();

	private ChosenLanguage() {
	}

	/** The logged-in person of this page request chose this language (a tag). */
	public static void of(HttpServletRequest request, String tag) {
		if (tag != null) {
			request.setAttribute(ATTRIBUTE, Texts.language(Locale.forLanguageTag(tag)));
		}
	}

	/** The language the person of this request chose; null for anyone anonymous. */
	static Locale of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : null;
	}

}
