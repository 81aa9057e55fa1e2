package org.qiqing.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qiqing.casework.CaseQueries;
import org.qiqing.enterprise.EnterpriseScale;

/**
 * Everything an official should know about an enterprise before he visits it or handles
 * its request.
 */
public record EnterpriseProfile(Facts facts, List<LinkedOfficial> linked, Visits visits, CaseQueries.Page cases,
		CaseQueries.Tally tally, List<CaseQueries.MonthlyRatings> satisfaction, List<Moment> timeline) {

	/** The registry's data. */
	public record Facts(long id, String creditCode, String name, String regionCode, String regionName, String industry,
			String address, EnterpriseScale scale, String contactName, String contactPhone, String contactEmail,
			List<String> tags) {
	}

	/**
	 * An official or working group linked to the enterprise (挂联), with how often he must
	 * come and when one of them last came.
	 */
	public record LinkedOfficial(String holder, String unitName, boolean group, String frequency, LocalDate startsOn,
			LocalDate endsOn, LocalDate lastVisitedOn) {
	}

	/** The latest visits, and how many there were in all. */
	public record Visits(int total, List<Visit> latest) {
	}

	/** A visit, with the ids of its photos ({@code /visits/{id}/photos/{photoId}}). */
	public record Visit(long id, LocalDate visitedOn, String visitor, String unitName, String met, String notes,
			int cases, List<Long> photoIds) {
	}

	/**
	 * One thing the government did for the enterprise: a visit (who came, whom he met), a
	 * link (who was linked), or a milestone of one of its cases (the step, the unit, the
	 * case).
	 */
	public record Moment(Instant at, Kind kind, String step, String who, Long caseId, String subject) {

		public enum Kind {

			VISIT, LINK, CASE

		}

	}

}
