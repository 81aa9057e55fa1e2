package org.qiqing.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The settings, and the schedules: every node reads the unread counts of its listening
 * browsers ({@link InboxStream}); the delivery worker runs every
 * {@code qiqing.notifications.interval} unless switched off (tests run it themselves).
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

}
