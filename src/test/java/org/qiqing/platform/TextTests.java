package org.qiqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A {@link Text} is put into words when it is read, in the reader's language, by the
 * exceptions as well.
 */
class TextTests {

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void argumentsThatAreTextsAreTranslatedToo() {
		Text refusal = Text.of("error.case.stepNotYours", Text.of("action.ACCEPT"));
		assertThat(Texts.resolve(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo("您无权对此案件进行“受理”操作");
		assertThat(Texts.resolve(refusal, Locale.US))
			.isEqualTo("You are not the one to take the step “Accept” on this case");
		// Any other language reads the default, Chinese.
		assertThat(Texts.resolve(refusal, Locale.FRENCH)).isEqualTo("您无权对此案件进行“受理”操作");
	}

	@Test
	void wholeNumbersAreWrittenWithoutGrouping() {
		assertThat(Texts.resolve(Text.of("case.step.done", 1234567L), Locale.ENGLISH)).isEqualTo("Done: 1234567");
	}

	@Test
	void aMissingKeyShowsItselfRatherThanFailing() {
		assertThat(Texts.resolve(Text.of("error.no.such.key", 1), Locale.ENGLISH)).isEqualTo("error.no.such.key");
	}

	@Test
	void textsWithTheSameKeyAndArgumentsAreEqual() {
		assertThat(Text.of("a.b", 1, Text.of("c"))).isEqualTo(Text.of("a.b", 1, Text.of("c")))
			.hasSameHashCodeAs(Text.of("a.b", 1, Text.of("c")))
			.isNotEqualTo(Text.of("a.b", 2, Text.of("c")));
	}

	@Test
	void exceptionsSpeakTheLanguageOfTheRequest() {
		NotAllowed refused = new NotAllowed(Text.of("error.case.stepNotYours", Text.of("action.ACCEPT")));
		InvalidInput invalid = new InvalidInput(
				Map.of("rating", Text.of("error.case.stepNotYours", Text.of("action.RATE")), "note", "plain"));
		assertThat(refused.getMessage()).isEqualTo("您无权对此案件进行“受理”操作");
		assertThat(invalid.errors()).containsEntry("rating", "您无权对此案件进行“评价”操作").containsEntry("note", "plain");

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(refused.getMessage()).isEqualTo("You are not the one to take the step “Accept” on this case");
		assertThat(invalid.errors()).containsEntry("rating",
				"You are not the one to take the step “Rate” on this case");
	}

}
