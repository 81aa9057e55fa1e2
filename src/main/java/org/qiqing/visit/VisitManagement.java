package org.qiqing.visit;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qiqing.casework.Case;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.Categories;
import org.qiqing.casework.NewCase;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records visits: the visit row, its photos and a case for each difficulty heard, in one
 * transaction. A visit is known by its visitor and the key his device gave it, so a send
 * repeated after a lost answer, or by two tabs at once, stores it (and files its cases)
 * once and answers every repeat with the first result.
 */
@Service
public class VisitManagement {

	static final int MAX_DIFFICULTIES = 10;

	private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	/** What a send did: stored the visit now, or found it stored by an earlier send. */
	public record Recorded(RecordedVisit visit, boolean created) {
	}

	private final CaseManagement cases;

	private final Categories categories;

	private final EnterpriseDirectory enterprises;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final Clock clock;

	VisitManagement(CaseManagement cases, Categories categories, EnterpriseDirectory enterprises, Regions regions,
			JdbcClient jdbc, TransactionTemplate transactions, MessageSource messages, Clock clock) {
		this.cases = cases;
		this.categories = categories;
		this.enterprises = enterprises;
		this.regions = regions;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.messages = messages;
		this.clock = clock;
	}

	/** Whether the person records visits: a visiting official (走访干部). */
	public static boolean visits(Actor actor) {
		return actor.has(Role.VISITOR);
	}

	public Recorded record(NewVisit visit, List<VisitPhoto> photos, Actor actor) {
		if (!visits(actor)) {
			throw new NotAllowed(Text.of("error.visit.visitorOnly"));
		}
		if (visit.clientKey() == null || !CLIENT_KEY.matcher(visit.clientKey()).matches()) {
			throw new InvalidInput("clientKey", text("visit.error.clientKey"));
		}
		Optional<RecordedVisit> earlier = find(visit.clientKey(), actor);
		if (earlier.isPresent()) {
			return new Recorded(earlier.get(), false);
		}
		try {
			return new Recorded(this.transactions.execute(status -> write(visit, photos, actor)), true);
		}
		catch (DuplicateKeyException ex) {
			// Another send of the same visit committed first: its result is the answer.
			return new Recorded(find(visit.clientKey(), actor).orElseThrow(() -> ex), false);
		}
	}

	/** The visit the person's device sent under this key, if it arrived. */
	public Optional<RecordedVisit> find(String clientKey, Actor actor) {
		return this.jdbc.sql("""
				select v.id from visit v where v.visitor_id = :visitor and v.client_key = :key""")
			.param("visitor", actor.personId())
			.param("key", clientKey)
			.query(Long.class)
			.optional()
			.map(this::load);
	}

	private RecordedVisit write(NewVisit visit, List<VisitPhoto> photos, Actor actor) {
		Enterprise enterprise = check(visit, actor);
		String regionPath = this.regions.find(enterprise.getRegionCode()).orElseThrow().path();
		KeyHolder key = new GeneratedKeyHolder();
		// The row comes first: a concurrent send of the same key waits on its unique key
		// here and fails before it files any case.
		this.jdbc.sql("""
				insert into visit (client_key, visitor_id, unit_id, enterprise_id, region_path, visited_on,
				                   companions, met, notes, created_at)
				values (:key, :visitor, :unit, :enterprise, :path, :on, :companions, :met, :notes, :now)""")
			.param("key", visit.clientKey())
			.param("visitor", actor.personId())
			.param("unit", actor.unitId())
			.param("enterprise", enterprise.getId())
			.param("path", regionPath)
			.param("on", visit.visitedOn())
			.param("companions", blankToNull(visit.companions()))
			.param("met", blankToNull(visit.met()))
			.param("notes", blankToNull(visit.notes()))
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update(key, "id");
		long visitId = key.getKeyAs(Number.class).longValue();
		for (NewVisit.Difficulty difficulty : visit.difficulties()) {
			String description = blankToNull(difficulty.description()) == null ? difficulty.title()
					: difficulty.description();
			Case kase = this.cases.submitHeardOnVisit(new NewCase(CaseKind.ENTERPRISE_REQUEST, difficulty.categoryId(),
					enterprise.getId(), difficulty.title(), description, List.of()), actor);
			this.jdbc.sql("insert into visit_case (visit_id, case_id) values (:visit, :case)")
				.param("visit", visitId)
				.param("case", kase.getId())
				.update();
		}
		for (VisitPhoto photo : photos) {
			this.jdbc.sql("""
					insert into visit_photo (visit_id, filename, content_type, size_bytes, sha256, content)
					values (:visit, :name, :type, :size, :sha, :content)""")
				.param("visit", visitId)
				.param("name", photo.filename())
				.param("type", photo.contentType())
				.param("size", photo.content().length)
				.param("sha", photo.sha256())
				.param("content", photo.content())
				.update();
		}
		return load(visitId);
	}

	/**
	 * Every refusal at once, in the person's language, before anything is written: an
	 * enterprise he may see, a day not after today, texts within their lengths, and each
	 * difficulty with a known category and a title.
	 */
	private Enterprise check(NewVisit visit, Actor actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		Enterprise enterprise = visit.enterpriseId() == null ? null
				: this.enterprises.findVisible(visit.enterpriseId(), actor).orElse(null);
		if (enterprise == null) {
			errors.put("enterpriseId", text("visit.error.enterprise"));
		}
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		if (visit.visitedOn() == null) {
			errors.put("visitedOn", text("visit.error.date.missing"));
		}
		else if (visit.visitedOn().isAfter(today)) {
			errors.put("visitedOn", text("visit.error.date.future", visit.visitedOn(), today));
		}
		tooLong(errors, "companions", visit.companions(), 500);
		tooLong(errors, "met", visit.met(), 300);
		tooLong(errors, "notes", visit.notes(), 4000);
		if (visit.difficulties().size() > MAX_DIFFICULTIES) {
			errors.put("difficulties", text("visit.error.difficulties", MAX_DIFFICULTIES));
		}
		for (int i = 0; i < visit.difficulties().size(); i++) {
			NewVisit.Difficulty difficulty = visit.difficulties().get(i);
			String field = "difficulties[" + i + "]";
			if (difficulty == null || difficulty.title() == null || difficulty.title().isBlank()) {
				errors.put(field + ".title", text("visit.error.difficulty.title", i + 1));
				continue;
			}
			tooLong(errors, field + ".title", difficulty.title(), 200);
			tooLong(errors, field + ".description", difficulty.description(), 4000);
			if (difficulty.categoryId() == null || this.categories.find(difficulty.categoryId()).isEmpty()) {
				errors.put(field + ".categoryId", text("visit.error.difficulty.category", i + 1));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return enterprise;
	}

	private void tooLong(Map<String, String> errors, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.put(field, text("visit.error.tooLong", max));
		}
	}

	private RecordedVisit load(long visitId) {
		record Row(long id, String clientKey, long enterpriseId, String enterpriseName, LocalDate visitedOn,
				int photos) {
		}
		Row row = this.jdbc.sql("""
				select v.id, v.client_key as clientKey, v.enterprise_id as enterpriseId, en.name as enterpriseName,
				       v.visited_on as visitedOn, (select count(*) from visit_photo p where p.visit_id = v.id) as photos
				from visit v join enterprise en on en.id = v.enterprise_id
				where v.id = :id""").param("id", visitId).query(Rows.of(Row.class)).single();
		List<RecordedVisit.RaisedCase> raised = new ArrayList<>(this.jdbc.sql("""
				select c.id, c.number, c.title from visit_case vc join cases c on c.id = vc.case_id
				where vc.visit_id = :id order by c.id""")
			.param("id", visitId)
			.query(Rows.of(RecordedVisit.RaisedCase.class))
			.list());
		return new RecordedVisit(row.id(), row.clientKey(), row.enterpriseId(), row.enterpriseName(), row.visitedOn(),
				row.photos(), List.copyOf(raised));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
