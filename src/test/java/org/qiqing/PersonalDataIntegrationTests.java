package org.qiqing;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.Enterprises;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phones and e-mail addresses are masked for the roles that do not need them (leaders,
 * supervisors, inspectors, enterprise contacts) in the enterprise, profile, registration
 * and contact lists and APIs, shown in full to those who do, and revealed in full on
 * request, each reveal in the audit log.
 */
@IntegrationTest
class PersonalDataIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.mvc);
	}

	@Test
	void anEnterprisesContactIsMaskedForALeaderAndWholeForADispatcher() throws Exception {
		String path = "/api/v1/enterprises/" + this.world.firmA().getId();
		String leaders = body(this.api.get(this.world.leaderA(), path));
		assertThat(JsonPath.<String>read(leaders, "$.contactPhone")).isEqualTo("138****0001");
		assertThat(JsonPath.<String>read(leaders, "$.contactEmail")).isEqualTo("a***@example.cn");
		assertThat(leaders).doesNotContain("13800000001");

		String dispatchers = body(this.api.get(this.world.dispatcherA(), path));
		assertThat(JsonPath.<String>read(dispatchers, "$.contactPhone")).isEqualTo("13800000001");

		String profile = body(this.api.get(this.world.supervisorA(), path + "/profile"));
		assertThat(JsonPath.<String>read(profile, "$.facts.contactPhone")).isEqualTo("138****0001");
	}

	@Test
	void aRevealShowsTheWholeContactAndIsAudited() throws Exception {
		long before = lastAuditId();
		long firm = this.world.firmA().getId();
		String revealed = body(this.api.get(this.world.leaderA(), "/api/v1/enterprises/" + firm + "/contact"));
		assertThat(JsonPath.<String>read(revealed, "$.phone")).isEqualTo("13800000001");
		assertThat(JsonPath.<String>read(revealed, "$.email")).isEqualTo("a@example.cn");

		MvcResult foreign = this.api.get(this.world.dispatcherB(), "/api/v1/enterprises/" + firm + "/contact");
		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);

		assertThat(this.jdbc.sql("""
				select username || ' ' || action || ' ' || target_kind || ' ' || target_id from audit_entry
				where id > :id order by id""").param("id", before).query(String.class).list())
			.containsExactly("t.leader.a PERSONAL_DATA_REVEALED enterprise " + firm);
	}

	@Test
	void theProfilePageMasksAndRevealsInPlace() throws Exception {
		MockHttpSession leader = this.api.login(this.world.leaderA());
		String page = this.api.pageText(leader, "/enterprises/" + this.world.firmA().getId());
		assertThat(page).contains("138****0001").doesNotContain("13800000001").contains("显示完整");

		String revealed = this.api.pageText(leader, "/enterprises/" + this.world.firmA().getId() + "/contact");
		assertThat(revealed).contains("tel:13800000001").contains("a@example.cn");
	}

	@Test
	void aRegistrationIsMaskedForTheEnterprisesManagerAndWholeForTheCentre() throws Exception {
		Member manager = firmWithManager();
		long registration = pendingRegistration(manager.actor().enterpriseId());

		String managers = body(this.api.get(manager, "/api/v1/registrations/" + registration));
		assertThat(JsonPath.<String>read(managers, "$.phone")).isEqualTo("139****5678");
		assertThat(JsonPath.<String>read(managers, "$.email")).isEqualTo("l***@example.com");
		assertThat(body(this.api.get(manager, "/api/v1/registrations"))).doesNotContain("13912345678");

		String centres = body(this.api.get(this.world.dispatcherA(), "/api/v1/registrations/" + registration));
		assertThat(JsonPath.<String>read(centres, "$.phone")).isEqualTo("13912345678");

		long before = lastAuditId();
		String revealed = body(this.api.get(manager, "/api/v1/registrations/" + registration + "/contact"));
		assertThat(JsonPath.<String>read(revealed, "$.phone")).isEqualTo("13912345678");
		assertThat(this.jdbc.sql("select action from audit_entry where id > :id")
			.param("id", before)
			.query(String.class)
			.list()).containsExactly("PERSONAL_DATA_REVEALED");
		assertThat(this.api.get(this.world.enterpriseB(), "/api/v1/registrations/" + registration + "/contact")
			.getResponse()
			.getStatus()).isIn(403, 404);
	}

	@Test
	void aColleagueIsMaskedForTheManagerUntilHeAsks() throws Exception {
		Member manager = firmWithManager();
		Person colleague = this.people.save(Person.enterpriseContact("t.pd.colleague." + serial(), "同事",
				this.passwords.encode(TestWorld.PASSWORD), manager.actor().enterpriseId()));
		colleague.contactBy("13700001111", "colleague@example.com");
		this.people.save(colleague);

		String contacts = body(this.api.get(manager, "/api/v1/contacts"));
		assertThat(contacts).contains("137****1111").contains("c***@example.com").doesNotContain("13700001111");

		String revealed = body(this.api.get(manager, "/api/v1/contacts/" + colleague.getId() + "/contact"));
		assertThat(JsonPath.<String>read(revealed, "$.phone")).isEqualTo("13700001111");
	}

	@Test
	void theManagersPagesMaskAndRevealInPlace() throws Exception {
		Member manager = firmWithManager();
		long registration = pendingRegistration(manager.actor().enterpriseId());
		MockHttpSession session = this.api.login(manager);

		assertThat(this.api.pageText(session, "/registrations")).contains("139****5678")
			.doesNotContain("13912345678")
			.contains("显示完整");
		assertThat(this.api.pageText(session, "/registrations/" + registration + "/contact"))
			.contains("tel:13912345678");
		assertThat(this.api.pageText(session, "/contacts")).contains(manager.username());
		assertThat(this.api.pageText(this.api.login(this.world.dispatcherA()), "/registrations"))
			.contains("13912345678");
	}

	private Member firmWithManager() {
		int serial = serial();
		Enterprise firm = this.enterprises
			.save(new Enterprise(TestWorld.code("330421", 9000 + serial), "隐私测试企业" + serial, "330421100"));
		Person manager = this.people.save(Person.enterpriseContact("t.pd.manager." + serial, "经理",
				this.passwords.encode(TestWorld.PASSWORD), firm.getId()));
		return new Member(new Actor(manager.getId(), manager.getUsername(), "经理", null, firm.getId(), null,
				Set.of(Role.ENTERPRISE)), this.tokens.issue(manager.getId(), "test"));
	}

	private long pendingRegistration(long enterpriseId) {
		String hash = UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("""
				insert into registration (enterprise_id, enterprise_name, region_path, display_name, phone, email,
				    username, password_hash, status_hash, status, filed_at)
				values (:enterprise, '隐私测试企业', '/330400/330421/330421100/', '李四', '13912345678', 'li.si@example.com',
				    :username, '{bcrypt}x', :hash, 'PENDING', current_timestamp)""")
			.param("enterprise", enterpriseId)
			.param("username", "t.pd.li." + serial())
			.param("hash", hash)
			.update();
		return this.jdbc.sql("select id from registration where status_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.single();
	}

	private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

	private static int serial() {
		return SERIAL.incrementAndGet();
	}

	private long lastAuditId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
