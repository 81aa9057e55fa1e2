package org.qiqing.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the personal data of registrations is kept ({@code qiqing.privacy.*}).
 *
 * @param registrationAddressRetention how long the network address a registration came
 * from is kept (it serves the per-address limit, which counts an hour)
 * @param refusedRegistrationRetention how long a refused registration keeps the
 * registrant's name, phone, e-mail, login and password hash (time to answer a complaint)
 * @param retentionInterval how often the retention job runs
 */
@ConfigurationProperties("qiqing.privacy")
public record PrivacySettings(@DefaultValue("7d") Duration registrationAddressRetention,
		@DefaultValue("30d") Duration refusedRegistrationRetention, @DefaultValue("1h") Duration retentionInterval) {

	public PrivacySettings {
		if (registrationAddressRetention.isNegative() || registrationAddressRetention.isZero()
				|| refusedRegistrationRetention.isNegative() || refusedRegistrationRetention.isZero()) {
			throw new IllegalArgumentException("qiqing.privacy retentions must be positive");
		}
	}

}
