package org.qiqing.demo;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qiqing.casework.AnswerMethod;
import org.qiqing.casework.CaseQueries;
import org.qiqing.casework.Rating;
import org.qiqing.evaluation.Campaigns;
import org.qiqing.evaluation.Scale;
import org.qiqing.evaluation.SpotChecks;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.PlatformClock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 嘉善县's conduct evaluation, made as its service centre would: last quarter's 评议 of the
 * units by the enterprises they served, finished, most of them answered; and a spot-check
 * draw over the past year's closed cases, every one called back. The enterprises of the
 * unit with the most spot-checks rated it well themselves, but told the centre on the
 * phone that the matters were often not solved and that they had been asked to rate well:
 * its spot-checks are worse than its ratings, so the flags page shows it, for that true
 * reason. The other units' calls mostly hear what their enterprises said.
 */
@Component
class EvaluationDemo {

	private static final Logger log = LoggerFactory.getLogger(EvaluationDemo.class);

	private static final String[] RESPONDENTS = { "总经理", "财务负责人", "办公室主任", "行政经理", "生产副总" };

	private final Campaigns campaigns;

	private final SpotChecks spotChecks;

	private final PlatformClock clock;

	private final CaseQueries cases;

	EvaluationDemo(Campaigns campaigns, SpotChecks spotChecks, PlatformClock clock, CaseQueries cases) {
		this.cases = cases;
		this.campaigns = campaigns;
		this.spotChecks = spotChecks;
		this.clock = clock;
	}

	void load(Map<String, Actor> actors, Map<Long, Actor> contacts) {
		Random random = new Random(20250401L);
		Actor centre = actors.get("dispatcher");
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, CHINA);
		try {
			loadCampaign(centre, contacts, today, random);
		}
		finally {
			this.clock.reset();
		}
		loadSpotChecks(centre, actors.get("admin"), today, now, random);
	}

	/**
	 * Last quarter's campaign, started the day after it ended and closed a month later.
	 */
	private void loadCampaign(Actor centre, Map<Long, Actor> contacts, LocalDate today, Random random) {
		LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
		LocalDate end = quarter.plusMonths(3).minusDays(1);
		int number = (quarter.getMonthValue() - 1) / 3 + 1;
		this.clock.set(end.plusDays(1).atTime(9, 0).atZone(CHINA).toInstant());
		Campaigns.Campaign campaign = this.campaigns.create(
				new Campaigns.NewCampaign(quarter.getYear() + " 年第" + "一二三四".charAt(number - 1) + "季度涉企部门作风评议", quarter,
						end, null, end.plusMonths(1), Scale.FIVE.name(), List.of("办事效率", "服务态度", "政策落实", "廉洁自律")),
				centre);
		// Seven in ten enterprises answer over the following weeks, the invitations as
		// each contact sees them.
		int answered = 0;
		for (Actor contact : contacts.values()) {
			List<Campaigns.Invitation> invitations = this.campaigns.openInvitations(contact)
				.stream()
				.filter(i -> i.campaignId() == campaign.id())
				.toList();
			for (Campaigns.Invitation invitation : invitations) {
				if (random.nextInt(10) >= 7) {
					continue;
				}
				this.clock.set(this.clock.instant().plus(Duration.ofMinutes(20)));
				Map<Integer, Integer> scores = new java.util.HashMap<>();
				for (int q = 1; q <= invitation.questions().size(); q++) {
					int draw = random.nextInt(10);
					scores.put(q, draw < 5 ? 5 : draw < 8 ? 4 : draw < 9 ? 3 : 2);
				}
				this.campaigns.answer(invitation.id(), scores, contact);
				answered++;
			}
		}
		log.info("Demo evaluation: campaign {} with {} invitations, {} answered", campaign.title(), campaign.invited(),
				answered);
	}

	/**
	 * A 10 % draw of the past year's closed cases, each called back a few days after it
	 * closed; the unit with the most spot-checks hears worse than its ratings.
	 */
	private void loadSpotChecks(Actor centre, Actor city, LocalDate today, Instant now, Random random) {
		// 10 %, as the setting says; a small demonstration (the tests') draws at least 40
		// cases, so that a unit has enough calls to be judged.
		int population = this.cases
			.closedBetween(centre, today.minusYears(1).atStartOfDay(CHINA).toInstant(),
					today.atStartOfDay(CHINA).toInstant())
			.size();
		Double share = population >= 400 ? null : Math.min(1.0, 40.0 / Math.max(1, population));
		SpotChecks.Draw draw = this.spotChecks.draw(today.minusYears(1), today.minusDays(1), share, centre);
		List<SpotChecks.SpotCheck> checks = this.spotChecks.list(city, null, null, true, Integer.MAX_VALUE)
			.stream()
			.filter(c -> c.drawId() == draw.id())
			.toList();
		Long coached = checks.stream()
			.collect(Collectors.groupingBy(SpotChecks.SpotCheck::leadUnitId, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.orElse(null);
		Map<Long, Integer> worseOf = new java.util.HashMap<>();
		int coachedCalls = 0;
		for (SpotChecks.SpotCheck check : checks.stream()
			.sorted(Comparator.comparing(SpotChecks.SpotCheck::id))
			.collect(Collectors.toMap(SpotChecks.SpotCheck::id, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new))
			.values()) {
			// The coached unit's calls hear worse two times in three, counted rather than
			// drawn (a draw of six in ten once heard only two in nine, and nothing was
			// flagged); another unit's at most once, so that only the coached unit's
			// disagreement is beyond chance.
			boolean isCoached = coached != null && check.leadUnitId() == coached;
			boolean worse = isCoached ? coachedCalls++ % 3 != 2
					: random.nextInt(12) == 0 && worseOf.merge(check.leadUnitId(), 1, Integer::sum) == 1;
			Rating own = check.ownRating() == null ? Rating.SATISFIED : check.ownRating();
			Rating heard = worse ? (random.nextBoolean() ? Rating.UNSATISFIED : Rating.VERY_UNSATISFIED) : own;
			String note = worse && isCoached ? "企业表示问题未实际解决，评价时经办人要求打满意" : worse ? "企业反映答复后无人跟进" : null;
			Instant called = check.closedAt().plus(Duration.ofDays(2 + random.nextInt(5)));
			if (called.isAfter(now.minusSeconds(60))) {
				called = now.minusSeconds(60);
			}
			this.spotChecks.record(check.id(),
					new SpotChecks.Answer(heard, !worse, note, RESPONDENTS[random.nextInt(RESPONDENTS.length)],
							random.nextInt(5) == 0 ? AnswerMethod.VISIT : AnswerMethod.PHONE, called),
					// The county centre's own cases are called by the city.
					Long.valueOf(check.leadUnitId()).equals(centre.unitId()) ? city : centre);
		}
		log.info("Demo evaluation: drew {} of {} closed cases, all called back", draw.drawn(), draw.population());
	}

}
