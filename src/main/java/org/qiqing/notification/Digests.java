package org.qiqing.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the people's daily digest ({@link DailyDigest}) and the group robots'
 * ({@link RobotDigest}) do alike: in one transaction, claim the messages held for a
 * digest and group them by recipient, then, within one recipient's, by case; and word
 * their lines in the recipient's language. Their rows, texts and messages stay their own.
 */
@Component
class Digests {

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final MessageSource messages;

	Digests(PlatformTransactionManager transactions, Clock clock, MessageSource messages) {
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * Claims the held messages and queues the digests, in one transaction.
	 * @param claim the held messages, claimed ({@code SKIP LOCKED})
	 * @param recipient whom a held message is for
	 * @param queue queues one digest per recipient, at the moment given
	 * @return how many digests were queued (one per recipient)
	 */
	<H> int queue(Supplier<List<H>> claim, ToLongFunction<H> recipient, BiConsumer<Map<Long, List<H>>, Instant> queue) {
		Instant now = this.clock.instant();
		return this.transaction.execute(status -> {
			Map<Long, List<H>> byRecipient = new LinkedHashMap<>();
			claim.get()
				.forEach(held -> byRecipient.computeIfAbsent(recipient.applyAsLong(held), key -> new ArrayList<>())
					.add(held));
			queue.accept(byRecipient, now);
			return byRecipient.size();
		});
	}

	/**
	 * One recipient's held messages by case (its link, "" for none), in the order held.
	 */
	static <H> Map<String, List<H>> byCase(List<H> held, Function<H, String> link) {
		Map<String, List<H>> byCase = new LinkedHashMap<>();
		held.forEach(
				one -> byCase.computeIfAbsent(link.apply(one) == null ? "" : link.apply(one), key -> new ArrayList<>())
					.add(one));
		return byCase;
	}

	String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
