package org.qiqing.visit;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.qiqing.casework.CaseState;
import org.qiqing.casework.TimeState;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the visit pages read: an official's own visits with the cases raised on each and
 * where they stand, and the enterprises he is likely to visit next.
 * <p>
 * Reads the linkage tables ({@code link}, {@code work_group}, {@code work_group_member})
 * and {@code cases} by SQL, read-only, as the enterprise scope reads cases.
 */
@Component
@Transactional(readOnly = true)
public class VisitQueries {

	/**
	 * An enterprise to pick on the visit page, and whether the person is linked to it.
	 */
	public record EnterpriseChoice(long id, String name, String creditCode, String regionName, boolean linked) {
	}

	/** One visit of the person's history. */
	public record VisitLine(long id, String enterpriseName, LocalDate visitedOn, String companions, String met,
			String notes, List<Long> photoIds, Instant createdAt, List<CaseLine> cases) {
	}

	/** A case raised on a visit, where it stands now. */
	public record CaseLine(long visitId, long id, String number, String title, CaseState state, TimeState timeState,
			Instant limitAt, String regionCode) {
	}

	public record Page(List<VisitLine> items, int page, int size, boolean hasNext) {
	}

	/** A photo kept with a visit, as it was sent. */
	public record StoredPhoto(String filename, String contentType, String sha256, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final EnterpriseDirectory enterprises;

	private final Clock clock;

	VisitQueries(JdbcClient jdbc, EnterpriseDirectory enterprises, Clock clock) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.clock = clock;
	}

	/** The person's own visits, newest first. */
	public Page history(Actor actor, int page, int size) {
		record Row(long id, String enterpriseName, LocalDate visitedOn, String companions, String met, String notes,
				Instant createdAt) {
		}
		List<Row> rows = this.jdbc.sql("""
				select v.id, en.name as enterprise_name, v.visited_on, v.companions, v.met, v.notes, v.created_at
				from visit v join enterprise en on en.id = v.enterprise_id
				where v.visitor_id = :visitor
				order by v.visited_on desc, v.id desc limit :limit offset :offset""")
			.param("visitor", actor.personId())
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(Rows.of(Row.class))
			.list();
		boolean hasNext = rows.size() > size;
		List<Row> shown = hasNext ? rows.subList(0, size) : rows;
		Map<Long, List<CaseLine>> cases = shown.isEmpty() ? Map.of()
				: this.jdbc.sql("""
						select vc.visit_id, c.id, c.number, c.title, c.state, c.time_state, c.limit_at, c.region_code
						from visit_case vc join cases c on c.id = vc.case_id
						where vc.visit_id in (:visits) order by c.id""")
					.param("visits", shown.stream().map(Row::id).toList())
					.query(Rows.of(CaseLine.class))
					.list()
					.stream()
					.collect(Collectors.groupingBy(CaseLine::visitId));
		Map<Long, List<Long>> photos = photoIds(shown.stream().map(Row::id).toList());
		return new Page(shown.stream()
			.map(r -> new VisitLine(r.id(), r.enterpriseName(), r.visitedOn(), r.companions(), r.met(), r.notes(),
					photos.getOrDefault(r.id(), List.of()), r.createdAt(), cases.getOrDefault(r.id(), List.of())))
			.toList(), page, size, hasNext);
	}

	/** The ids of these visits' photos, in the order they were sent. */
	public Map<Long, List<Long>> photoIds(List<Long> visitIds) {
		if (visitIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select visit_id, id from visit_photo where visit_id in (:visits) order by id")
			.param("visits", visitIds)
			.query((rs, row) -> Map.entry(rs.getLong("visit_id"), rs.getLong("id")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/**
	 * A photo of a visit, for an official who may see the enterprise visited, as on its
	 * profile where the visit is listed. Not for the enterprise's contacts: visits are
	 * the government's own notes.
	 */
	public Optional<StoredPhoto> photo(long visitId, long photoId, Actor actor) {
		if (actor.isEnterpriseContact()) {
			return Optional.empty();
		}
		record Row(long enterpriseId, String filename, String contentType, String sha256, byte[] content) {
		}
		return this.jdbc.sql("""
				select v.enterprise_id, p.filename, p.content_type, p.sha256, p.content
				from visit_photo p join visit v on v.id = p.visit_id
				where p.id = :photo and p.visit_id = :visit""")
			.param("photo", photoId)
			.param("visit", visitId)
			.query(Rows.of(Row.class))
			.optional()
			.filter(row -> this.enterprises.findVisible(row.enterpriseId(), actor).isPresent())
			.map(row -> new StoredPhoto(row.filename(), row.contentType(), row.sha256(), row.content()));
	}

	/**
	 * The enterprises to offer: those the person is linked to (himself, or through a
	 * working group he leads or belongs to) first, then those he visited lately, then,
	 * for a text, those of his scope whose name holds it or whose credit code it is. Only
	 * enterprises he may see, since only those can be visited and filed for.
	 */
	public List<EnterpriseChoice> choices(Actor actor, String text, int limit) {
		String query = text == null ? "" : text.trim();
		Map<Long, EnterpriseChoice> choices = new LinkedHashMap<>();
		for (EnterpriseChoice linked : linked(actor)) {
			if (query.isEmpty() || matches(linked, query)) {
				choices.putIfAbsent(linked.id(), linked);
			}
		}
		if (query.isEmpty()) {
			recent(actor).forEach(choice -> choices.putIfAbsent(choice.id(), choice));
		}
		else {
			this.enterprises.search(actor, query, 0, limit)
				.items()
				.forEach(line -> choices.putIfAbsent(line.id(),
						new EnterpriseChoice(line.id(), line.name(), line.creditCode(), line.regionName(), false)));
		}
		return new ArrayList<>(choices.values()).subList(0, Math.min(limit, choices.size()));
	}

	private List<EnterpriseChoice> linked(Actor actor) {
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		return this.jdbc.sql("""
				select distinct en.id, en.name, en.credit_code, r.name as region_name, true as linked
				from link l join enterprise en on en.id = l.enterprise_id join region r on r.code = en.region_code
				where (l.person_id = :me
				       or l.group_id in (select g.id from work_group g where g.leader_id = :me)
				       or l.group_id in (select m.group_id from work_group_member m where m.person_id = :me))
				  and l.starts_on <= :today and (l.ends_on is null or l.ends_on >= :today)
				order by en.name, en.id""")
			.param("me", actor.personId())
			.param("today", today)
			.query(Rows.of(EnterpriseChoice.class))
			.list()
			.stream()
			.filter(choice -> this.enterprises.findVisible(choice.id(), actor).isPresent())
			.toList();
	}

	private List<EnterpriseChoice> recent(Actor actor) {
		return this.jdbc.sql("""
				select en.id, en.name, en.credit_code, r.name as region_name, false as linked
				from enterprise en join region r on r.code = en.region_code
				join (select enterprise_id, max(visited_on) as last_on from visit where visitor_id = :me
				      group by enterprise_id) lv on lv.enterprise_id = en.id
				order by lv.last_on desc, en.id limit 20""")
			.param("me", actor.personId())
			.query(Rows.of(EnterpriseChoice.class))
			.list()
			.stream()
			.filter(choice -> this.enterprises.findVisible(choice.id(), actor).isPresent())
			.toList();
	}

	private static boolean matches(EnterpriseChoice choice, String query) {
		return choice.name().contains(query) || choice.creditCode().equalsIgnoreCase(query);
	}

}
