package org.qiqing.campaign;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qiqing.campaign.CampaignViews.Urged;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Role;
import org.qiqing.platform.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily round of the running campaigns (begun, not ended): the units behind on each
 * checklist are urged as an inspector's button urges them ({@link CampaignUrging}), by
 * the platform as the inspector of the campaign's jurisdiction, so an overdue unit is
 * urged like any case, at most once a day whoever urges. Each campaign in its own
 * transaction: one that fails is logged and the round goes on.
 */
@Component
class DailyUrging {

	private static final Logger log = LoggerFactory.getLogger(DailyUrging.class);

	/** The platform's own person (V9), the author of the steps its timers take. */
	static final String PLATFORM = "system";

	private final CampaignUrging urging;

	private final CampaignQueries queries;

	private final JdbcClient jdbc;

	private final People people;

	DailyUrging(CampaignUrging urging, CampaignQueries queries, JdbcClient jdbc, People people) {
		this.urging = urging;
		this.queries = queries;
		this.jdbc = jdbc;
		this.people = people;
	}

	/**
	 * Urges the lagging units of every running campaign.
	 * @return what was done, by campaign
	 */
	Map<Long, Urged> urgeRunningCampaigns() {
		record Running(long id, long organiserUnitId, String regionPath) {
		}
		List<Running> running = this.jdbc.sql("""
				select id, organiser_unit_id, region_path from campaign
				where starts_on <= :today and ends_on >= :today order by id""")
			.param("today", this.queries.today())
			.query((rs, i) -> new Running(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
		Person platform = this.people.findByUsername(PLATFORM).orElseThrow();
		Map<Long, Urged> urged = new LinkedHashMap<>();
		for (Running campaign : running) {
			Actor inspector = new Actor(platform.getId(), platform.getUsername(), platform.getDisplayName(),
					campaign.organiserUnitId(), null, campaign.regionPath(), Set.of(Role.INSPECTOR));
			try {
				urged.put(campaign.id(), this.urging.urge(campaign.id(), inspector));
			}
			catch (RuntimeException ex) {
				log.warn("Could not urge the lagging units of campaign {}", campaign.id(), ex);
			}
		}
		return urged;
	}

	/**
	 * Runs the round every day ({@code qiqing.campaign.urging-cron}, 9:00 in China) on
	 * the node that takes the lease ({@code campaign_lease}). Tests run it when they
	 * choose.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "qiqing.campaign.urging.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		/** Far longer than a round, a few statements per lagging unit. */
		private static final Duration LEASE = Duration.ofMinutes(30);

		private final DailyUrging round;

		private final Lease lease;

		Schedule(DailyUrging round, JdbcClient jdbc) {
			this.round = round;
			this.lease = new Lease(jdbc, "campaign_lease", "urging", LEASE);
		}

		@Scheduled(cron = "${qiqing.campaign.urging-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
		void urge() {
			if (!this.lease.take()) {
				return;
			}
			try {
				Map<Long, Urged> urged = this.round.urgeRunningCampaigns();
				log.info("Urged the lagging units of {} running campaigns: {}", urged.size(), urged);
			}
			finally {
				this.lease.release();
			}
		}

	}

}
