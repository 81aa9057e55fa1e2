package org.qiqing.notification;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qiqing.casework.NoticeTopic;
import org.qiqing.notification.NotificationPreferences.Delivery;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group robots of units: an administrator sets them up for the units of his
 * jurisdiction, each with the topics it is told. A robot of another jurisdiction is not
 * found. The secret and the webhook URL authenticate the platform to the chat service, so
 * neither is shown back: the secret not at all, the URL cut after its host.
 */
@Service
@Transactional
public class Robots {

	/** A robot as its administrator sees it. */
	public record Robot(long id, long unitId, String unitName, String name, RobotKind kind, String webhook,
			boolean signed, boolean enabled, Set<NoticeTopic> topics, Delivery delivery, String language, int version) {
	}

	/**
	 * What an administrator sends. On a change, a null secret keeps the old one and a
	 * blank one removes it; a null webhook URL keeps the old one. A null delivery keeps
	 * the old one, or is the daily digest for a new robot; a null language ({@code zh} or
	 * {@code en}) keeps the old one, or is Chinese for a new robot.
	 */
	public record RobotDetails(Long unitId, String name, RobotKind kind, String webhookUrl, String secret,
			Boolean enabled, Set<NoticeTopic> topics, Delivery delivery, String language) {

		/** The same without a language: kept, or Chinese. */
		public RobotDetails(Long unitId, String name, RobotKind kind, String webhookUrl, String secret, Boolean enabled,
				Set<NoticeTopic> topics, Delivery delivery) {
			this(unitId, name, kind, webhookUrl, secret, enabled, topics, delivery, null);
		}

	}

	/** A new robot writes Chinese unless its administrator chooses English. */
	static final String DEFAULT_LANGUAGE = "zh";

	/**
	 * A new robot tells the repeating notices in one message a day: a group told every
	 * urging of a county (a hundred a morning) stops reading it, and the orders drown.
	 */
	static final Delivery DEFAULT_DELIVERY = Delivery.DAILY_DIGEST;

	/** Where and how the worker sends to a robot, and the language it writes in. */
	record Target(RobotKind kind, String webhookUrl, String secret, boolean enabled, Locale language) {
	}

	private static final String SELECT = """
			select b.id, b.unit_id, u.name as unit_name, b.name, b.kind, b.webhook_url, b.secret, b.enabled, b.delivery,
			       b.language, b.version
			from notification_robot b join unit u on u.id = b.unit_id join region r on r.code = u.region_code
			where r.path like :scope""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Robots(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<Robot> list(Actor actor) {
		return this.jdbc.sql(SELECT + " order by u.name, b.name, b.id")
			.param("scope", scope(actor))
			.query((rs, n) -> robot(rs))
			.list();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Robot find(long id, Actor actor) {
		return this.jdbc.sql(SELECT + " and b.id = :id")
			.param("scope", scope(actor))
			.param("id", id)
			.query((rs, n) -> robot(rs))
			.optional()
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.robot"), id)));
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Robot create(RobotDetails details, Actor actor) {
		FieldErrors errors = check(details, true);
		if (details.unitId() != null && !unitOverseen(details.unitId(), actor)) {
			errors.reject("unitId", Text.of("error.unit.notInJurisdiction", details.unitId()));
		}
		errors.throwIfAny();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into notification_robot (unit_id, name, kind, webhook_url, secret, enabled, delivery, language)
				values (:unit, :name, :kind, :url, :secret, :enabled, :delivery, :language)""")
			.param("unit", details.unitId())
			.param("name", details.name().strip())
			.param("kind", details.kind().name())
			.param("url", details.webhookUrl().strip())
			.param("secret", blankToNull(details.secret()))
			.param("enabled", details.enabled() == null || details.enabled())
			.param("delivery", (details.delivery() == null ? DEFAULT_DELIVERY : details.delivery()).name())
			.param("language", language(details.language(), DEFAULT_LANGUAGE))
			.update(key, "id");
		long id = key.getKey().longValue();
		setTopics(id, details.topics());
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "notification-robot", id, "created");
		return find(id, actor);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Robot update(long id, int expectedVersion, RobotDetails details, Actor actor) {
		Robot current = find(id, actor);
		if (current.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, current.version());
		}
		FieldErrors errors = check(details, false);
		if (details.unitId() != null && details.unitId() != current.unitId()) {
			errors.reject("unitId", Text.of("error.robot.unitFixed"));
		}
		errors.throwIfAny();
		this.jdbc.sql("""
				update notification_robot set name = :name, kind = :kind,
				    webhook_url = coalesce(:url, webhook_url),
				    secret = case when :keepSecret then secret else :secret end,
				    enabled = :enabled, delivery = :delivery, language = :language, version = version + 1
				where id = :id and version = :version""")
			.param("name", details.name().strip())
			.param("kind", details.kind().name())
			.param("url", blankToNull(details.webhookUrl()), java.sql.Types.VARCHAR)
			.param("keepSecret", details.secret() == null)
			.param("secret", blankToNull(details.secret()), java.sql.Types.VARCHAR)
			.param("enabled", details.enabled() == null ? current.enabled() : details.enabled())
			.param("delivery", (details.delivery() == null ? current.delivery() : details.delivery()).name())
			.param("language", language(details.language(), current.language()))
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		setTopics(id, details.topics());
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "notification-robot", id, "changed");
		return find(id, actor);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void delete(long id, Actor actor) {
		find(id, actor);
		this.jdbc.sql("delete from notification_robot where id = :id").param("id", id).update();
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "notification-robot", id, "deleted");
	}

	/**
	 * For each of the given people, the enabled robots of his unit that are told the
	 * topic; people without one are left out.
	 */
	@Transactional(readOnly = true)
	Map<Long, List<Long>> listening(Collection<Long> people, NoticeTopic topic) {
		Map<Long, List<Long>> robots = new HashMap<>();
		for (List<Long> some : Inbox.chunks(List.copyOf(people))) {
			this.jdbc.sql("""
					select p.id, b.id from person p
					join notification_robot b on b.unit_id = p.unit_id and b.enabled
					join notification_robot_topic t on t.robot_id = b.id and t.topic = :topic
					where p.id in (:people) order by b.id""")
				.param("topic", topic.name())
				.param("people", some)
				.query((rs, n) -> robots.computeIfAbsent(rs.getLong(1), person -> new ArrayList<>()).add(rs.getLong(2)))
				.list();
		}
		return robots;
	}

	/**
	 * The robots, of those given, that hold their messages of the topic for the day's
	 * digest: those on {@link Delivery#DAILY_DIGEST}, for the repeating topics only.
	 */
	@Transactional(readOnly = true)
	Set<Long> digesting(Collection<Long> robots, NoticeTopic topic) {
		Set<Long> digesting = new java.util.HashSet<>();
		if (robots.isEmpty() || !NotificationPreferences.DIGESTIBLE.contains(topic)) {
			return digesting;
		}
		for (List<Long> some : Inbox.chunks(List.copyOf(robots))) {
			digesting
				.addAll(this.jdbc.sql("select id from notification_robot where id in (:robots) and delivery = :digest")
					.param("robots", some)
					.param("digest", Delivery.DAILY_DIGEST.name())
					.query(Long.class)
					.list());
		}
		return digesting;
	}

	/** Where to send to a robot, or null once it was removed. */
	@Transactional(readOnly = true)
	Target target(long robotId) {
		return this.jdbc
			.sql("select kind, webhook_url, secret, enabled, language from notification_robot where id = :id")
			.param("id", robotId)
			.query((rs, n) -> new Target(RobotKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getBoolean(4), Texts.language(Locale.forLanguageTag(rs.getString(5)))))
			.optional()
			.orElse(null);
	}

	private boolean unitOverseen(long unitId, Actor actor) {
		return this.jdbc.sql("""
				select count(*) from unit u join region r on r.code = u.region_code
				where u.id = :unit and r.path like :scope""")
			.param("unit", unitId)
			.param("scope", scope(actor))
			.query(Integer.class)
			.single() > 0;
	}

	private void setTopics(long robotId, Set<NoticeTopic> topics) {
		this.jdbc.sql("delete from notification_robot_topic where robot_id = :id").param("id", robotId).update();
		for (NoticeTopic topic : topics == null ? Set.<NoticeTopic>of() : topics) {
			this.jdbc.sql("insert into notification_robot_topic (robot_id, topic) values (:id, :topic)")
				.param("id", robotId)
				.param("topic", topic.name())
				.update();
		}
	}

	private static FieldErrors check(RobotDetails details, boolean creating) {
		FieldErrors errors = new FieldErrors().required("name", details.name(), 100).required("kind", details.kind());
		if (creating) {
			errors.required("unitId", details.unitId());
		}
		String url = details.webhookUrl();
		if (url == null || url.isBlank()) {
			if (creating) {
				errors.reject("webhookUrl", Text.of("error.field.required", "webhookUrl"));
			}
		}
		else if (!isWebUrl(url.strip())) {
			errors.reject("webhookUrl", Text.of("error.robot.url"));
		}
		errors.maxLength("secret", details.secret(), 200);
		if (details.language() != null && !SUPPORTED.contains(details.language().strip())) {
			errors.reject("language", Text.of("error.language.unsupported", details.language()));
		}
		return errors;
	}

	/** The languages a robot may write in. */
	static final List<String> SUPPORTED = List.of("zh", "en");

	private static String language(String asked, String otherwise) {
		return asked == null ? otherwise : asked.strip();
	}

	/** The language a robot writes in; Chinese for one no longer there. */
	@Transactional(readOnly = true)
	Locale languageOf(long robotId) {
		return this.jdbc.sql("select language from notification_robot where id = :id")
			.param("id", robotId)
			.query(String.class)
			.optional()
			.map(Locale::forLanguageTag)
			.map(Texts::language)
			.orElse(Locale.SIMPLIFIED_CHINESE);
	}

	private static boolean isWebUrl(String url) {
		try {
			URI uri = URI.create(url);
			return url.length() <= 500 && uri.getHost() != null
					&& ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Robot robot(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong("id");
		Set<NoticeTopic> topics = EnumSet.noneOf(NoticeTopic.class);
		this.jdbc.sql("select topic from notification_robot_topic where robot_id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.forEach(topic -> topics.add(NoticeTopic.valueOf(topic)));
		return new Robot(id, rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
				RobotKind.valueOf(rs.getString("kind")), shown(rs.getString("webhook_url")),
				rs.getString("secret") != null, rs.getBoolean("enabled"), topics,
				Delivery.valueOf(rs.getString("delivery")), rs.getString("language"), rs.getInt("version"));
	}

	/** The webhook's scheme and host: enough to recognise it, not enough to use it. */
	static String shown(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getAuthority() + "/…";
	}

	private static String scope(Actor actor) {
		return actor.jurisdictionPattern() == null ? "" : actor.jurisdictionPattern();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
