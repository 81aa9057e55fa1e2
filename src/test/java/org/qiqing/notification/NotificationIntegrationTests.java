package org.qiqing.notification;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld;
import org.qiqing.TestWorld.Member;
import org.qiqing.TestWorld.World;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.CaseNotices;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;
import org.qiqing.platform.PlatformClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the case engine asks to tell reaches each person's inbox once, live; by e-mail
 * through real SMTP once, whatever number of workers deliver at once; and to the units'
 * group robots, signed, retried with a doubling wait, given up and replayed.
 */
@IntegrationTest
class NotificationIntegrationTests {

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
	PlatformClock clock;

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void anUrgingStepPutsANoticeInTheInboxOfEachOfTheUnitsPeopleOnly() throws Exception {
		Api api = new Api(this.mvc);
		long id = api.fileCase(this.world.enterpriseA(), this.world.firmA().getId(), this.world.category().id());
		int v = Api.version(api.step(this.world.dispatcherA(), id, 0, "accept", "{}"));
		v = Api.version(api.step(this.world.dispatcherA(), id, v, "assign",
				"{\"leadUnitId\": %d}".formatted(this.world.deptA().getId())));
		// The urging will stand for the case, its assignment read; start with none
		// unread.
		api.post(this.world.handlerA(), "/api/v1/notifications/read-all", "");
		String note = "请加快办理 " + UUID.randomUUID();
		MvcResult urged = api.step(this.world.supervisorA(), id, v, "urge", "{\"note\": \"%s\"}".formatted(note));
		assertThat(urged.getResponse().getStatus()).isEqualTo(200);

		MvcResult list = api.get(this.world.handlerA(), "/api/v1/notifications?unread=true&size=5");
		// Counted for this case: the suite's other cases of the unit may fall due
		// meanwhile.
		assertThat(unreadOf(this.world.handlerA(), id)).as(body(list)).isEqualTo(1);
		String entry = "$.items[?(@.link == '/cases/" + id + "')]";
		assertThat(Api.read(list, entry + ".body")).isEqualTo(List.of(note));
		assertThat(Api.read(list, entry + ".topic")).isEqualTo(List.of("URGING"));
		assertThat(body(api.get(this.world.otherHandlerA(), "/api/v1/notifications?size=100"))).doesNotContain(note);
		// Once for him, however many people the suite's other tests put in his unit.
		assertThat(count("select count(*) from notification where notice_key like :key and person_id = "
				+ this.world.handlerA().actor().personId(), "case:" + id + ":urge:%"))
			.isEqualTo(1);

		long notification = ((Number) ((List<?>) Api.read(list, entry + ".id")).get(0)).longValue();
		assertThat(api.post(this.world.otherHandlerA(), "/api/v1/notifications/" + notification + "/read", "")
			.getResponse()
			.getStatus()).isEqualTo(404);
		MvcResult read = api.post(this.world.handlerA(), "/api/v1/notifications/" + notification + "/read", "");
		assertThat(read.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(read, "$.readAt")).isNotNull();
		assertThat(unreadOf(this.world.handlerA(), id)).isZero();
	}

	@Test
	void aNoticePublishedAgainAddsNoNotificationAndNoEmail() {
		withEmail(this.world.handlerB(), "handler.b@example.cn");
		CaseNotice notice = notice(NoticeTopic.SUPERVISION_ORDER, this.world.handlerB());
		publish(notice);
		publish(notice);
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.events.publishEvent(notice);
			this.events.publishEvent(notice);
		});
		assertThat(count("select count(*) from notification where notice_key = :key", notice.key())).isEqualTo(1);
		assertThat(count("select count(*) from notification_outbox where notice_key = :key and channel = 'EMAIL'",
				notice.key()))
			.isEqualTo(1);
	}

	@Test
	void aBatchOfNoticesReachesEachPersonAndRobotOnceAsSingleNoticesWould() throws Exception {
		Api api = new Api(this.mvc);
		withEmail(this.world.handlerB(), "handler.b@example.cn");
		withEmail(this.world.leaderA(), "leader.a@example.cn");
		MvcResult created = api.post(this.world.admin(), "/api/v1/notification-robots", """
				{"unitId": %d, "name": "海宁经信局企业微信群", "kind": "WECOM",
				 "webhookUrl": "http://127.0.0.1:9/cgi-bin/webhook/send?key=k", "topics": ["URGING"]}"""
			.formatted(this.world.deptB().getId()));
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long robot = ((Number) Api.read(created, "$.id")).longValue();
		try {
			CaseNotice urging = notice(NoticeTopic.URGING, this.world.handlerB());
			CaseNotice urgingBoth = notice(NoticeTopic.URGING, this.world.handlerA(), this.world.handlerB(),
					this.world.handlerB());
			CaseNotice overdue = notice(NoticeTopic.OVERDUE_NOTICE, this.world.handlerB(), this.world.leaderA(),
					this.world.handlerA());
			CaseNotice nobody = notice(NoticeTopic.CRITICISM);
			CaseNotices batch = new CaseNotices(List.of(urging, urgingBoth, overdue, urging, nobody));
			publish(batch);
			publish(batch);

			assertThat(count("select count(*) from notification where notice_key = :key", urging.key())).isEqualTo(1);
			assertThat(count("select count(*) from notification where notice_key = :key", urgingBoth.key()))
				.isEqualTo(2);
			assertThat(count("select count(*) from notification where notice_key = :key", overdue.key())).isEqualTo(3);
			assertThat(count("select count(*) from notification where notice_key = :key", nobody.key())).isZero();
			// E-mail by default for overdue notices, to those with an address; none for
			// urgings.
			assertThat(count("""
					select count(*) from notification_outbox where notice_key = :key and channel = 'EMAIL'
					and person_id in (%d, %d)""".formatted(this.world.handlerB().actor().personId(),
					this.world.leaderA().actor().personId()), overdue.key()))
				.isEqualTo(2);
			assertThat(count("select count(*) from notification_outbox where notice_key = :key and channel = 'EMAIL'",
					urgingBoth.key()))
				.isZero();
			// The robot of handler B's unit is told urgings, once each.
			for (CaseNotice told : List.of(urging, urgingBoth)) {
				assertThat(count(
						"select count(*) from notification_outbox where notice_key = :key and robot_id = " + robot,
						told.key()))
					.isEqualTo(1);
			}
			assertThat(
					count("select count(*) from notification_outbox where notice_key = :key and robot_id is not null",
							overdue.key()))
				.isZero();
		}
		finally {
			removeRobot(robot);
		}
	}

	@Test
	void aRolledBackStepLeavesNothingToTellOrSend() {
		withEmail(this.world.handlerB(), "handler.b@example.cn");
		CaseNotice notice = notice(NoticeTopic.ESCALATION, this.world.handlerB());
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.events.publishEvent(notice);
			status.setRollbackOnly();
		});
		assertThat(count("select count(*) from notification where notice_key = :key", notice.key())).isZero();
		assertThat(count("select count(*) from notification_outbox where notice_key = :key", notice.key())).isZero();
	}

	@Test
	void anEmailReachesTheMailServerOnceThoughTwoNodesDeliverAtOnceAndAgain() throws Exception {
		GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		greenMail.start();
		int configured = this.mailSender.getPort();
		try {
			this.mailSender.setPort(greenMail.getSmtp().getPort());
			withEmail(this.world.leaderA(), "leader.a@example.cn");
			CaseNotice notice = notice(NoticeTopic.SUPERVISION_ORDER, this.world.leaderA());
			publish(notice);

			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<DeliveryWorker.Result> first = CompletableFuture.supplyAsync(() -> deliverWith(together));
			CompletableFuture<DeliveryWorker.Result> second = CompletableFuture
				.supplyAsync(() -> deliverWith(together));
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
			this.worker.deliver();

			assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
			List<MimeMessage> mine = new ArrayList<>();
			for (MimeMessage message : greenMail.getReceivedMessages()) {
				if (words(notice.subject()).equals(message.getSubject())) {
					mine.add(message);
				}
			}
			assertThat(mine).hasSize(1);
			assertThat(mine.get(0).getAllRecipients()[0].toString()).isEqualTo("leader.a@example.cn");
			assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mine.get(0))).isNotBlank();
			assertThat(text("select status from notification_outbox where notice_key = :key", notice.key()))
				.isEqualTo("SENT");
		}
		finally {
			this.mailSender.setPort(configured);
			greenMail.stop();
		}
	}

	@Test
	void aPersonWhoSwitchesEmailOffGetsTheInboxOnly() throws Exception {
		Member who = this.world.dispatcherB();
		withEmail(who, "dispatcher.b@example.cn");
		MvcResult defaults = new Api(this.mvc).get(who, "/api/v1/notifications/preferences");
		assertThat(body(defaults)).contains("\"topic\":\"SUPERVISION_ORDER\"", "督办单");
		assertThat(Api.read(defaults, "$[?(@.topic == 'SUPERVISION_ORDER')].email").toString()).isEqualTo("[true]");
		assertThat(Api.read(defaults, "$[?(@.topic == 'URGING')].email").toString()).isEqualTo("[false]");

		MvcResult refused = put(who, "[{\"topic\": \"URGING\", \"inbox\": false}]");
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		MvcResult changed = put(who, "[{\"topic\": \"SUPERVISION_ORDER\", \"email\": false}]");
		assertThat(changed.getResponse().getStatus()).isEqualTo(200);
		assertThat(Api.read(changed, "$[?(@.topic == 'SUPERVISION_ORDER')].email").toString()).isEqualTo("[false]");
		assertThat(Api.read(changed, "$[?(@.topic == 'OVERDUE_NOTICE')].email").toString()).isEqualTo("[true]");

		CaseNotice order = notice(NoticeTopic.SUPERVISION_ORDER, who);
		CaseNotice overdue = notice(NoticeTopic.OVERDUE_NOTICE, who);
		publish(order);
		publish(overdue);
		assertThat(count("select count(*) from notification where notice_key = :key", order.key())).isEqualTo(1);
		assertThat(count("select count(*) from notification_outbox where notice_key = :key", order.key())).isZero();
		assertThat(count("select count(*) from notification_outbox where notice_key = :key", overdue.key()))
			.isEqualTo(1);
		put(who, "[{\"topic\": \"SUPERVISION_ORDER\", \"email\": true}]");
	}

	@Test
	void aDingTalkRobotOfTheUnitGetsItsTopicsSignedAsDingTalkChecks() throws Exception {
		Api api = new Api(this.mvc);
		try (WebhookServer dingTalk = new WebhookServer("SEC0123456789abcdef", 0)) {
			MvcResult created = api.post(this.world.admin(), "/api/v1/notification-robots", """
					{"unitId": %d, "name": "海宁经信局钉钉群", "kind": "DINGTALK", "webhookUrl": "%s",
					 "secret": "SEC0123456789abcdef", "topics": ["URGING"], "delivery": "IMMEDIATE"}"""
				.formatted(this.world.deptB().getId(), dingTalk.url("/robot/send?access_token=t0ken")));
			assertThat(created.getResponse().getStatus()).isEqualTo(201);
			assertThat(body(created)).doesNotContain("SEC0123456789abcdef", "t0ken").contains("\"signed\":true");
			long robot = ((Number) Api.read(created, "$.id")).longValue();
			// Another county's administrator neither sees nor adds a robot there.
			assertThat(api.get(this.world.admin(), "/api/v1/notification-robots/" + robot).getResponse().getStatus())
				.isEqualTo(200);
			try {
				CaseNotice urging = notice(NoticeTopic.URGING, this.world.handlerB());
				CaseNotice rating = notice(NoticeTopic.RATING_INVITE, this.world.handlerB());
				publish(urging);
				publish(rating);
				assertThat(count(
						"select count(*) from notification_outbox where notice_key = :key and robot_id is not null",
						rating.key()))
					.isZero();

				this.worker.deliver();
				this.worker.deliver();
				List<WebhookServer.Call> calls = dingTalk.calls.stream()
					.filter(call -> call.body().contains(words(urging.subject())))
					.toList();
				assertThat(calls).hasSize(1);
				assertThat(calls.get(0).accepted()).as("signature accepted").isTrue();
				assertThat(calls.get(0).path()).isEqualTo("/robot/send");
				assertThat(calls.get(0).query()).containsEntry("access_token", "t0ken")
					.containsKeys("timestamp", "sign");
				String json = calls.get(0).body();
				assertThat(com.jayway.jsonpath.JsonPath.<String>read(json, "$.msgtype")).isEqualTo("markdown");
				assertThat(com.jayway.jsonpath.JsonPath.<String>read(json, "$.markdown.title"))
					.isEqualTo(words(urging.subject()));
				assertThat(com.jayway.jsonpath.JsonPath.<String>read(json, "$.markdown.text"))
					.contains(words(urging.body()));
			}
			finally {
				removeRobot(robot);
			}
		}
	}

	@Test
	void aFailingWebhookIsTriedAgainAfterDoublingWaitsThenGivenUpAndReplayed() throws Exception {
		Api api = new Api(this.mvc);
		try (WebhookServer weCom = new WebhookServer(null, 1000)) {
			MvcResult created = api.post(this.world.admin(), "/api/v1/notification-robots", """
					{"unitId": %d, "name": "自规局企业微信群", "kind": "WECOM", "webhookUrl": "%s", "topics": ["ESCALATION"]}"""
				.formatted(this.world.otherDeptA().getId(), weCom.url("/cgi-bin/webhook/send?key=k3y")));
			assertThat(created.getResponse().getStatus()).isEqualTo(201);
			long robot = ((Number) Api.read(created, "$.id")).longValue();
			try {
				CaseNotice notice = notice(NoticeTopic.ESCALATION, this.world.otherHandlerA());
				Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
				this.clock.set(start);
				publish(notice);
				long row = count("select id from notification_outbox where notice_key = :key and robot_id is not null",
						notice.key());

				List<Long> waits = new ArrayList<>();
				Instant at = start;
				for (int attempt = 1; attempt <= 8; attempt++) {
					this.clock.set(at);
					this.worker.deliver();
					assertThat(callsFor(weCom, notice)).isEqualTo(attempt);
					if (attempt < 8) {
						Instant next = instant("select next_attempt_at from notification_outbox where id = :key", row);
						waits.add(Duration.between(at, next).toMinutes());
						// Not a moment before its time.
						this.clock.set(next.minusSeconds(1));
						this.worker.deliver();
						assertThat(callsFor(weCom, notice)).isEqualTo(attempt);
						at = next;
					}
				}
				assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L);
				assertThat(text("select status from notification_outbox where id = :key", row)).isEqualTo("DEAD");
				assertThat(text("select last_error from notification_outbox where id = :key", row)).contains("93000");

				MvcResult dead = api.get(this.world.admin(), "/api/v1/notification-dead-letters");
				assertThat(body(dead)).contains(words(notice.subject()), "自规局企业微信群");
				assertThat(body(api.get(this.world.dispatcherA(), "/api/v1/notification-dead-letters")))
					.doesNotContain(words(notice.subject()));
				assertThat(
						api.post(this.world.dispatcherA(), "/api/v1/notification-dead-letters/" + row + "/replay", "")
							.getResponse()
							.getStatus())
					.isEqualTo(403);
				this.worker.deliver();
				assertThat(callsFor(weCom, notice)).isEqualTo(8);

				// An administrator of the other county replays none of this county's
				// letters.
				Member haining = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
					.adminOf(AdminFixtures.HAINING);
				assertThat(
						api.post(haining, "/api/v1/notification-dead-letters/replay-all", "").getResponse().getStatus())
					.isEqualTo(200);
				assertThat(api.post(haining, "/api/v1/notification-dead-letters/" + row + "/replay", "")
					.getResponse()
					.getStatus()).isEqualTo(404);
				assertThat(text("select status from notification_outbox where id = :key", row)).isEqualTo("DEAD");

				weCom.failNext(0);
				assertThat(api.post(this.world.admin(), "/api/v1/notification-dead-letters/" + row + "/replay", "")
					.getResponse()
					.getStatus()).isEqualTo(202);
				this.worker.deliver();
				assertThat(text("select status from notification_outbox where id = :key", row)).isEqualTo("SENT");
				List<WebhookServer.Call> accepted = weCom.accepted()
					.stream()
					.filter(call -> call.body().contains(words(notice.subject())))
					.toList();
				assertThat(accepted).hasSize(1);
				assertThat(accepted.get(0).query()).containsEntry("key", "k3y");
				assertThat(com.jayway.jsonpath.JsonPath.<String>read(accepted.get(0).body(), "$.markdown.content"))
					.contains(words(notice.subject()), words(notice.body()));
			}
			finally {
				removeRobot(robot);
			}
		}
	}

	@Test
	void theLiveStreamSendsTheUnreadCountAndEachChange() throws Exception {
		Member who = this.world.visitorA();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		logIn(browser, who);
		BlockingQueue<String> data = new LinkedBlockingQueue<>();
		HttpResponse<Stream<String>> response = browser
			.send(HttpRequest.newBuilder(URI.create(base() + "/inbox/stream"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		Thread reader = new Thread(() -> response.body()
			.filter(line -> line.startsWith("data:"))
			.forEach(line -> data.add(line.substring(5).trim())));
		reader.setDaemon(true);
		reader.start();
		try {
			long now = Long.parseLong(data.poll(10, TimeUnit.SECONDS));
			assertThat(now).isEqualTo(unread(who));
			publish(notice(NoticeTopic.URGING, who));
			assertThat(data.poll(10, TimeUnit.SECONDS)).isEqualTo(Long.toString(now + 1));
			new Api(this.mvc).post(who, "/api/v1/notifications/read-all", "");
			assertThat(data.poll(10, TimeUnit.SECONDS)).isEqualTo("0");
		}
		finally {
			response.body().close();
		}
	}

	private void logIn(HttpClient browser, Member who) throws Exception {
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		String fields = "username=" + who.username() + "&password=" + TestWorld.PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
			.POST(HttpRequest.BodyPublishers.ofString(fields))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private DeliveryWorker.Result deliverWith(CyclicBarrier together) {
		try {
			together.await();
			return this.worker.deliver();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long callsFor(WebhookServer server, CaseNotice notice) {
		return server.calls.stream().filter(call -> call.body().contains(words(notice.subject()))).count();
	}

	private void removeRobot(long robot) throws Exception {
		assertThat(this.mvc
			.perform(MockMvcRequestBuilders.delete("/api/v1/notification-robots/" + robot)
				.header(HttpHeaders.AUTHORIZATION, this.world.admin().bearer()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
	}

	private MvcResult put(Member who, String json) throws Exception {
		return this.mvc
			.perform(MockMvcRequestBuilders.put("/api/v1/notifications/preferences")
				.header(HttpHeaders.AUTHORIZATION, who.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	private long unread(Member who) throws Exception {
		return ((Number) Api.read(new Api(this.mvc).get(who, "/api/v1/notifications/unread-count"), "$.unread"))
			.longValue();
	}

	private CaseNotice notice(NoticeTopic topic, Member... people) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return new CaseNotice("test:" + tag, java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40), topic,
				CaseNotice.words("【测试】" + topic + " " + tag), CaseNotice.words("正文 " + tag), "/cases/1",
				Arrays.stream(people).map(member -> member.actor().personId()).toList());
	}

	private void publish(Object notices) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(notices));
	}

	private void withEmail(Member who, String address) {
		this.jdbc.sql("update person set email = :email where id = :id")
			.param("email", address)
			.param("id", who.actor().personId())
			.update();
	}

	/** The unread inbox entries of one person about one case. */
	private long unreadOf(Member who, long caseId) {
		return this.jdbc
			.sql("select count(*) from notification where case_id = :case and person_id = :person and read_at is null")
			.param("case", caseId)
			.param("person", who.actor().personId())
			.query(Long.class)
			.single();
	}

	private long count(String sql, Object key) {
		return this.jdbc.sql(sql).param("key", key).query(Long.class).single();
	}

	private String text(String sql, Object key) {
		return this.jdbc.sql(sql).param("key", key).query(String.class).single();
	}

	private Instant instant(String sql, Object key) {
		return this.jdbc.sql(sql).param("key", key).query(Timestamp.class).single().toInstant();
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The words of a test notice's text (a person's own words, as the tests write). */
	private static String words(org.qiqing.platform.Text text) {
		return (String) text.args()[0];
	}

}
