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
