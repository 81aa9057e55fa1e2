package org.qiqing.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language each person reads what reaches him outside a page in (e-mails, digests):
 * Chinese unless he chose English, with the language switch while logged in or on his
 * inbox's preferences page or through the API; his pages follow it too. Only the two
 * languages of the bundles are kept.
 */
@Component
@Transactional
public class Languages {

	/** The languages of the bundles. */
	public static final List<String> SUPPORTED = List.of("zh", "en");

	private final JdbcClient jdbc;

	Languages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A person's language; Chinese for someone not found. */
	@Transactional(readOnly = true)
	public Locale of(long personId) {
		return this.jdbc.sql("select language from person where id = :id")
			.param("id", personId)
			.query(String.class)
			.optional()
			.map(Locale::forLanguageTag)
			.map(Texts::language)
			.orElse(Locale.SIMPLIFIED_CHINESE);
	}

	/** The languages of some people, in one statement per thousand; absent: Chinese. */
	@Transactional(readOnly = true)
	public Map<Long, Locale> of(Collection<Long> people) {
		Map<Long, Locale> languages = new HashMap<>();
		List<Long> ids = List.copyOf(people);
		for (int from = 0; from < ids.size(); from += 1000) {
			this.jdbc.sql("select id, language from person where id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, n) -> languages.put(rs.getLong(1), Texts.language(Locale.forLanguageTag(rs.getString(2)))))
				.list();
		}
		return languages;
	}

	/**
	 * Keeps a person's own choice, said by a program
	 * ({@code PUT /api/v1/account/language}): {@code zh} or {@code en} (or a tag of
	 * either, {@code en-GB}); any other is refused.
	 * @return the language kept
	 */
	public Locale set(long personId, String tag) {
		Locale asked = tag == null ? null : Locale.forLanguageTag(tag.strip().replace('_', '-'));
		if (asked == null || !SUPPORTED.contains(asked.getLanguage())) {
			throw new InvalidInput("language", Text.of("error.language.unsupported", String.valueOf(tag)));
		}
		choose(personId, asked);
		return Texts.language(asked);
	}

	/** Keeps a person's choice: English for any English, Chinese for anything else. */
	public void choose(long personId, Locale locale) {
		this.jdbc.sql("update person set language = :language where id = :id and language <> :language")
			.param("language", Texts.language(locale).getLanguage())
			.param("id", personId)
			.update();
	}

}
