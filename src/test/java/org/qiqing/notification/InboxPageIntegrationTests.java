package org.qiqing.notification;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.qiqing.AdminFixtures;
import org.qiqing.Api;
import org.qiqing.IntegrationTest;
import org.qiqing.TestWorld.Member;
import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.NoticeTopic;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.organisation.Units;
import org.qiqing.organisation.internal.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The inbox page marks all of one kind read ("本类全部标为已读"), and leaves the other kinds
 * unread, as {@code POST /api/v1/notifications/read-all?topic=} does.
 */
@IntegrationTest
class InboxPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Api api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Inbox inbox;

	@Autowired
	Regions regions;

	@Autowired
	Units units;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Test
	void theInboxPageMarksAllOfOneKindReadAndNoOther() throws Exception {
		Member who = new AdminFixtures(this.regions, this.units, this.people, this.tokens)
			.official(AdminFixtures.JIASHAN, Role.HANDLER);
		long person = who.actor().personId();
		publish(notice(NoticeTopic.DEADLINE, person));
		publish(notice(NoticeTopic.DEADLINE, person));
		publish(notice(NoticeTopic.SUPERVISION_ORDER, person));
		assertThat(this.inbox.unreadCount(person)).isEqualTo(3);
		MockHttpSession session = this.api.login(who);
		String page = this.api.pageText(session, "/inbox");
		assertThat(page).contains("formaction=\"/inbox/read-all?topic=DEADLINE\"", "本类全部标为已读");

		this.mvc.perform(post("/inbox/read-all").param("topic", "DEADLINE").session(session).with(csrf()));

		assertThat(this.inbox.unreadCount(person)).isEqualTo(1);
		assertThat(this.inbox.page(person, true, 0, 10, java.util.Locale.SIMPLIFIED_CHINESE).items())
			.extracting(Inbox.Notification::topic)
			.containsExactly(NoticeTopic.SUPERVISION_ORDER);
	}

	private CaseNotice notice(NoticeTopic topic, long person) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long kase = ThreadLocalRandom.current().nextLong(1L << 40);
		return new CaseNotice("test:" + tag, kase, topic, CaseNotice.words("【测试】" + tag), CaseNotice.words(tag),
				"/cases/" + kase, List.of(person));
	}

	private void publish(Object notice) {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.events.publishEvent(notice));
	}

}
