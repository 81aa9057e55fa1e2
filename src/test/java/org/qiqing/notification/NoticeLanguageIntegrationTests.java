package org.qiqing.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.organisation.Languages;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;
import org.qiqing.platform.Text;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice is put into words in the language of whoever reads it: the inbox page and the
 * API in the reader's, the e-mail in its recipient's ({@code person.language}); a
 * supervisor's own words stay as he wrote them.
 */
@IntegrationTest
class NoticeLanguageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	World world;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	Languages languages;

	@Autowired
	DailyDigest digest;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	/** A new official of 嘉善县, whose language and choices no other test reads. */
	private Member official() {
		return new AdminFixtures(this.regions, this.units, this.people, this.tokens).official(AdminFixtures.JIASHAN,
				Role.HANDLER);
	}

	@Test
	void anEnglishReaderReadsEnglishInTheInboxTheApiAndHisEmailAndAChineseReaderChinese() throws Exception {
		Member english = official();
		Member chinese = official();
		this.languages.choose(english.actor().personId(), Locale.ENGLISH);
		withEmail(english, english.actor().username() + "@example.cn");
		withEmail(chinese, chinese.actor().username() + "@example.cn");
		String number = "QQ-" + UUID.randomUUID().toString().substring(0, 8);
		String own = "周五前书面回复 " + number;
		GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		greenMail.start();
		int configured = this.mailSender.getPort();
		try {
			this.mailSender.setPort(greenMail.getSmtp().getPort());
			publish(notice(number, NoticeTopic.SUPERVISION_ORDER, "order",
					Text.of("notice.body.overdueNotice", "2026-12-01"), english, chinese));
			publish(notice(number, NoticeTopic.ESCALATION, "escalated", CaseNotice.words(own), english, chinese));
			this.worker.deliver();

			assertThat(greenMail.waitForIncomingEmail(10000, 4)).isTrue();
			MimeMessage toEnglish = mail(greenMail, english.actor().username() + "@example.cn", number,
					"Supervision order");
			assertThat(toEnglish.getSubject()).isEqualTo("[Supervision order] " + number + " 消防验收");
			assertThat(GreenMailUtil.getBody(toEnglish)).contains("passed its time limit on 2026-12-01");
			MimeMessage toChinese = mail(greenMail, chinese.actor().username() + "@example.cn", number, "督办单");
			assertThat(toChinese.getSubject()).isEqualTo("【督办单】" + number + " 消防验收");
			assertThat(mail(greenMail, english.actor().username() + "@example.cn", number, "Escalated").getSubject())
				.isEqualTo("[Escalated for supervision] " + number + " 消防验收");
		}
		finally {
			this.mailSender.setPort(configured);
			greenMail.stop();
		}

		String englishApi = body(this.mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/notifications?size=10")
				.header(HttpHeaders.AUTHORIZATION, english.bearer())
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andReturn());
		assertThat(englishApi).contains("[Supervision order] " + number, "passed its time limit on 2026-12-01", own)
			.doesNotContain("【督办单】" + number);
		String chineseApi = body(this.mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/notifications?size=10")
				.header(HttpHeaders.AUTHORIZATION, chinese.bearer()))
			.andReturn());
		assertThat(chineseApi).contains("【督办单】" + number, "案件已于 2026-12-01 超过办理时限", own)
			.doesNotContain("[Supervision order]");

		String englishPage = body(this.mvc
			.perform(MockMvcRequestBuilders.get("/inbox").param("lang", "en").session(this.api.login(english)))
			.andReturn());
		assertThat(englishPage).contains("[Supervision order] " + number, "[Escalated for supervision] " + number, own)
			.doesNotContain("【督办单】" + number);
		String chinesePage = body(
				this.mvc.perform(MockMvcRequestBuilders.get("/inbox").session(this.api.login(chinese))).andReturn());
		assertThat(chinesePage).contains("【督办单】" + number, "【提级督办】" + number, own);
	}

	@Test
	void theLanguageSwitchOfAPersonLoggedInIsHisLanguageButTheApisIsNot() throws Exception {
		Member who = official();
		MockHttpSession session = this.api.login(who);
		this.mvc.perform(MockMvcRequestBuilders.get("/inbox").param("lang", "en").session(session));
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.ENGLISH);
		this.mvc.perform(MockMvcRequestBuilders.get("/inbox").param("lang", "zh").session(session));
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		this.mvc.perform(MockMvcRequestBuilders.get("/api/v1/notifications")
			.param("lang", "en")
			.header(HttpHeaders.AUTHORIZATION, who.bearer()));
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		this.mvc.perform(MockMvcRequestBuilders.post("/inbox/preferences")
			.param("language", "en")
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		assertThat(this.languages.of(who.actor().personId())).isEqualTo(Locale.ENGLISH);
		assertThat(
				body(this.mvc.perform(MockMvcRequestBuilders.get("/inbox/preferences").session(session)).andReturn()))
			.contains("<option value=\"en\" selected=\"selected\">English</option>");
	}

	@Test
	void theDailyDigestIsWrittenInEachPersonsLanguage() {
		Member english = official();
		Member chinese = official();
		this.languages.choose(english.actor().personId(), Locale.ENGLISH);
		withEmail(english, english.actor().username() + "@example.cn");
		withEmail(chinese, chinese.actor().username() + "@example.cn");
		String number = "QQ-" + UUID.randomUUID().toString().substring(0, 8);
		// Overdue notices are e-mailed by default, in the day's digest.
		publish(notice(number, NoticeTopic.OVERDUE_NOTICE, "overdueNotice",
				Text.of("notice.body.overdueNotice", "2026-12-01"), english, chinese));

		this.digest.queue();

		assertThat(digestOf(english)).contains("Daily digest: 1 cases were urged", "[Overdue notice] " + number)
			.doesNotContain("【催办通知书】");
		assertThat(digestOf(chinese)).contains("每日待办汇总：1 件案件有催办", "【催办通知书】" + number);
	}

	private String digestOf(Member who) {
		return this.jdbc.sql("""
				select subject || ' | ' || body from notification_outbox
				where person_id = :person and notice_key like 'digest:%'""")
			.param("person", who.actor().personId())
			.query(String.class)
			.single();
	}

	private CaseNotice notice(String number, NoticeTopic topic, String what, Text body, Member... people) {
		long kase = ThreadLocalRandom.current().nextLong(1L << 40);
		return new CaseNotice("test:" + number + ":" + what, kase, topic,
				Text.of("notice.subject", Text.of("notice.what." + what), number, "消防验收"), body, "/cases/" + kase,
				List.of(people).stream().map(member -> member.actor().personId()).toList());
	}

	private MimeMessage mail(GreenMail greenMail, String to, String number, String kind) throws Exception {
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(to) && message.getSubject().contains(number)
					&& message.getSubject().contains(kind)) {
				return message;
			}
		}
		throw new AssertionError("no mail to " + to + " about " + kind + " " + number);
	}

	private void publish(Object notice) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(notice));
	}

	private void withEmail(Member who, String address) {
		this.jdbc.sql("update person set email = :email where id = :id")
			.param("email", address)
			.param("id", who.actor().personId())
			.update();
	}

	private static String body(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
