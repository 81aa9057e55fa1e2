package org.qiqing.registration;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the public registration form ({@code qiqing.registration.*}).
 *
 * @param attemptsPerAddress how many registrations one network address may send per
 * window, accepted or refused (so nobody tries credit codes one after the other)
 * @param window the length of that window
 * @param pendingPerEnterprise how many registrations may wait at once for one enterprise
 */
@Validated
@ConfigurationProperties("qiqing.registration")
public record RegistrationSettings(@DefaultValue("10") @Min(1) int attemptsPerAddress,
		@DefaultValue("1h") Duration window, @DefaultValue("5") @Min(1) int pendingPerEnterprise) {

}
