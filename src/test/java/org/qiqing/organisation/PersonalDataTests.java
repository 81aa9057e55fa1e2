package org.qiqing.organisation;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@Test
	void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
		assertThat(PersonalData.maskPhone("13812340331")).isEqualTo("138****0331");
		assertThat(PersonalData.maskPhone("057384123456")).isEqualTo("057*****3456");
		assertThat(PersonalData.maskPhone("1234567")).isEqualTo("*******");
		assertThat(PersonalData.maskPhone(null)).isNull();
	}

	@Test
	void anEmailAddressKeepsItsFirstLetterAndItsDomain() {
		assertThat(PersonalData.maskEmail("zhang.wei@example.com")).isEqualTo("z***@example.com");
		assertThat(PersonalData.maskEmail("no-at-sign")).isEqualTo("***");
		assertThat(PersonalData.maskEmail(null)).isNull();
	}

	@Test
	void thoseWhoReachPeopleSeeThemInFullOthersMasked() {
		assertThat(PersonalData.phone("13812340331", actor(Role.HANDLER))).isEqualTo("13812340331");
		assertThat(PersonalData.phone("13812340331", actor(Role.ADMIN))).isEqualTo("13812340331");
		assertThat(PersonalData.phone("13812340331", actor(Role.LEADER))).isEqualTo("138****0331");
		assertThat(PersonalData.email("zhang@example.com", actor(Role.INSPECTOR))).isEqualTo("z***@example.com");
		assertThat(PersonalData.email("zhang@example.com", actor(Role.ENTERPRISE))).isEqualTo("z***@example.com");
		assertThat(PersonalData.phone("13812340331", actor(Role.LEADER, Role.DISPATCHER))).isEqualTo("13812340331");
	}

	private static Actor actor(Role... roles) {
		return new Actor(1, "someone", "someone", null, null, null, Set.of(roles));
	}

}
