package org.qiqing.notification;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live unread counts of the browsers connected to this node, as server-sent events
 * ({@code event: unread}). Each node reads the counts of its own listeners from the
 * database every {@code qiqing.notifications.stream-interval}, whichever node wrote the
 * notification or marked it read, so any number of nodes works without a message bus. A
 * count is sent when the stream opens and whenever it changes.
 */
@Component
public class InboxStream {

	private record Listener(SseEmitter emitter, AtomicLong last) {
	}

	private final Map<Long, Set<Listener>> listeners = new ConcurrentHashMap<>();

	private final Inbox inbox;

	private final NotificationSettings settings;

	InboxStream(Inbox inbox, NotificationSettings settings) {
		this.inbox = inbox;
		this.settings = settings;
	}

	/** Opens a stream of the person's unread count, starting with the current one. */
	public SseEmitter open(long personId) {
		SseEmitter emitter = new SseEmitter(this.settings.streamTimeout().toMillis());
		Listener listener = new Listener(emitter, new AtomicLong(-1));
		this.listeners.computeIfAbsent(personId, id -> ConcurrentHashMap.newKeySet()).add(listener);
		Runnable remove = () -> remove(personId, listener);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		tell(personId, listener, this.inbox.unreadCount(personId));
		return emitter;
	}

	/** How many browsers listen to this node. */
	int listening() {
		return this.listeners.values().stream().mapToInt(Set::size).sum();
	}

	@Scheduled(fixedDelayString = "${qiqing.notifications.stream-interval:3s}")
	void poll() {
		if (this.listeners.isEmpty()) {
			return;
		}
		this.inbox.unreadCounts(Set.copyOf(this.listeners.keySet()))
			.forEach((person, count) -> this.listeners.getOrDefault(person, Set.of())
				.forEach(listener -> tell(person, listener, count)));
	}

	/**
	 * Ends every stream when the node stops, so that a graceful shutdown does not wait
	 * for browsers that would listen for hours; they reconnect to another node.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.listeners.values().forEach(set -> set.forEach(listener -> {
			try {
				listener.emitter().complete();
			}
			catch (IllegalStateException alreadyClosed) {
				// nothing left to close
			}
		}));
		this.listeners.clear();
	}

	private void tell(long personId, Listener listener, long count) {
		if (listener.last().getAndSet(count) == count) {
			return;
		}
		try {
			listener.emitter().send(SseEmitter.event().name("unread").data(count));
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; it reconnects by itself if it is still there.
			remove(personId, listener);
			try {
				listener.emitter().completeWithError(ex);
			}
			catch (IllegalStateException alreadyClosed) {
				// nothing left to close
			}
		}
	}

	private void remove(long personId, Listener listener) {
		this.listeners.computeIfPresent(personId, (id, set) -> {
			set.remove(listener);
			return set.isEmpty() ? null : set;
		});
	}

}
