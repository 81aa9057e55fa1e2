package org.qiqing.enterprise;

import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Whatever a person types as a credit code: checking it never throws, and a code whose
 * check character is computed is valid, in any case and with any blanks around it. Runs
 * its seeds in every build; {@code JAZZER_FUZZ=1} fuzzes it (docs/OPERATIONS.md).
 */
class CreditCodeFuzzTests {

	@FuzzTest(maxDuration = "5m")
	void anyTextIsCheckedWithoutThrowingAndAComputedCodeRoundTrips(FuzzedDataProvider data) {
		String typed = data.consumeString(40);
		boolean valid = CreditCode.isValid(typed);
		String normalized = CreditCode.normalize(typed);
		if (valid) {
			assertThat(normalized).isEqualTo(typed);
			assertThat(CreditCode.checkCharacter(typed.substring(0, 17))).isEqualTo(typed.charAt(17));
			assertThat(CreditCode.isValid(CreditCode.normalize(" " + typed.toLowerCase(Locale.ROOT) + "\t"))).isTrue();
		}
		if (typed.length() < 17) {
			return;
		}
		String first17 = typed.substring(0, 17);
		if (first17.chars().allMatch(c -> CreditCode.ALPHABET.indexOf(c) >= 0)) {
			char check = CreditCode.checkCharacter(first17);
			assertThat(CreditCode.isValid(first17 + check)).isTrue();
			for (char other : CreditCode.ALPHABET.toCharArray()) {
				assertThat(CreditCode.isValid(first17 + other)).isEqualTo(other == check);
			}
		}
		else {
			assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter(first17));
			assertThat(valid).isFalse();
		}
	}

}
