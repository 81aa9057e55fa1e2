package org.qiqing.casework;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.documents.CaseDocuments;
import org.qiqing.organisation.Languages;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qiqing.platform.PlatformClock.CHINA;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the timers write into a case's history (an automatic supervision order, an
 * escalation) reads in each reader's language, from the bundles, while the history keeps
 * and seals the Chinese words it always had and the text beside them (hash version 3).
 */
@IntegrationTest
class TimerNoteLanguageIntegrationTests {

	static final String ORDER_ZH = "已超过办理时限，系统自动督办：请说明办理进展和完成时间。";

	static final String ORDER_EN = "The time limit has passed, so the platform issued a supervision order";

	static final String ESCALATE_ZH = "持续超期，自动提级至上级单位督办。";

	static final String ESCALATE_EN = "Still overdue: the platform escalated the case to the unit above";

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	PlatformClock clock;

	@Autowired
	TimerSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHistory history;

	@Autowired
	Languages languages;

	@Autowired
	CaseDocuments documents;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void theTimersNotesReadInTheReadersLanguageAndStaySealed() throws Exception {
		Api api = new Api(this.mvc);
		long id = overdueCase(api);

		Member english = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
			.official(AdminFixtures.JIASHAN, Role.SUPERVISOR);
		this.languages.choose(english.actor().personId(), Locale.ENGLISH);
		String englishPage = this.api.okPageText(english, "/cases/" + id);
		assertThat(englishPage).contains(ORDER_EN, ESCALATE_EN).doesNotContain(ORDER_ZH, ESCALATE_ZH);
		String chinesePage = this.api.okPageText(this.world.supervisorA(), "/cases/" + id);
		assertThat(chinesePage).contains(ORDER_ZH, ESCALATE_ZH).doesNotContain(ORDER_EN, ESCALATE_EN);

		assertThat(notes(api(english, "/api/v1/cases/" + id + "/timeline", "en")))
			.anyMatch(n -> n != null && n.startsWith(ORDER_EN))
			.anyMatch(n -> n != null && n.startsWith(ESCALATE_EN));
		assertThat(notes(api(english, "/api/v1/cases/" + id + "/timeline", null))).contains(ORDER_ZH, ESCALATE_ZH);
		assertThat(JsonPath.<String>read(api(english, "/api/v1/cases/" + id + "/orders", "en"), "$[0].demand"))
			.startsWith(ORDER_EN);
		assertThat(JsonPath.<String>read(api(english, "/api/v1/cases/" + id + "/orders", null), "$[0].demand"))
			.isEqualTo(ORDER_ZH);

		// The official document of the order is Chinese whoever prints it.
		int orderSeq = this.jdbc.sql("select seq from case_event where case_id = :id and action = 'ORDER'")
			.param("id", id)
			.query(Integer.class)
			.single();
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		try {
			assertThat(this.documents.document(id, orderSeq, english.actor()).toString()).contains(ORDER_ZH)
				.doesNotContain(ORDER_EN);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}

		// The history keeps the Chinese words, and seals them with their text.
		List<Integer> versions = this.jdbc
			.sql("select hash_version from case_event where case_id = :id and action in ('ORDER', 'ESCALATE')")
			.param("id", id)
			.query(Integer.class)
			.list();
		assertThat(versions).containsExactly(3, 3);
		assertThat(this.jdbc.sql("select note from case_event where case_id = :id and action = 'ORDER'")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo(ORDER_ZH);
		assertThat(this.jdbc.sql("select count(*) from case_event where case_id = :id and hash_version = 2")
			.param("id", id)
			.query(Integer.class)
			.single()).isPositive();
		assertThat(this.history.verify(id)).isEmpty();
	}

	@Test
	void aNotesTextChangedAfterwardsIsFoundByTheCheck() throws Exception {
		long id = overdueCase(new Api(this.mvc));
		String sealed = noteText(id, "ORDER");
		this.jdbc.sql("update case_event set note_text = :text where case_id = :id and action = 'ORDER'")
			.param("text", sealed.replace("autoOrder", "autoEscalate"))
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).anyMatch(f -> f.kind() == HistoryFinding.Kind.CONTENT);
		this.jdbc.sql("update case_event set note_text = null where case_id = :id and action = 'ORDER'")
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).anyMatch(f -> f.kind() == HistoryFinding.Kind.CONTENT);
		this.jdbc.sql("update case_event set note_text = :text where case_id = :id and action = 'ORDER'")
			.param("text", sealed)
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).isEmpty();
		// A text added to a person's note (sealed with version 2) is found too.
		this.jdbc.sql("update case_event set note_text = :text where case_id = :id and action = 'CONTACT'")
			.param("text", sealed)
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).anyMatch(f -> f.kind() == HistoryFinding.Kind.CONTENT);
		this.jdbc.sql("update case_event set note_text = null where case_id = :id and action = 'CONTACT'")
			.param("id", id)
			.update();
		assertThat(this.history.verify(id)).isEmpty();
	}

	/** A case assigned on 30 September 2026, ordered by the timers, then escalated. */
	private long overdueCase(Api api) throws Exception {
		at("2026-09-30T10:00");
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		api.step(this.world.handlerA(), id, v, "contact", "{\"note\": \"已电话联系\"}");
		at("2026-10-14T10:00");
		this.sweep.sweep();
		at("2026-10-28T10:00");
		this.sweep.sweep();
		return id;
	}

	private String noteText(long id, String action) {
		return this.jdbc.sql("select note_text from case_event where case_id = :id and action = :action")
			.param("id", id)
			.param("action", action)
			.query(String.class)
			.single();
	}

	private String api(Member who, String path, String language) throws Exception {
		var request = get(path).header(HttpHeaders.AUTHORIZATION, who.bearer());
		if (language != null) {
			request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> notes(String timeline) {
		return JsonPath.read(timeline, "$[*].note");
	}

	private void at(String chinaTime) {
		this.clock.set(LocalDateTime.parse(chinaTime).atZone(CHINA).toInstant());
	}

}
