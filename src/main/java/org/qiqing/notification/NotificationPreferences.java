package org.qiqing.notification;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.NoticeTopic;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reaches each person where. Every notice reaches the inbox (a person cannot miss an
 * order by switching it off); e-mail is chosen per topic, on by default for what demands
 * an answer: supervision orders, overdue notices, escalations and criticism.
 */
@Component
@Transactional
public class NotificationPreferences {

	static final Set<NoticeTopic> EMAIL_BY_DEFAULT = EnumSet.of(NoticeTopic.SUPERVISION_ORDER,
			NoticeTopic.OVERDUE_NOTICE, NoticeTopic.ESCALATION, NoticeTopic.CRITICISM);

	/**
	 * The topics whose notices repeat (a timer urges every working day): for a person on
	 * {@link Delivery#DAILY_DIGEST} their e-mails are held and sent once a day in one
	 * message. The others (orders, escalations, criticism, assignments) go at once.
	 */
	static final Set<NoticeTopic> DIGESTIBLE = EnumSet.of(NoticeTopic.URGING, NoticeTopic.DEADLINE,
			NoticeTopic.OVERDUE_NOTICE);

	/**
	 * How the repeating notices reach a person by e-mail. A person without a choice gets
	 * the daily digest: a county office reads its mail in the morning, and a message per
	 * urging buries the orders that matter.
	 */
	public enum Delivery {

		IMMEDIATE, DAILY_DIGEST

	}

	static final Delivery DEFAULT_DELIVERY = Delivery.DAILY_DIGEST;

	/** A person's choice for one topic. */
	public record Choice(NoticeTopic topic, boolean inbox, boolean email) {
	}

	private final JdbcClient jdbc;

	NotificationPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every topic, in order, with what the person chose or its default. */
	@Transactional(readOnly = true)
	public List<Choice> of(long personId) {
		Map<NoticeTopic, Boolean> chosen = new EnumMap<>(NoticeTopic.class);
		this.jdbc.sql("select topic, email from notification_preference where person_id = :person")
			.param("person", personId)
			.query((rs, n) -> chosen.put(NoticeTopic.valueOf(rs.getString(1)), rs.getBoolean(2)))
			.list();
		return EnumSet.allOf(NoticeTopic.class)
			.stream()
			.map(topic -> new Choice(topic, true, chosen.getOrDefault(topic, EMAIL_BY_DEFAULT.contains(topic))))
			.toList();
	}

	/**
	 * Sets e-mail on for exactly the given topics, off for the others.
	 * @return the choices as they now stand
	 */
	public List<Choice> chooseEmail(long personId, Set<NoticeTopic> emailed) {
		this.jdbc.sql("delete from notification_preference where person_id = :person")
			.param("person", personId)
			.update();
		for (NoticeTopic topic : NoticeTopic.values()) {
			this.jdbc
				.sql("insert into notification_preference (person_id, topic, email) values (:person, :topic, :email)")
				.param("person", personId)
				.param("topic", topic.name())
				.param("email", emailed.contains(topic))
				.update();
		}
		return of(personId);
	}

	@Transactional(readOnly = true)
	public Delivery delivery(long personId) {
		return this.jdbc.sql("select delivery from notification_delivery where person_id = :person")
			.param("person", personId)
			.query((rs, n) -> Delivery.valueOf(rs.getString(1)))
			.optional()
			.orElse(DEFAULT_DELIVERY);
	}

	public void chooseDelivery(long personId, Delivery delivery) {
		this.jdbc.sql("delete from notification_delivery where person_id = :person").param("person", personId).update();
		this.jdbc.sql("insert into notification_delivery (person_id, delivery) values (:person, :delivery)")
			.param("person", personId)
			.param("delivery", delivery.name())
			.update();
	}

	/**
	 * The people, of those given, whose e-mails of the topic wait for the day's digest.
	 */
	@Transactional(readOnly = true)
	Set<Long> digesting(Collection<Long> people, NoticeTopic topic) {
		Set<Long> digesting = new java.util.HashSet<>();
		if (!DIGESTIBLE.contains(topic)) {
			return digesting;
		}
		for (List<Long> some : Inbox.chunks(List.copyOf(people))) {
			Map<Long, Delivery> chosen = new java.util.HashMap<>();
			this.jdbc.sql("select person_id, delivery from notification_delivery where person_id in (:people)")
				.param("people", some)
				.query((rs, n) -> chosen.put(rs.getLong(1), Delivery.valueOf(rs.getString(2))))
				.list();
			some.stream()
				.filter(person -> chosen.getOrDefault(person, DEFAULT_DELIVERY) == Delivery.DAILY_DIGEST)
				.forEach(digesting::add);
		}
		return digesting;
	}

	/** The people, of those given, who want e-mail on the topic, with their addresses. */
	@Transactional(readOnly = true)
	Map<Long, String> emailAddresses(Collection<Long> people, NoticeTopic topic) {
		Map<Long, String> addresses = new java.util.LinkedHashMap<>();
		for (List<Long> some : Inbox.chunks(List.copyOf(people))) {
			this.jdbc.sql("""
					select p.id, p.email, pref.email as chosen from person p
					left join notification_preference pref on pref.person_id = p.id and pref.topic = :topic
					where p.id in (:people) and p.email is not null and p.email <> ''
					order by p.id""").param("topic", topic.name()).param("people", some).query((rs, n) -> {
				boolean chosen = rs.getObject(3) == null ? EMAIL_BY_DEFAULT.contains(topic) : rs.getBoolean(3);
				if (chosen) {
					addresses.put(rs.getLong(1), rs.getString(2));
				}
				return null;
			}).list();
		}
		return addresses;
	}

}
