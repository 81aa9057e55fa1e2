package org.qiqing.registration;

import org.junit.jupiter.api.Test;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReachabilityTests {

	@Test
	void aPhoneIsAMobileOrALandlineWithItsAreaCodeAsTypedWithSpacesOrDashes() {
		assertThat(Reachability.phone(" 138 0573-0001 ")).isEqualTo("13805730001");
		assertThat(Reachability.phone("  ")).isNull();
		assertThatNoException().isThrownBy(() -> check("13805730001", null));
		assertThatNoException().isThrownBy(() -> check("057384123456", null));
		assertThat(check("12345", null)).containsKey("phone");
		assertThat(check("23805730001", null)).containsKey("phone");
	}

	@Test
	void anEmailIsLowerCasedAndNeedsADomainWithADot() {
		assertThat(Reachability.email(" Wang@Example.CN ")).isEqualTo("wang@example.cn");
		assertThatNoException().isThrownBy(() -> check(null, "wang@example.cn"));
		assertThat(check(null, "wang@example")).containsKey("email");
		assertThat(check(null, "not-an-address")).containsKey("email");
	}

	@Test
	void oneWayToReachHimIsNeeded() {
		assertThat(check(null, null)).containsKey("phone");
	}

	private static java.util.Map<String, String> check(String phone, String email) {
		FieldErrors errors = new FieldErrors();
		Reachability.check(errors, phone, email);
		InvalidInput refused = catchThrowableOfType(InvalidInput.class, errors::throwIfAny);
		if (refused == null) {
			return java.util.Map.of();
		}
		return refused.errors();
	}

}
