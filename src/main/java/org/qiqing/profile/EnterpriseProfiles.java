package org.qiqing.profile;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.qiqing.casework.CaseQueries;
import org.qiqing.enterprise.Enterprise;
import org.qiqing.enterprise.EnterpriseDirectory;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.PersonalData;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Text;
import org.qiqing.profile.EnterpriseProfile.Facts;
import org.qiqing.profile.EnterpriseProfile.LinkedOfficial;
import org.qiqing.profile.EnterpriseProfile.Moment;
import org.qiqing.profile.EnterpriseProfile.Visits;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles an enterprise's profile for an official who may see the enterprise; the cases
 * in it are only those he may see.
 */
@Service
public class EnterpriseProfiles {

	static final int LATEST_VISITS = 10;

	static final int TIMELINE = 15;

	private final EnterpriseDirectory directory;

	private final Regions regions;

	private final CaseQueries cases;

	private final FieldWork fieldWork;

	private final PlatformClock clock;

	EnterpriseProfiles(EnterpriseDirectory directory, Regions regions, CaseQueries cases, FieldWork fieldWork,
			PlatformClock clock) {
		this.directory = directory;
		this.regions = regions;
		this.cases = cases;
		this.fieldWork = fieldWork;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public EnterpriseProfile of(long enterpriseId, Actor actor, int casePage, int pageSize) {
		if (actor.isEnterpriseContact()) {
			throw new AccessDeniedException("an enterprise's profile is for officials");
		}
		Enterprise enterprise = this.directory.findVisible(enterpriseId, actor)
			.orElseThrow(
					() -> new NotFound(Text.of("error.record.notFound", Text.of("record.enterprise"), enterpriseId)));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), CHINA);
		List<LinkedOfficial> linked = this.fieldWork.linked(enterpriseId, today);
		Visits visits = this.fieldWork.visits(enterpriseId, LATEST_VISITS);
		return new EnterpriseProfile(facts(enterprise, actor), linked, visits,
				this.cases.ofEnterprise(actor, enterpriseId, casePage, pageSize),
				this.cases.tallyOf(actor, enterpriseId), this.cases.ratingsOf(actor, enterpriseId),
				timeline(actor, enterpriseId, linked, visits));
	}

	private Facts facts(Enterprise enterprise, Actor viewer) {
		String regionName = this.regions.find(enterprise.getRegionCode()).map(Region::name).orElse(null);
		List<String> tags = List.copyOf(enterprise.getTags());
		return new Facts(enterprise.getId(), enterprise.getCreditCode(), enterprise.getName(),
				enterprise.getRegionCode(), regionName, enterprise.getIndustry(), enterprise.getAddress(),
				enterprise.getScale(), enterprise.getContactName(),
				PersonalData.phone(enterprise.getContactPhone(), viewer),
				PersonalData.email(enterprise.getContactEmail(), viewer), tags);
	}

	/**
	 * The latest of what the government did: visits, links and case milestones, newest
	 * first.
	 */
	private List<Moment> timeline(Actor actor, long enterpriseId, List<LinkedOfficial> linked, Visits visits) {
		Stream<Moment> visitMoments = visits.latest()
			.stream()
			.map(visit -> new Moment(startOf(visit.visitedOn()), Moment.Kind.VISIT, null, visit.visitor(), null,
					visit.met()));
		Stream<Moment> linkMoments = linked.stream()
			.map(link -> new Moment(startOf(link.startsOn()), Moment.Kind.LINK, link.frequency(), link.holder(), null,
					link.unitName()));
		Stream<Moment> caseMoments = this.cases.milestonesOf(actor, enterpriseId, TIMELINE)
			.stream()
			.map(milestone -> new Moment(milestone.at(), Moment.Kind.CASE, milestone.action().name(),
					milestone.unitName(), milestone.caseId(), milestone.number() + " " + milestone.title()));
		return Stream.of(visitMoments, linkMoments, caseMoments)
			.flatMap(moments -> moments)
			.sorted(Comparator.comparing(Moment::at).reversed())
			.limit(TIMELINE)
			.toList();
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(CHINA).toInstant();
	}

}
