package org.qiqing.linkage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.qiqing.enterprise.CreditCode;
import org.qiqing.linkage.Link.Holder;
import org.qiqing.linkage.Link.Target;
import org.qiqing.linkage.LinkQueries.Official;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making, changing and ending links and working groups, by those who manage them in their
 * jurisdiction ({@link LinkScope}). The same holder, target and an overlapping period
 * make one link: a second is refused.
 */
@Service
@Transactional
public class LinkManagement {

	/**
	 * A new link: the holder by {@code personId}, {@code username} or {@code groupId};
	 * the target by {@code targetKind} (ENTERPRISE by default) and {@code enterpriseId}
	 * or {@code creditCode}, or {@code regionCode} for a region, or {@code projectName}
	 * and {@code regionCode} for a project.
	 */
	public record LinkRequest(Long personId, String username, Long groupId, String targetKind, Long enterpriseId,
			String creditCode, String regionCode, String projectName, String frequency, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/** How often and from when to when. */
	public record LinkTerms(String frequency, LocalDate startsOn, LocalDate endsOn) {
	}

	/** A working group: its leader and members by id or username. */
	public record GroupRequest(String name, Long leaderId, String leaderUsername, String regionCode,
			List<Long> memberIds, List<String> memberUsernames) {
	}

	private final Links links;

	private final WorkGroups groups;

	private final LinkQueries queries;

	private final JdbcClient jdbc;

	private final PlatformClock clock;

	private final Coverage coverage;

	LinkManagement(Links links, WorkGroups groups, LinkQueries queries, JdbcClient jdbc, PlatformClock clock,
			Coverage coverage) {
		this.links = links;
		this.groups = groups;
		this.queries = queries;
		this.jdbc = jdbc;
		this.clock = clock;
		this.coverage = coverage;
	}

	public Link link(LinkRequest request, Actor actor) {
		LinkScope.requireManager(actor);
		FieldErrors errors = new FieldErrors().required("startsOn", request.startsOn());
		errors.throwIfAny();
		LinkFrequency frequency = LinkFrequency.parse(request.frequency());
		Link.requirePeriod(request.startsOn(), request.endsOn());
		Holder holder = holder(request.personId(), request.username(), request.groupId(), actor);
		Target target = target(request, actor);
		lock(List.of(holder));
		duplicateOf(holder, target, request.startsOn(), request.endsOn()).ifPresent(id -> {
			throw new NotAllowed(Text.of("error.link.overlap", id));
		});
		this.coverage.forget();
		return this.links.save(new Link(holder, target, frequency, request.startsOn(), request.endsOn(),
				actor.personId(), this.clock.instant()));
	}

	public Link reschedule(long id, int expectedVersion, LinkTerms terms, Actor actor) {
		Link link = managed(id, expectedVersion, actor);
		LinkFrequency frequency = LinkFrequency.parse(terms.frequency());
		new FieldErrors().required("startsOn", terms.startsOn()).throwIfAny();
		link.reschedule(frequency, terms.startsOn(), terms.endsOn());
		this.coverage.forget();
		return this.links.save(link);
	}

	/** Ends a link on a day, today when none is given. */
	public Link end(long id, int expectedVersion, LocalDate on, Actor actor) {
		Link link = managed(id, expectedVersion, actor);
		link.end(on == null ? Coverage.today(this.clock) : on);
		this.coverage.forget();
		return this.links.save(link);
	}

	public WorkGroup formGroup(GroupRequest request, Actor actor) {
		LinkScope.requireManager(actor);
		GroupParts parts = groupParts(request, actor);
		this.coverage.forget();
		return this.groups.save(new WorkGroup(request.name(), parts.leader().id(), parts.regionCode(),
				parts.regionPath(), parts.members(), this.clock.instant()));
	}

	public WorkGroup changeGroup(long id, int expectedVersion, GroupRequest request, Actor actor) {
		LinkScope.requireManager(actor);
		this.queries.findVisibleGroup(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.workGroup"), id)));
		WorkGroup group = this.groups.findById(id)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.workGroup"), id)));
		if (!LinkScope.manages(actor, group.getRegionPath())) {
			throw new AccessDeniedException("the group works outside your jurisdiction");
		}
		if (group.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, group.getVersion());
		}
		GroupParts parts = groupParts(request, actor);
		group.describe(request.name(), parts.leader().id(), parts.regionCode(), parts.regionPath(), parts.members());
		this.coverage.forget();
		return this.groups.save(group);
	}

	private record GroupParts(Official leader, String regionCode, String regionPath, Set<Long> members) {
	}

	private GroupParts groupParts(GroupRequest request, Actor actor) {
		FieldErrors errors = new FieldErrors().required("name", request.name(), 200);
		String regionPath = regionPath(request.regionCode());
		if (regionPath == null || !actor.oversees(regionPath)) {
			errors.reject("regionCode", Text.of("error.region.notInJurisdiction", request.regionCode()));
		}
		errors.throwIfAny();
		Official leader = officialIn(request.leaderId(), request.leaderUsername(), "leader", actor);
		Set<Long> members = new LinkedHashSet<>();
		for (Long memberId : request.memberIds() == null ? List.<Long>of() : request.memberIds()) {
			members.add(officialIn(memberId, null, "members", actor).id());
		}
		for (String username : request.memberUsernames() == null ? List.<String>of() : request.memberUsernames()) {
			if (!username.isBlank()) {
				members.add(officialIn(null, username, "members", actor).id());
			}
		}
		return new GroupParts(leader, request.regionCode().strip(), regionPath, members);
	}

	/**
	 * The holder named by a person's id or username or a group's id, refused unless the
	 * actor manages him: an official of a unit in his jurisdiction, a group of it.
	 */
	Holder holder(Long personId, String username, Long groupId, Actor actor) {
		boolean person = personId != null || username != null && !username.isBlank();
		if (person == (groupId != null)) {
			throw new InvalidInput("holder", Text.of("error.link.holder"));
		}
		if (groupId != null) {
			String path = LinkScope
				.bind(this.jdbc
					.sql("select g.region_path from work_group g where g.id = :id and " + LinkScope.GROUP_CONDITION),
						actor)
				.param("id", groupId)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new InvalidInput("groupId", Text.of("error.link.noGroup", groupId)));
			if (!LinkScope.manages(actor, path)) {
				throw new InvalidInput("groupId", Text.of("error.link.groupOutside", groupId));
			}
			return Holder.group(groupId);
		}
		return Holder.person(officialIn(personId, username, personId != null ? "personId" : "username", actor).id());
	}

	private Official officialIn(Long id, String username, String field, Actor actor) {
		Optional<Official> official = id != null ? this.queries.official(id) : this.queries.official(username);
		Object name = id != null ? id : username;
		Official found = official.orElseThrow(() -> new InvalidInput(field, Text.of("error.link.noOfficial", name)));
		if (found.regionPath() == null || !actor.oversees(found.regionPath())) {
			throw new InvalidInput(field, Text.of("error.link.officialOutside", name));
		}
		return found;
	}

	private Target target(LinkRequest request, Actor actor) {
		LinkTarget kind = LinkTarget.parse(request.targetKind());
		return switch (kind) {
			case ENTERPRISE -> enterprise(request.enterpriseId(), request.creditCode(), actor);
			case REGION -> {
				String path = regionIn(request.regionCode(), actor);
				yield new Target(kind, null, request.regionCode().strip(), null, path);
			}
			case PROJECT -> {
				new FieldErrors().required("projectName", request.projectName(), 200).throwIfAny();
				String path = regionIn(request.regionCode(), actor);
				yield new Target(kind, null, request.regionCode().strip(), request.projectName().strip(), path);
			}
		};
	}

	/** An enterprise of his jurisdiction by id or credit code. */
	private Target enterprise(Long id, String creditCode, Actor actor) {
		if (id == null && (creditCode == null || creditCode.isBlank())) {
			throw new InvalidInput("creditCode", Text.of("error.link.enterprise"));
		}
		String code = CreditCode.normalize(creditCode);
		if (id == null && !CreditCode.isValid(code)) {
			throw new InvalidInput("creditCode", Text.of("error.creditCode.invalid", creditCode));
		}
		Optional<Target> found = this.jdbc.sql("""
				select en.id, r.path from enterprise en join region r on r.code = en.region_code
				where (en.id = :id or en.credit_code = :code)""")
			.param("id", id == null ? -1L : id)
			.param("code", code == null ? "" : code)
			.query((rs, row) -> new Target(LinkTarget.ENTERPRISE, rs.getLong("id"), null, null, rs.getString("path")))
			.optional();
		String field = id != null ? "enterpriseId" : "creditCode";
		Object name = id != null ? id : code;
		// An enterprise outside the jurisdiction is answered like an unknown one when
		// named
		// by id, which reveals nothing; a credit code is public, so it is named.
		if (found.isEmpty() || id != null && !actor.oversees(found.get().regionPath())) {
			throw new InvalidInput(field,
					Text.of(id != null ? "error.link.noEnterpriseHere" : "error.link.noEnterprise", name));
		}
		if (!actor.oversees(found.get().regionPath())) {
			throw new InvalidInput(field, Text.of("error.link.enterpriseOutside", name));
		}
		return found.get();
	}

	private String regionIn(String code, Actor actor) {
		String path = regionPath(code);
		if (path == null || !actor.oversees(path)) {
			throw new InvalidInput("regionCode", Text.of("error.region.notInJurisdiction", code));
		}
		return path;
	}

	private String regionPath(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return this.jdbc.sql("select path from region where code = :code")
			.param("code", code.strip())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Holds the rows of these holders until the transaction ends, so that two requests
	 * linking the same holder look for an overlapping link one after the other, not both
	 * before either has written. Persons, then groups, each in the order of their ids:
	 * two writers never wait on each other crosswise.
	 */
	void lock(Collection<Holder> holders) {
		lockRows("person", holders.stream().map(Holder::personId));
		lockRows("work_group", holders.stream().map(Holder::groupId));
	}

	private void lockRows(String table, Stream<Long> ids) {
		List<Long> sorted = ids.filter(Objects::nonNull).distinct().sorted().toList();
		if (!sorted.isEmpty()) {
			this.jdbc.sql("select id from " + table + " where id in (:ids) order by id for update")
				.param("ids", sorted)
				.query(Long.class)
				.list();
		}
	}

	/** The id of a link of the same holder to the same target whose period overlaps. */
	private Optional<Long> duplicateOf(Holder holder, Target target, LocalDate startsOn, LocalDate endsOn) {
		return this.jdbc.sql("""
				select l.id from link l
				where l.target_kind = :kind
				  and (l.person_id = :person or l.group_id = :group)
				  and (l.enterprise_id = :enterprise or l.target_region_code = :region)
				  and coalesce(l.project_name, '') = :project
				  and l.starts_on <= :endsOn and (l.ends_on is null or l.ends_on >= :startsOn)
				order by l.id limit 1""")
			.param("kind", target.kind().name())
			.param("person", holder.personId() == null ? -1L : holder.personId())
			.param("group", holder.groupId() == null ? -1L : holder.groupId())
			.param("enterprise", target.enterpriseId() == null ? -1L : target.enterpriseId())
			.param("region", target.regionCode() == null ? "" : target.regionCode())
			.param("project", target.projectName() == null ? "" : target.projectName())
			.param("endsOn", endsOn == null ? LocalDate.of(9999, 12, 31) : endsOn)
			.param("startsOn", startsOn)
			.query(Long.class)
			.optional();
	}

	/** Forgets the recent coverages, after links were written in bulk. */
	void forgetCoverage() {
		this.coverage.forget();
	}

	/** A link he manages, at the version he read. */
	private Link managed(long id, int expectedVersion, Actor actor) {
		LinkScope.requireManager(actor);
		this.queries.findVisible(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.link"), id)));
		Link link = this.links.findById(id)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.link"), id)));
		if (!LinkScope.manages(actor, link.getRegionPath())) {
			throw new AccessDeniedException("the link's target lies outside your jurisdiction");
		}
		if (link.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, link.getVersion());
		}
		return link;
	}

}
