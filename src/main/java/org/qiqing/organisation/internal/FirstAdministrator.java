package org.qiqing.organisation.internal;

import java.util.Optional;
import java.util.Set;

import org.qiqing.organisation.PasswordPolicy;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Region;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A production database starts with nobody who can administer it: when
 * {@code QIQING_ADMIN_PASSWORD} is set and no enabled administrator exists, this creates
 * the root region, its enterprise service centre and the administrator {@code admin} over
 * it, who then creates or imports the rest. The condition is "no administrator can log
 * in", not "nobody exists": the migrations create the platform's own person (系统), and an
 * operator who disabled the last administrator by mistake gets him back the same way.
 */
@Component
@Order(0)
@EnableConfigurationProperties(FirstAdministrator.Settings.class)
class FirstAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	@ConfigurationProperties("qiqing.bootstrap")
	record Settings(String adminPassword, String regionCode, String regionName) {

		Settings {
			regionCode = regionCode == null ? "330400" : regionCode;
			regionName = regionName == null ? "嘉兴市" : regionName;
		}

		boolean asked() {
			return this.adminPassword != null && !this.adminPassword.isBlank();
		}

	}

	private final Settings settings;

	private final Regions regions;

	private final Units units;

	private final People people;

	private final PasswordEncoder passwords;

	private final JdbcClient jdbc;

	private final PasswordPolicy policy;

	FirstAdministrator(Settings settings, Regions regions, Units units, People people, PasswordEncoder passwords,
			PasswordPolicy policy, JdbcClient jdbc) {
		this.settings = settings;
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.passwords = passwords;
		this.policy = policy;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.settings.asked()) {
			return;
		}
		if (anAdministratorCanLogIn()) {
			log.warn("QIQING_ADMIN_PASSWORD is set but an administrator can log in already: ignored. "
					+ "Remove it from the environment.");
			return;
		}
		this.policy.problem(this.settings.adminPassword()).ifPresent(problem -> {
			throw new IllegalStateException("QIQING_ADMIN_PASSWORD is refused: "
					+ org.qiqing.platform.Texts.resolve(problem, java.util.Locale.ENGLISH));
		});
		Region root = this.regions.find(this.settings.regionCode())
			.orElseGet(() -> this.regions.save(this.settings.regionCode(), this.settings.regionName(), RegionLevel.CITY,
					null));
		Optional<Person> existing = this.people.findByUsername(USERNAME);
		if (existing.isPresent() && !existing.get().getRoles().contains(Role.ADMIN)) {
			log.error("No administrator can log in, and the login '{}' belongs to someone who is not one: "
					+ "no administrator was created.", USERNAME);
			return;
		}
		Person admin = existing.orElseGet(() -> Person.official(USERNAME, "管理员", "-", serviceCentreOf(root).getId(),
				root.code(), Set.of(Role.ADMIN)));
		admin.changePassword(this.passwords.encode(this.settings.adminPassword()));
		admin.allowLogin(true);
		this.people.save(admin);
		log.info("{} the administrator '{}' over region {} {}", existing.isPresent() ? "Enabled again" : "Created",
				USERNAME, root.code(), root.name());
	}

	private boolean anAdministratorCanLogIn() {
		return this.jdbc.sql("""
				select count(*) from person p join person_role r on r.person_id = p.id
				where p.enabled and r.role = :admin""")
			.param("admin", Role.ADMIN.name())
			.query(Long.class)
			.single() > 0;
	}

	private Unit serviceCentreOf(Region root) {
		String code = root.code() + "-QFZX";
		return this.units.findByCode(code)
			.orElseGet(() -> this.units
				.save(new Unit(code, root.name() + "企业服务中心", UnitKind.SERVICE_CENTRE, root.code(), null)));
	}

}
