package org.qiqing.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Puts a {@link Text} into words in the language of the current request: Chinese unless
 * the person chose English (the language switch, or an API caller's
 * {@code Accept-Language}). It serves the exceptions' {@code getMessage()}, which pages
 * and logs read without a {@code MessageSource} at hand; the application hands it its own
 * {@code MessageSource} at start, and before that (in a plain unit test) it reads the
 * same bundles itself.
 */
public final class Texts {

	private static volatile MessageSource messages = bundles();

	private Texts() {
	}

	/**
	 * The text in the current request's language; outside of a request (a timer, a
	 * listener) in Chinese, not in the language the server happens to run in.
	 */
	public static String resolve(Text text) {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		return text.resolve(messages, context == null ? null : context.getLocale());
	}

	/** The text in a given language (a person's, when no request of his is at hand). */
	public static String resolve(Text text, Locale locale) {
		return text.resolve(messages, locale);
	}

	/**
	 * The language of the bundles for a locale: English for any English, Chinese for
	 * everything else (the base bundle is empty on purpose).
	 */
	public static Locale language(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	static void use(MessageSource source) {
		messages = source;
	}

	private static MessageSource bundles() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
		bundles.setFallbackToSystemLocale(false);
		return bundles;
	}

}
