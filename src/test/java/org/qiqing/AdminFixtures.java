package org.qiqing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.boot.test.context.TestComponent;

/**
 * Named pieces of Jiaxing for tests: the city with two counties, units in them, and
 * people with API tokens. Tests share one database, so every name made here is unique.
 */
@TestComponent
public class AdminFixtures {

	public static final String JIAXING = "330400";

	public static final String JIASHAN = "330421";

	public static final String HAIYAN = "330424";

	public static final String LUOXING = "330421001";

	private static final AtomicInteger counter = new AtomicInteger();

	private final Regions regions;

	private final Units units;

	private final People people;

	private final ApiTokens tokens;

	AdminFixtures(Regions regions, Units units, People people, ApiTokens tokens) {
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.tokens = tokens;
	}

	/** Jiaxing, Jiashan with the street Luoxing, and Haiyan. */
	public void jiaxing() {
		this.regions.save(JIAXING, "嘉兴市", RegionLevel.CITY, null);
		this.regions.save(JIASHAN, "嘉善县", RegionLevel.COUNTY, JIAXING);
		this.regions.save(HAIYAN, "海盐县", RegionLevel.COUNTY, JIAXING);
		this.regions.save(LUOXING, "罗星街道", RegionLevel.TOWN, JIASHAN);
	}

	public Region region(String code) {
		return this.regions.find(code).orElseThrow();
	}

	public static String unique(String prefix) {
		return prefix + counter.incrementAndGet();
	}

	public Unit unitIn(String regionCode) {
		jiaxing();
		return this.units.save(new Unit(unique("U-"), "单位" + counter.get(), UnitKind.DEPARTMENT, regionCode, null));
	}

	/** An official of a new unit in the region, overseeing it, with a token. */
	public Official official(String regionCode, Role... roles) {
		Unit unit = unitIn(regionCode);
		Person person = this.people.save(Person.official(unique("user"), "干部" + counter.get(), "{noop}secret-1234",
				unit.getId(), regionCode, Set.of(roles)));
		return new Official(person, unit, this.tokens.issue(person.getId(), "test"));
	}

	public Official adminOf(String regionCode) {
		return official(regionCode, Role.ADMIN);
	}

	public record Official(Person person, Unit unit, String token) {

		public String bearer() {
			return "Bearer " + this.token;
		}

	}

}
