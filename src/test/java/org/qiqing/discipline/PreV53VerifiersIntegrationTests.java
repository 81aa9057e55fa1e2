package org.qiqing.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.Officials;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseManagement;
import org.qiqing.organisation.Role;
import org.qiqing.platform.NotFound;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rectification items filed from findings before V53 had no verifiers, so only the
 * jurisdiction's inspectors could close them: V56 names their action's groups' members,
 * as every item filed since has been named. Proved by running V56's statement again on an
 * item stripped of its verifiers, as an item filed before V53 was, on H2 and PostgreSQL;
 * an item that has its verifiers keeps them as they are.
 */
@IntegrationTest
class PreV53VerifiersIntegrationTests {

	@Autowired
	World world;

	@Autowired
	Officials officials;

	@Autowired
	DisciplineFixture discipline;

	@Autowired
	CaseManagement cases;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anItemFiledBeforeV53IsVerifiedByItsActionsGroups() throws Exception {
		Member inspector = this.officials.official("t.v53.inspector", Role.INSPECTOR, this.world.centreA(), "330421");
		Member member = this.officials.official("t.v53.member", Role.HANDLER, this.world.centreA(), null);
		Member other = this.officials.official("t.v53.other", Role.HANDLER, this.world.centreA(), null);
		long action = this.discipline.action("V53 之前的专项", this.world.centreA(), LocalDate.now().minusDays(5),
				LocalDate.now().plusDays(5), inspector, DisciplineFixture.group("甲组", inspector, member),
				DisciplineFixture.group("乙组", inspector));
		long group = this.discipline.firstGroup(action, inspector);
		long old = this.discipline.item(this.discipline.inspection(action, group, this.world.otherDeptA(), inspector),
				"旧事项", 10, inspector);
		long kept = this.discipline.item(this.discipline.inspection(action, group, this.world.otherDeptA(), inspector),
				"新事项", 10, inspector);
		// As before V53: nobody verifies the old item; the kept one has one verifier
		// only.
		this.jdbc.sql("delete from case_verifier where case_id = :c").param("c", old).update();
		this.jdbc.sql("delete from case_verifier where case_id = :c and person_id <> :p")
			.param("c", kept)
			.param("p", inspector.actor().personId())
			.update();
		assertThatThrownBy(() -> this.cases.find(old, member.actor())).isInstanceOf(NotFound.class);

		this.jdbc.sql(backfill()).update();

		assertThat(verifiers(old)).containsExactlyInAnyOrder(inspector.actor().personId(), member.actor().personId());
		assertThat(this.cases.find(old, member.actor()).getVerifierIds()).contains(member.actor().personId());
		assertThatThrownBy(() -> this.cases.find(old, other.actor())).isInstanceOf(NotFound.class);
		assertThat(verifiers(kept)).containsExactly(inspector.actor().personId());
	}

	private List<Long> verifiers(long item) {
		return this.jdbc.sql("select person_id from case_verifier where case_id = :c")
			.param("c", item)
			.query(Long.class)
			.list();
	}

	/** V56's statement that names the verifiers of the items filed before V53. */
	private static String backfill() throws Exception {
		String migration = new ClassPathResource("db/migration/V56__supervision_group_changes.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		return Arrays.stream(migration.split(";"))
			.map(statement -> statement.lines().filter(line -> !line.strip().startsWith("--")).toList())
			.map(lines -> String.join("\n", lines).strip())
			.filter(statement -> statement.startsWith("insert into case_verifier"))
			.findFirst()
			.orElseThrow();
	}

}
