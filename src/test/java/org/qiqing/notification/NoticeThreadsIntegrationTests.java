package org.qiqing.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.CaseNotices;
import org.qiqing.casework.NoticeTopic;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox keeps one entry per case and topic that counts its repeats, and the notices
 * that repeat reach a person on the daily digest in one e-mail.
 */
@IntegrationTest
class NoticeThreadsIntegrationTests {

	@Autowired
	MockMvc mvc;

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
	DailyDigest digest;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Test
	void aRepeatedUrgingBumpsTheCountOfOneEntryAndMakesItUnreadAgainWhileTheSameNoticeAddsNothing() throws Exception {
		Member who = this.world.handlerA();
		long kase = newCase();
		CaseNotice first = notice(kase, NoticeTopic.URGING, who);
		long before = unread(who);
		publish(first);
		MvcResult list = new Api(this.mvc).get(who, "/api/v1/notifications?size=1");
		assertThat(Api.read(list, "$.items[0].subject")).isEqualTo(words(first.subject()));
		assertThat(Api.read(list, "$.items[0].repeats")).isEqualTo(1);
		long id = ((Number) Api.read(list, "$.items[0].id")).longValue();
		new Api(this.mvc).post(who, "/api/v1/notifications/" + id + "/read", "");
		assertThat(unread(who)).isEqualTo(before);

		CaseNotice second = notice(kase, NoticeTopic.URGING, who);
		publish(new CaseNotices(List.of(second, notice(kase, NoticeTopic.URGING, who))));
		list = new Api(this.mvc).get(who, "/api/v1/notifications?size=2");
		assertThat(((Number) Api.read(list, "$.items[0].id")).longValue()).isEqualTo(id);
		assertThat(Api.read(list, "$.items[0].repeats")).isEqualTo(3);
		assertThat(Api.read(list, "$.items[0].readAt")).isNull();
		assertThat(unread(who)).isEqualTo(before + 1);
		assertThat(threads(who, kase)).isEqualTo(1);

		new Api(this.mvc).post(who, "/api/v1/notifications/" + id + "/read", "");
		publish(first);
		publish(second);
		list = new Api(this.mvc).get(who, "/api/v1/notifications?size=1");
		assertThat(Api.read(list, "$.items[0].repeats")).isEqualTo(3);
		assertThat(Api.read(list, "$.items[0].readAt")).isNotNull();
		assertThat(unread(who)).isEqualTo(before);
	}

	@Test
	void markingAllOfAKindReadLeavesTheOtherKindsUnreadAndTheNewestNoticeOfACaseStandsForIt() throws Exception {
		Member who = this.world.dispatcherA();
		long one = newCase();
		long two = newCase();
		long three = newCase();
		publish(new CaseNotices(List.of(notice(one, NoticeTopic.DEADLINE, who), notice(two, NoticeTopic.DEADLINE, who),
				notice(three, NoticeTopic.SUPERVISION_ORDER, who))));
		long before = unread(who);

		MvcResult marked = new Api(this.mvc).post(who, "/api/v1/notifications/read-all?topic=DEADLINE", "");
		assertThat(marked.getResponse().getStatus()).isEqualTo(200);
		assertThat(((Number) Api.read(marked, "$.marked")).intValue()).isGreaterThanOrEqualTo(2);
		assertThat(unread(who)).isEqualTo(before - ((Number) Api.read(marked, "$.marked")).intValue());
		assertThat(this.jdbc.sql("""
				select count(*) from notification where person_id = :person and read_at is null
				and topic = 'SUPERVISION_ORDER' and case_id = :case""")
			.param("person", who.actor().personId())
			.param("case", three)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql(
				"select count(*) from notification where person_id = :person and read_at is null and topic = 'DEADLINE'")
			.param("person", who.actor().personId())
			.query(Long.class)
			.single()).isZero();

		long unread = unread(who);
		publish(notice(three, NoticeTopic.URGING, who));
		assertThat(unread(who)).isEqualTo(unread);
		assertThat(this.jdbc.sql("""
				select topic from notification where person_id = :person and case_id = :case and read_at is null""")
			.param("person", who.actor().personId())
			.param("case", three)
			.query(String.class)
			.list()).containsExactly("URGING");
	}

	@Test
	void aPersonOnTheDailyDigestGetsOneEmailForManyUrgingsAndOrdersAtOnce() throws Exception {
		GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		greenMail.start();
		int configured = this.mailSender.getPort();
		try {
			this.mailSender.setPort(greenMail.getSmtp().getPort());
			Member who = this.world.otherHandlerA();
			String address = "digest." + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
			this.jdbc.sql("update person set email = :email where id = :id")
				.param("email", address)
				.param("id", who.actor().personId())
				.update();
			MvcResult delivery = new Api(this.mvc).get(who, "/api/v1/notifications/delivery");
			assertThat(Api.read(delivery, "$.delivery")).isEqualTo("DAILY_DIGEST");
			List<CaseNotice> overdue = new ArrayList<>();
			List<Long> cases = List.of(newCase(), newCase(), newCase());
			for (int day = 0; day < 4; day++) {
				for (long kase : cases) {
					overdue.add(notice(kase, NoticeTopic.OVERDUE_NOTICE, who));
				}
			}
			overdue.forEach(this::publish);
			CaseNotice order = notice(cases.get(0), NoticeTopic.SUPERVISION_ORDER, who);
			publish(order);

			this.worker.deliver();
			assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
			this.digest.queue();
			this.worker.deliver();
			assertThat(this.digest.queue()).isZero();
			this.worker.deliver();

			greenMail.waitForIncomingEmail(5000, 2);
			List<MimeMessage> mine = new ArrayList<>();
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				if (address.equals(message.getAllRecipients()[0].toString())) {
					mine.add(message);
				}
			}
			assertThat(mine).hasSize(2);
			assertThat(mine.get(0).getSubject()).isEqualTo(words(order.subject()));
			String digestBody = (String) mine.get(1).getContent();
			assertThat(mine.get(1).getSubject()).contains("3");
			for (CaseNotice last : overdue.subList(overdue.size() - 3, overdue.size())) {
				assertThat(digestBody).contains(words(last.subject()) + "（4 条提醒）", "/cases/" + last.caseId());
				assertThat(this.jdbc.sql("select status from notification_outbox where notice_key = :key")
					.param("key", last.key())
					.query(String.class)
					.single()).isEqualTo("DIGESTED");
			}
		}
		finally {
			this.mailSender.setPort(configured);
			greenMail.stop();
		}
	}

	@Test
	void aPersonWhoChoosesImmediateGetsEachRepeatingNoticeByEmailAtOnce() throws Exception {
		GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		greenMail.start();
		int configured = this.mailSender.getPort();
		Api api = new Api(this.mvc);
		Member who = this.world.handlerA();
		String email = this.jdbc.sql("select email from person where id = :id")
			.param("id", who.actor().personId())
			.query(String.class)
			.optional()
			.orElse(null);
		try {
			this.mailSender.setPort(greenMail.getSmtp().getPort());
			String address = "at.once." + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
			this.jdbc.sql("update person set email = :email where id = :id")
				.param("email", address)
				.param("id", who.actor().personId())
				.update();
			assertThat(api.put(who, "/api/v1/notifications/delivery", "{\"delivery\": \"HOURLY\"}")
				.getResponse()
				.getStatus()).isEqualTo(400);
			MvcResult chosen = api.put(who, "/api/v1/notifications/delivery", "{\"delivery\": \"IMMEDIATE\"}");
			assertThat(Api.read(chosen, "$.delivery")).isEqualTo("IMMEDIATE");
			assertThat(Api.read(api.get(who, "/api/v1/notifications/delivery"), "$.delivery")).isEqualTo("IMMEDIATE");
			List<CaseNotice> overdue = List.of(notice(newCase(), NoticeTopic.OVERDUE_NOTICE, who),
					notice(newCase(), NoticeTopic.OVERDUE_NOTICE, who));
			overdue.forEach(this::publish);

			this.worker.deliver();
			assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
			List<String> subjects = new ArrayList<>();
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				if (address.equals(message.getAllRecipients()[0].toString())) {
					subjects.add(message.getSubject());
				}
			}
			assertThat(subjects).containsExactlyInAnyOrder(words(overdue.get(0).subject()),
					words(overdue.get(1).subject()));
			for (CaseNotice notice : overdue) {
				assertThat(this.jdbc.sql("select status from notification_outbox where notice_key = :key")
					.param("key", notice.key())
					.query(String.class)
					.single()).isEqualTo("SENT");
			}
		}
		finally {
			api.put(who, "/api/v1/notifications/delivery", "{\"delivery\": \"DAILY_DIGEST\"}");
			this.jdbc.sql("update person set email = :email where id = :id")
				.param("email", email)
				.param("id", who.actor().personId())
				.update();
			this.mailSender.setPort(configured);
			greenMail.stop();
		}
	}

	private long newCase() {
		return ThreadLocalRandom.current().nextLong(1L << 40);
	}

	private CaseNotice notice(long kase, NoticeTopic topic, Member... people) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return new CaseNotice("test:" + kase + ":" + tag, kase, topic, CaseNotice.words("【测试】" + topic + " " + tag),
				CaseNotice.words("正文 " + tag), "/cases/" + kase,
				List.of(people).stream().map(member -> member.actor().personId()).toList());
	}

	private void publish(Object notices) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(notices));
	}

	private long unread(Member who) throws Exception {
		return ((Number) Api.read(new Api(this.mvc).get(who, "/api/v1/notifications/unread-count"), "$.unread"))
			.longValue();
	}

	private long threads(Member who, long kase) {
		return this.jdbc.sql("select count(*) from notification where person_id = :person and case_id = :case")
			.param("person", who.actor().personId())
			.param("case", kase)
			.query(Long.class)
			.single();
	}

	/** The words of a test notice's text (a person's own words, as the tests write). */
	private static String words(org.qiqing.platform.Text text) {
		return (String) text.args()[0];
	}

}
