package org.qiqing.organisation.internal;

import java.util.Set;

import org.qiqing.organisation.PasswordPolicy;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A production database starts empty: when {@code QIQING_ADMIN_PASSWORD} is set and
 * nobody exists yet, this creates the root region, its enterprise service centre and an
 * administrator over it, who then imports the rest.
 */
@Component
@Order(0)
@EnableConfigurationProperties(FirstAdministrator.Settings.class)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	@ConfigurationProperties("qiqing.bootstrap")
	record Settings(String adminPassword, String regionCode, String regionName) {

		Settings {
			regionCode = regionCode == null ? "330400" : regionCode;
			regionName = regionName == null ? "嘉兴市" : regionName;
		}

	}

	private final Settings settings;

	private final Regions regions;

	private final Units units;

	private final People people;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	FirstAdministrator(Settings settings, Regions regions, Units units, People people, PasswordEncoder passwords,
			PasswordPolicy policy) {
		this.settings = settings;
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.passwords = passwords;
		this.policy = policy;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.settings.adminPassword() == null || this.settings.adminPassword().isBlank()
				|| this.people.count() > 0) {
			return;
		}
		this.policy.problem(this.settings.adminPassword()).ifPresent(problem -> {
			throw new IllegalStateException("QIQING_ADMIN_PASSWORD is refused: " + problem);
		});
		this.regions.save(this.settings.regionCode(), this.settings.regionName(), RegionLevel.CITY, null);
		Unit centre = this.units.save(new Unit(this.settings.regionCode() + "-QFZX",
				this.settings.regionName() + "企业服务中心", UnitKind.SERVICE_CENTRE, this.settings.regionCode(), null));
		this.people.save(Person.official("admin", "管理员", this.passwords.encode(this.settings.adminPassword()),
				centre.getId(), this.settings.regionCode(), Set.of(Role.ADMIN)));
		log.info("Created the administrator 'admin' over region {} {}", this.settings.regionCode(),
				this.settings.regionName());
	}

}
