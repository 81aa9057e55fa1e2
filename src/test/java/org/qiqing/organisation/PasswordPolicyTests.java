package org.qiqing.organisation;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.qiqing.platform.Texts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords of 10 to 72 characters that are not among the bundled common ones.
 */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shortLongAndCommonPasswordsAreRefused() {
		assertThat(this.policy.problem("demo1234"))
			.hasValueSatisfying(reason -> assertThat(Texts.resolve(reason, Locale.ENGLISH)).contains("10"));
		assertThat(this.policy.problem("x".repeat(73))).isPresent();
		assertThat(this.policy.problem(null)).isPresent();
		assertThat(this.policy.problem("1234567890"))
			.hasValueSatisfying(reason -> assertThat(Texts.resolve(reason, Locale.ENGLISH)).contains("common"));
		assertThat(this.policy.problem("QwertyUiop")).as("without case").isPresent();
		assertThat(this.policy.problem("iloveyou12")).isPresent();
	}

	@Test
	void anUncommonPasswordOfTenCharactersIsAccepted() {
		assertThat(this.policy.problem("qiqing-demo")).isEmpty();
		assertThat(this.policy.problem("秋水共长天一色-2026")).isEmpty();
	}

}
