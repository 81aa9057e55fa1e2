package org.qiqing.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The settings, and the schedules: every node reads the unread counts of its listening
 * browsers ({@link InboxStream}); the delivery worker runs every
 * {@code qiqing.notifications.interval} and the daily digests at
 * {@code qiqing.notifications.digest-cron} unless switched off (tests run them
 * themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "qiqing.notifications.enabled", havingValue = "true", matchIfMissing = true)
	static class DeliverySchedule {

		private final DeliveryWorker worker;

		DeliverySchedule(DeliveryWorker worker) {
			this.worker = worker;
		}

		@Scheduled(fixedDelayString = "${qiqing.notifications.interval:2s}",
				initialDelayString = "${qiqing.notifications.initial-delay:10s}")
		void deliver() {
			this.worker.deliver();
		}

	}

	/**
	 * The daily digests, the people's e-mails and the group robots' messages, one after
	 * the other at {@code qiqing.notifications.digest-cron} (8:30 in China), unless
	 * switched off (tests queue them themselves).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "qiqing.notifications.enabled", havingValue = "true", matchIfMissing = true)
	static class DigestSchedule {

		private final DailyDigest people;

		private final RobotDigest robots;

		DigestSchedule(DailyDigest people, RobotDigest robots) {
			this.people = people;
			this.robots = robots;
		}

		@Scheduled(cron = "${qiqing.notifications.digest-cron:0 30 8 * * *}",
				zone = "${qiqing.notifications.digest-zone:Asia/Shanghai}")
		void digests() {
			try {
				this.people.queue();
			}
			finally {
				this.robots.queue();
			}
		}

	}

}
