package org.qiqing.organisation.web;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Languages;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account: the language his pages, e-mails and digests are written in
 * ({@code zh} or {@code en}), the same one the language switch and his inbox's
 * preferences set. Every person may read and set his own, and only his own.
 */
@RestController
@RequestMapping("/api/v1/account")
class AccountApiController {

	private final Languages languages;

	AccountApiController(Languages languages) {
		this.languages = languages;
	}

	@GetMapping("/language")
	LanguageChoice showLanguage(Actor actor) {
		return new LanguageChoice(this.languages.of(actor.personId()).getLanguage());
	}

	/** Sets the caller's language; any but {@code zh} and {@code en} is refused (400). */
	@PutMapping(path = "/language", consumes = MediaType.APPLICATION_JSON_VALUE)
	LanguageChoice changeLanguage(@RequestBody LanguageChoice choice, Actor actor) {
		return new LanguageChoice(
				this.languages.set(actor.personId(), choice == null ? null : choice.language()).getLanguage());
	}

	/**
	 * @param language {@code zh} or {@code en}
	 */
	record LanguageChoice(String language) {
	}

}
