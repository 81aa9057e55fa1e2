package org.qiqing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.CaseNotices;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.platform.Text;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit's group robot is told the repeating notices (urgings, overdue notices) in one
 * message a day that lists the cases, unless its administrator chose one message each;
 * supervision orders and the other topics go at once either way. Against a webhook that
 * answers as WeCom does ({@link WebhookServer}).
 */
@IntegrationTest
class RobotDigestIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	World world;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	RobotDigest digest;

	@Test
	void aRobotIsToldTheDaysUrgingsInOneMessageListingEachCaseByDefault() throws Exception {
		try (WebhookServer weCom = new WebhookServer(null, 0)) {
			MvcResult created = robot(weCom, "");
			assertThat(body(created)).contains("\"delivery\":\"DAILY_DIGEST\"");
			long robot = ((Number) Api.read(created, "$.id")).longValue();
			try {
				CaseNotice first = notice(NoticeTopic.URGING, "/cases/9101");
				CaseNotice again = notice(NoticeTopic.URGING, "/cases/9101");
				CaseNotice other = notice(NoticeTopic.OVERDUE_NOTICE, "/cases/9102");
				CaseNotice order = notice(NoticeTopic.SUPERVISION_ORDER, "/cases/9102");
				publish(new CaseNotices(List.of(first, again, other, order)));

				this.worker.deliver();
				// The order goes at once; the urgings wait for the morning.
				assertThat(weCom.accepted()).hasSize(1);
				assertThat(weCom.accepted().get(0).body()).contains(words(order.subject()))
					.doesNotContain(words(first.subject()), words(other.subject()));

				assertThat(this.digest.queue()).isGreaterThanOrEqualTo(1);
				this.worker.deliver();
				assertThat(weCom.accepted()).hasSize(2);
				String digest = weCom.accepted().get(1).body();
				assertThat(digest).contains("每日待办汇总：2 件案件有催办")
					.contains(words(again.subject()) + "（2 条提醒）")
					.contains(words(other.subject()) + "（1 条提醒）")
					.contains("/cases/9101", "/cases/9102")
					.doesNotContain(words(first.subject()) + "（", words(order.subject()));

				// Nothing is held twice: the next morning has nothing new for this group.
				this.digest.queue();
				this.worker.deliver();
				assertThat(weCom.accepted()).hasSize(2);
			}
			finally {
				removeRobot(robot);
			}
		}
	}

	@Test
	void aRobotSetToTellAtOnceGetsEachUrgingAndAChangeKeepsWhatItDoesNotName() throws Exception {
		try (WebhookServer weCom = new WebhookServer(null, 0)) {
			MvcResult created = robot(weCom, ", \"delivery\": \"IMMEDIATE\"");
			assertThat(body(created)).contains("\"delivery\":\"IMMEDIATE\"");
			long robot = ((Number) Api.read(created, "$.id")).longValue();
			try {
				CaseNotice first = notice(NoticeTopic.URGING, "/cases/9201");
				CaseNotice second = notice(NoticeTopic.URGING, "/cases/9202");
				publish(new CaseNotices(List.of(first, second)));
				this.worker.deliver();
				assertThat(weCom.accepted()).hasSize(2);
				this.digest.queue();
				this.worker.deliver();
				assertThat(weCom.accepted()).hasSize(2);

				MvcResult renamed = change(robot, 0,
						"{\"name\": \"改名的群\", \"kind\": \"WECOM\", \"topics\": [\"URGING\"]}");
				assertThat(body(renamed)).contains("\"delivery\":\"IMMEDIATE\"");
				MvcResult digesting = change(robot, 1,
						"{\"name\": \"改名的群\", \"kind\": \"WECOM\", \"topics\": [\"URGING\"], \"delivery\": \"DAILY_DIGEST\"}");
				assertThat(body(digesting)).contains("\"delivery\":\"DAILY_DIGEST\"");
				publish(notice(NoticeTopic.URGING, "/cases/9203"));
				this.worker.deliver();
				assertThat(weCom.accepted()).hasSize(2);
			}
			finally {
				removeRobot(robot);
			}
		}
	}

	@Test
	void aRobotWritesInItsLanguageItsLinkToo() throws Exception {
		try (WebhookServer english = new WebhookServer(null, 0); WebhookServer chinese = new WebhookServer(null, 0)) {
			MvcResult made = robot(english, ", \"delivery\": \"IMMEDIATE\", \"language\": \"en\"");
			assertThat(body(made)).contains("\"language\":\"en\"");
			long inEnglish = ((Number) Api.read(made, "$.id")).longValue();
			MvcResult madeChinese = robot(chinese, ", \"delivery\": \"IMMEDIATE\"");
			assertThat(body(madeChinese)).contains("\"language\":\"zh\"");
			long inChinese = ((Number) Api.read(madeChinese, "$.id")).longValue();
			try {
				String tag = UUID.randomUUID().toString().substring(0, 8);
				publish(new CaseNotice("test:" + tag, 9301L, NoticeTopic.URGING,
						Text.of("notice.subject", Text.of("notice.what.overdue"), "QQ-" + tag, "标题"),
						Text.of("notice.body.autoOrder"), "/cases/9301",
						List.of(this.world.handlerB().actor().personId())));
				this.worker.deliver();
				assertThat(english.accepted()).hasSize(1);
				assertThat(english.accepted().get(0).body())
					.contains("[Overdue] QQ-" + tag, "The time limit has passed", "[View](")
					.doesNotContain("查看", "已超过办理时限");
				assertThat(chinese.accepted()).hasSize(1);
				assertThat(chinese.accepted().get(0).body()).contains("已超过办理时限", "[查看](")
					.doesNotContain("View", "The time limit");

				// Its daily digest is in its language too.
				assertThat(body(change(inEnglish, 0,
						"""
								{"name": "English group", "kind": "WECOM", "topics": ["URGING"], "delivery": "DAILY_DIGEST"}""")))
					.contains("\"language\":\"en\"");
				publish(notice(NoticeTopic.URGING, "/cases/9302"));
				this.worker.deliver();
				this.digest.queue();
				this.worker.deliver();
				assertThat(english.accepted()).hasSize(2);
				assertThat(english.accepted().get(1).body()).contains("Daily digest").doesNotContain("每日待办汇总");

				MvcResult refused = this.mvc
					.perform(MockMvcRequestBuilders.put("/api/v1/notification-robots/" + inEnglish)
						.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer())
						.header(HttpHeaders.IF_MATCH, "\"1\"")
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\": \"x\", \"kind\": \"WECOM\", \"language\": \"fr\"}"))
					.andReturn();
				assertThat(refused.getResponse().getStatus()).isEqualTo(400);
				assertThat(body(refused)).contains("\"language\"");
			}
			finally {
				removeRobot(inEnglish);
				removeRobot(inChinese);
			}
		}
	}

	private MvcResult robot(WebhookServer server, String delivery) throws Exception {
		MvcResult created = new Api(this.mvc).post(this.world.admin(), "/api/v1/notification-robots", """
				{"unitId": %d, "name": "海宁经信局企业微信群", "kind": "WECOM", "webhookUrl": "%s",
				 "topics": ["URGING", "OVERDUE_NOTICE", "SUPERVISION_ORDER"]%s}""".formatted(this.world.deptB().getId(),
				server.url("/cgi-bin/webhook/send?key=k"), delivery));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		return created;
	}

	private MvcResult change(long robot, int version, String json) throws Exception {
		MvcResult changed = this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/notification-robots/" + robot)
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer())
				.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
		assertThat(changed.getResponse().getStatus()).isEqualTo(200);
		return changed;
	}

	private void removeRobot(long robot) throws Exception {
		this.mvc
			.perform(MockMvcRequestBuilders.delete("/api/v1/notification-robots/" + robot)
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer()))
			.andReturn();
	}

	/** A notice to handler B, of deptB, whose robot it is. */
	private CaseNotice notice(NoticeTopic topic, String link) {
		Member to = this.world.handlerB();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return new CaseNotice("test:" + tag, Long.parseLong(link.substring(link.lastIndexOf('/') + 1)), topic,
				CaseNotice.words("【测试】" + topic + " " + tag), CaseNotice.words("正文 " + tag), link,
				List.of(to.actor().personId()));
	}

	private void publish(Object notices) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(notices));
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The words of a test notice's text (a person's own words, as the tests write). */
	private static String words(org.qiqing.platform.Text text) {
		return (String) text.args()[0];
	}

}
