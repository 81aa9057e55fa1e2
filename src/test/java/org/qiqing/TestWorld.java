package org.qiqing;

import java.util.Set;

import org.qiqing.casework.Categories;
import org.qiqing.casework.Category;
import org.qiqing.enterprise.CreditCode;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.RegionLevel;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.UnitKind;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two counties, each with a service centre, departments, people of every role and an
 * enterprise: "own" things are in county A, "foreign" ones in county B. Built once per
 * test context, on a database Flyway has just cleaned.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestWorld {

	public static final String PASSWORD = "secret";

	/** A person of the world with his API token. */
	public record Member(Actor actor, String token) {

		public String bearer() {
			return "Bearer " + this.token;
		}

		public String username() {
			return this.actor.username();
		}

	}

	public record World(Unit centreA, Unit deptA, Unit otherDeptA, Unit centreB, Unit deptB, Enterprise firmA,
			Enterprise firmB, Category category, Member admin, Member dispatcherA, Member handlerA,
			Member otherHandlerA, Member enterpriseA, Member visitorA, Member leaderA, Member supervisorA,
			Member dispatcherB, Member handlerB, Member enterpriseB) {
	}

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			flyway.clean();
			flyway.migrate();
		};
	}

	@Bean
	Officials officials(Regions regions, People people, ApiTokens tokens, PasswordEncoder passwords) {
		return new Officials(regions, people, tokens, passwords.encode(PASSWORD));
	}

	@Bean
	org.qiqing.discipline.DisciplineFixture disciplineFixture(org.qiqing.discipline.DisciplineManagement management,
			org.qiqing.discipline.DisciplineQueries queries, org.qiqing.casework.CaseManagement cases) {
		return new org.qiqing.discipline.DisciplineFixture(management, queries, cases);
	}

	@Bean
	World world(Regions regions, Units units, Enterprises enterprises, Categories categories, Officials b,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		// Flyway runs before this bean; make sure of it on contexts that create beans
		// lazily.
		regions.save("330400", "嘉兴市", RegionLevel.CITY, null);
		regions.save("330421", "嘉善县", RegionLevel.COUNTY, "330400");
		regions.save("330421100", "西塘镇", RegionLevel.TOWN, "330421");
		regions.save("330481", "海宁市", RegionLevel.COUNTY, "330400");
		regions.save("330481100", "许村镇", RegionLevel.TOWN, "330481");
		Unit cityCentre = units.save(new Unit("T-JX", "嘉兴市企业服务中心", UnitKind.SERVICE_CENTRE, "330400", null));
		Unit centreA = units.save(new Unit("T-A", "嘉善县企业服务中心", UnitKind.SERVICE_CENTRE, "330421", cityCentre.getId()));
		Unit deptA = units.save(new Unit("T-A1", "嘉善县经信局", UnitKind.DEPARTMENT, "330421", centreA.getId()));
		Unit otherDeptA = units.save(new Unit("T-A2", "嘉善县自规局", UnitKind.DEPARTMENT, "330421", centreA.getId()));
		Unit centreB = units.save(new Unit("T-B", "海宁市企业服务中心", UnitKind.SERVICE_CENTRE, "330481", cityCentre.getId()));
		Unit deptB = units.save(new Unit("T-B1", "海宁市经信局", UnitKind.DEPARTMENT, "330481", centreB.getId()));
		Enterprise firmA = enterprises.save(new Enterprise(code("330421", 1), "嘉善测试精密机械有限公司", "330421100")
			.contact("王经理", "13800000001", "a@example.cn"));
		Enterprise firmB = enterprises.save(new Enterprise(code("330481", 2), "海宁测试皮革有限公司", "330481100"));
		Category category = categories.save("T-POLICY", "惠企政策兑现", null, deptA.getId(), 5);
		return new World(centreA, deptA, otherDeptA, centreB, deptB, firmA, firmB, category,
				b.official("t.admin", Role.ADMIN, cityCentre, "330400"),
				b.official("t.dispatcher.a", Role.DISPATCHER, centreA, "330421"),
				b.official("t.handler.a", Role.HANDLER, deptA, null),
				b.official("t.handler.a2", Role.HANDLER, otherDeptA, null), b.contact("t.ent.a", firmA),
				b.official("t.visitor.a", Role.VISITOR, centreA, "330421100"),
				b.official("t.leader.a", Role.LEADER, centreA, "330421"),
				b.official("t.supervisor.a", Role.SUPERVISOR, centreA, "330421"),
				b.official("t.dispatcher.b", Role.DISPATCHER, centreB, "330481"),
				b.official("t.handler.b", Role.HANDLER, deptB, null), b.contact("t.ent.b", firmB));
	}

	static String code(String county, int serial) {
		String first17 = "91" + county + String.format("%09d", serial);
		return first17 + CreditCode.checkCharacter(first17);
	}

	/**
	 * Makes the people of a test: an official with one role in a unit (and a
	 * jurisdiction, or none), or an enterprise's contact, each with his API token.
	 */
	public record Officials(Regions regions, People people, ApiTokens tokens, String hash) {

		public Member official(String username, Role role, Unit unit, String jurisdiction) {
			Person person = this.people
				.save(Person.official(username, username, this.hash, unit.getId(), jurisdiction, Set.of(role)));
			String path = jurisdiction == null ? null : this.regions.find(jurisdiction).orElseThrow().path();
			return new Member(new Actor(person.getId(), username, username, unit.getId(), null, path, Set.of(role)),
					this.tokens.issue(person.getId(), "test"));
		}

		public Member contact(String username, Enterprise firm) {
			Person person = this.people.save(Person.enterpriseContact(username, username, this.hash, firm.getId()));
			return new Member(
					new Actor(person.getId(), username, username, null, firm.getId(), null, Set.of(Role.ENTERPRISE)),
					this.tokens.issue(person.getId(), "test"));
		}

	}

}
