package org.qiqing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.qiqing.TestWorld.Member;
import org.qiqing.enterprise.CreditCode;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

/**
 * Units and officials added to the {@link TestWorld} for the administration tests, above
 * all administrators of one county. Tests share the database, so every code and username
 * made here is new.
 */
public final class AdminFixtures {

	/** County A of the world. */
	public static final String JIASHAN = "330421";

	/** A town of county A. */
	public static final String XITANG = "330421100";

	/** County B of the world. */
	public static final String HAINING = "330481";

	private static final AtomicInteger counter = new AtomicInteger();

	private final Regions regions;

	private final Units units;

	private final People people;

	private final ApiTokens tokens;

	public AdminFixtures(Regions regions, Units units, People people, ApiTokens tokens) {
		this.regions = regions;
		this.units = units;
		this.people = people;
		this.tokens = tokens;
	}

	public static String unique(String prefix) {
		return prefix + counter.incrementAndGet();
	}

	/** A new valid credit code of county A, with a letter in it. */
	public static String creditCode() {
		String first17 = "91330421MA" + String.format("%07d", counter.incrementAndGet());
		return first17 + CreditCode.checkCharacter(first17);
	}

	public Unit unitIn(String regionCode) {
		String code = unique("ADM-");
		return this.units.save(new Unit(code, "单位 " + code, UnitKind.DEPARTMENT, regionCode, null));
	}

	/** An administrator of a new unit in the region, overseeing the region. */
	public Member adminOf(String regionCode) {
		return official(regionCode, Role.ADMIN);
	}

	/** An official of a new unit in the region, overseeing the region. */
	public Member official(String regionCode, Role role) {
		Unit unit = unitIn(regionCode);
		String username = unique("adm.user");
		Person person = this.people.save(Person.official(username, username, "{noop}" + TestWorld.PASSWORD,
				unit.getId(), regionCode, Set.of(role)));
		String path = this.regions.find(regionCode).orElseThrow().path();
		return new Member(new Actor(person.getId(), username, username, unit.getId(), null, path, Set.of(role)),
				this.tokens.issue(person.getId(), "test"));
	}

}
