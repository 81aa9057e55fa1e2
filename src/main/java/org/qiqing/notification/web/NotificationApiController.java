package org.qiqing.notification.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.NoticeTopic;
import org.qiqing.notification.Inbox;
import org.qiqing.notification.NotificationPreferences;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own notifications and choices, as API. Nobody reads or marks another's: its
 * id is not found.
 */
@RestController
class NotificationApiController {

	private static final int MAX_SIZE = 100;

	private final Inbox inbox;

	private final NotificationPreferences preferences;

	private final MessageSource messages;

	private final Clock clock;

	NotificationApiController(Inbox inbox, NotificationPreferences preferences, MessageSource messages, Clock clock) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/api/v1/notifications")
	Inbox.Page listNotifications(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "false") boolean unread,
			Actor actor) {
		Paging paging = Paging.of(page, size, MAX_SIZE);
		return this.inbox.page(actor.personId(), unread, paging.page(), paging.size(), LocaleContextHolder.getLocale());
	}

	@GetMapping("/api/v1/notifications/unread-count")
	Map<String, Long> showUnreadCount(Actor actor) {
		return Map.of("unread", this.inbox.unreadCount(actor.personId()));
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	Inbox.Notification markRead(@PathVariable long id, Actor actor) {
		return this.inbox.markRead(actor.personId(), id, this.clock.instant(), LocaleContextHolder.getLocale());
	}

	@PostMapping("/api/v1/notifications/read-all")
	Map<String, Integer> markAllRead(@RequestParam(required = false) NoticeTopic topic, Actor actor) {
		return Map.of("marked", this.inbox.markAllRead(actor.personId(), topic, this.clock.instant()));
	}

	@GetMapping("/api/v1/notifications/delivery")
	DeliveryChoice showDelivery(Actor actor) {
		return new DeliveryChoice(this.preferences.delivery(actor.personId()));
	}

	/** Whether the notices that repeat come by e-mail at once or in one message a day. */
	@PutMapping("/api/v1/notifications/delivery")
	DeliveryChoice changeDelivery(@RequestBody DeliveryChoice choice, Actor actor) {
		if (choice == null || choice.delivery() == null) {
			throw new InvalidInput("delivery", Text.of("error.field.oneOf", "delivery", "",
					List.of(NotificationPreferences.Delivery.values()).toString()));
		}
		this.preferences.chooseDelivery(actor.personId(), choice.delivery());
		return new DeliveryChoice(this.preferences.delivery(actor.personId()));
	}

	record DeliveryChoice(NotificationPreferences.Delivery delivery) {
	}

	@GetMapping("/api/v1/notifications/preferences")
	List<TopicChoice> showPreferences(Actor actor) {
		return labelled(this.preferences.of(actor.personId()));
	}

	/**
	 * Sets e-mail per topic; topics not named keep what they had. The inbox cannot be
	 * switched off.
	 */
	@PutMapping("/api/v1/notifications/preferences")
	List<TopicChoice> changePreferences(@RequestBody List<ChoiceRequest> choices, Actor actor) {
		Set<NoticeTopic> emailed = EnumSet.noneOf(NoticeTopic.class);
		this.preferences.of(actor.personId())
			.stream()
			.filter(NotificationPreferences.Choice::email)
			.forEach(choice -> emailed.add(choice.topic()));
		for (ChoiceRequest choice : choices) {
			if (choice == null || choice.topic() == null) {
				throw new InvalidInput("topic",
						Text.of("error.notification.topic", List.of(NoticeTopic.values()).toString()));
			}
			if (Boolean.FALSE.equals(choice.inbox())) {
				throw new InvalidInput("inbox", Text.of("error.notification.inbox"));
			}
			if (choice.email() != null) {
				if (choice.email()) {
					emailed.add(choice.topic());
				}
				else {
					emailed.remove(choice.topic());
				}
			}
		}
		return labelled(this.preferences.chooseEmail(actor.personId(), emailed));
	}

	record ChoiceRequest(NoticeTopic topic, Boolean inbox, Boolean email) {
	}

	record TopicChoice(NoticeTopic topic, String label, boolean inbox, boolean email) {
	}

	private List<TopicChoice> labelled(List<NotificationPreferences.Choice> choices) {
		return choices.stream()
			.map(choice -> new TopicChoice(choice.topic(),
					this.messages.getMessage("topic." + choice.topic(), null, choice.topic().name(),
							LocaleContextHolder.getLocale()),
					choice.inbox(), choice.email()))
			.toList();
	}

}
