package org.qiqing.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91110000100017643K", "91440300708461136T", "91110108551385082Q" })
	void publishedCodesAreValid(String code) {
		assertThat(CreditCode.isValid(code)).isTrue();
	}

	@Test
	void aCodeWithItsComputedCheckCharacterIsValid() {
		for (String first17 : new String[] { "91330421MA2B8XXXX", "91330421MA29G0001", "12330421000000000",
				"933304210000000AB" }) {
			assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).as(first17).isTrue();
		}
	}

	@Test
	void everyOtherCheckCharacterIsRefused() {
		String first17 = "91110000100017643";
		for (char other : CreditCode.ALPHABET.toCharArray()) {
			assertThat(CreditCode.isValid(first17 + other)).as("check %s", other).isEqualTo(other == 'K');
		}
	}

	@Test
	void lowerCaseIsRefusedUntilNormalized() {
		assertThat(CreditCode.isValid("91110000100017643k")).isFalse();
		assertThat(CreditCode.normalize(" 91110000100017643k ")).isEqualTo("91110000100017643K");
		assertThat(CreditCode.isValid(CreditCode.normalize(" 91110000100017643k "))).isTrue();
		assertThat(CreditCode.normalize(null)).isNull();
	}

	@Test
	void aCodeOfAnotherLengthIsRefused() {
		assertThat(CreditCode.isValid(null)).isFalse();
		assertThat(CreditCode.isValid("")).isFalse();
		assertThat(CreditCode.isValid("91110000100017643")).isFalse();
		assertThat(CreditCode.isValid("91110000100017643K0")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("9111000010001764"));
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z' })
	void lettersThatLookLikeDigitsAreRefused(char letter) {
		String first17 = "91330421MA2B8" + letter + "XXX";
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter(first17))
			.withMessageContaining(String.valueOf(letter));
		for (char check : CreditCode.ALPHABET.toCharArray()) {
			assertThat(CreditCode.isValid(first17 + check)).isFalse();
		}
		assertThat(CreditCode.isValid("91110000100017643" + letter)).isFalse();
	}

}
