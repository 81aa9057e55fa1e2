package org.qiqing.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.CaseNotice;
import org.qiqing.casework.CaseNotices;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.CaseTransitioned;
import org.qiqing.casework.NoticeTopic;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes notices in the transaction of the step or timer that published them: if that
 * rolls back, nothing is in the inbox and nothing will be sent. Each person gets a notice
 * in his inbox (one entry per case and topic) and, if he chose so and has an address, by
 * e-mail, at once or, for the repeating topics, in the day's digest; each robot of their
 * units that is told the topic gets it once. Every row is unique per notice and
 * recipient, so publishing a notice again adds nothing. Many notices at once (a batch of
 * timers' urgings) take a few statements in all: the people's choices and robots are read
 * once per topic, the rows written in batches.
 */
@Component
class NoticeListener {

	private final Inbox inbox;

	private final Outbox outbox;

	private final NotificationPreferences preferences;

	private final Robots robots;

	private final MailChannel mail;

	private final Clock clock;

	NoticeListener(Inbox inbox, Outbox outbox, NotificationPreferences preferences, Robots robots, MailChannel mail,
			Clock clock) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.preferences = preferences;
		this.robots = robots;
		this.mail = mail;
		this.clock = clock;
	}

	@EventListener
	void on(CaseNotice notice) {
		deliver(List.of(notice));
	}

	@EventListener
	void on(CaseNotices notices) {
		deliver(notices.notices());
	}

	/**
	 * A case that moved on settles the notices that asked for it: once it is closed,
	 * declined or withdrawn nobody needs any of them; once it left SUBMITTED, the passed
	 * limit for accepting it ({@link NoticeTopic#DEADLINE}) is no longer anyone's to act
	 * on. Their unread entries are marked read, so nobody's inbox holds more unread
	 * entries than cases that need him.
	 */
	@EventListener
	void on(CaseTransitioned moved) {
		if (!moved.to().isOpen()) {
			this.inbox.settle(moved.caseId(), null, this.clock.instant());
		}
		else if (moved.from() == CaseState.SUBMITTED) {
			this.inbox.settle(moved.caseId(), Set.of(NoticeTopic.DEADLINE), this.clock.instant());
		}
	}

	private void deliver(List<CaseNotice> notices) {
		Map<NoticeTopic, List<CaseNotice>> byTopic = new EnumMap<>(NoticeTopic.class);
		notices.stream()
			.filter(notice -> !notice.personIds().isEmpty())
			.forEach(notice -> byTopic.computeIfAbsent(notice.topic(), topic -> new ArrayList<>()).add(notice));
		if (byTopic.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		this.inbox.add(byTopic.values().stream().flatMap(List::stream).toList(), now);
		List<Outbox.Addressee> addressees = new ArrayList<>();
		byTopic.forEach((topic, told) -> {
			Set<Long> people = new LinkedHashSet<>();
			told.forEach(notice -> people.addAll(notice.personIds()));
			Map<Long, String> addresses = this.mail.isOn() ? this.preferences.emailAddresses(people, topic) : Map.of();
			Set<Long> digesting = addresses.isEmpty() ? Set.of()
					: this.preferences.digesting(addresses.keySet(), topic);
			Map<Long, List<Long>> robots = this.robots.listening(people, topic);
			Set<Long> robotsDigesting = this.robots.digesting(
					robots.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet()), topic);
			for (CaseNotice notice : told) {
				notice.personIds()
					.stream()
					.filter(addresses::containsKey)
					.forEach(person -> addressees.add(
							Outbox.Addressee.email(notice, person, addresses.get(person), digesting.contains(person))));
				notice.personIds()
					.stream()
					.flatMap(person -> robots.getOrDefault(person, List.of()).stream())
					.distinct()
					.sorted()
					.forEach(robot -> addressees
						.add(Outbox.Addressee.robot(notice, robot, robotsDigesting.contains(robot))));
			}
		});
		this.outbox.add(addressees, now);
	}

}
