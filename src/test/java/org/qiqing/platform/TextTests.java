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
	void aTextKeptAsJsonComesBackTheSameAndReadsInEitherLanguage() {
		Text subject = Text.of("notice.subject", Text.of("notice.what.order"), "QQ-2026-0001", "消防验收 \"引号\" {0}");
		Text stored = Text.fromJson(subject.toJson());
		assertThat(stored).isEqualTo(subject);
		assertThat(Texts.resolve(stored, Locale.SIMPLIFIED_CHINESE)).isEqualTo("【督办单】QQ-2026-0001 消防验收 \"引号\" {0}");
		assertThat(Texts.resolve(stored, Locale.ENGLISH)).isEqualTo("[Supervision order] QQ-2026-0001 消防验收 \"引号\" {0}");
		assertThat(Text.fromJson(Text.of("a.b", 42L, 7).toJson())).isEqualTo(Text.of("a.b", 42L, 7L));
		assertThat(Text.fromJson(null)).isNull();
		assertThat(Text.fromJson(" ")).isNull();
	}

	/**
	 * The inbox puts a page of 50 rows into words as it reads them: parsing and
	 * formatting must stay far below its budget (p95 under 20 ms for the whole page).
	 */
	@Test
	void aPageOfFiftyStoredTextsIsPutIntoWordsInAFractionOfAMillisecond() {
		String subject = Text.of("notice.subject", Text.of("notice.what.overdue"), "QQ-2026-0001", "厂房扩建").toJson();
		String body = Text.of("notice.body.overdueNotice", "2026-12-01").toJson();
		for (int warm = 0; warm < 2000; warm++) {
			Texts.resolve(Text.fromJson(subject), Locale.ENGLISH);
		}
		long best = Long.MAX_VALUE;
		for (int round = 0; round < 20; round++) {
			long start = System.nanoTime();
			for (int row = 0; row < 50; row++) {
				Texts.resolve(Text.fromJson(subject), Locale.ENGLISH);
				Texts.resolve(Text.fromJson(body), Locale.ENGLISH);
			}
			best = Math.min(best, System.nanoTime() - start);
		}
		System.out.printf("50 stored notices put into words: %d µs (best of 20)%n", best / 1000);
		assertThat(best).as("nanoseconds for 50 rows").isLessThan(5_000_000L);
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
