package org.qiqing.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qiqing.campaign.CampaignViews.Campaign;
import org.qiqing.campaign.CampaignViews.Lagging;
import org.qiqing.campaign.CampaignViews.Urged;
import org.qiqing.casework.Case;
import org.qiqing.casework.CaseAction;
import org.qiqing.casework.CaseManagement;
import org.qiqing.casework.CaseState;
import org.qiqing.casework.Rectification;
import org.qiqing.casework.StepInput;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Role;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;
import org.qiqing.platform.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Urges the units behind on a campaign's checklist on the case engine, grouped: one
 * rectification item per unit and campaign ({@code campaign_urging}), urged again at most
 * once a day, whoever urges (an inspector's button or the {@link DailyUrging daily
 * round}).
 */
@Component
@Transactional
class CampaignUrging {

	/** The days a lagging unit is given to catch up, the due date of its urging case. */
	static final int CATCH_UP_DAYS = 10;

	private final JdbcClient jdbc;

	private final CampaignQueries queries;

	private final CaseManagement cases;

	private final Regions regions;

	CampaignUrging(JdbcClient jdbc, CampaignQueries queries, CaseManagement cases, Regions regions) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.cases = cases;
		this.regions = regions;
	}

	/**
	 * Urges every unit of the inspector's jurisdiction behind on the campaign's
	 * checklist, on the case engine, grouped: one rectification item per unit and
	 * campaign listing its overdue key actions, filed the first time; while it is open,
	 * urged again (the engine's URGE, which tells the unit), at most once a day; once it
	 * is closed and the unit lags again, a new item.
	 */
	public Urged urge(long campaignId, Actor actor) {
		Campaign campaign = this.queries.find(campaignId, actor)
			.orElseThrow(() -> CampaignQueries.notFound("campaign.record.campaign", campaignId));
		if (!actor.has(Role.INSPECTOR) || actor.isEnterpriseContact()) {
			throw new NotAllowed(Text.of("campaign.error.mayNotUrge"));
		}
		// One urging of a campaign at a time (a button, the daily round, another node):
		// the next reads what this one wrote and urges no unit twice on a day.
		this.jdbc.sql("select id from campaign where id = :c for update")
			.param("c", campaignId)
			.query(Long.class)
			.single();
		LocalDate today = this.queries.today();
		int filed = 0;
		int urged = 0;
		int unchanged = 0;
		for (Lagging unit : this.queries.lagging(campaignId, actor)) {
			Optional<Region> region = this.regions.find(unit.regionCode());
			if (region.isEmpty() || !actor.oversees(region.get().path())) {
				continue;
			}
			record Urging(long caseId, LocalDate urgedOn) {
			}
			Optional<Urging> previous = this.jdbc
				.sql("select case_id, urged_on from campaign_urging where campaign_id = :c and unit_id = :u")
				.param("c", campaignId)
				.param("u", unit.unitId())
				.query((rs, i) -> new Urging(rs.getLong(1), rs.getObject(2, LocalDate.class)))
				.optional();
			String body = Texts.resolve(Text.of("campaign.urging.body", unit.unitName(), campaign.title(),
					unit.overdue(), String.join(", ", unit.actions())), java.util.Locale.SIMPLIFIED_CHINESE);
			if (previous.isPresent()) {
				if (!previous.get().urgedOn().isBefore(today)) {
					unchanged++;
					continue;
				}
				Case kase = this.cases.find(previous.get().caseId(), actor);
				if (this.cases.allowedActions(kase, actor).contains(CaseAction.URGE)) {
					this.cases.perform(kase.getId(), kase.getVersion(), CaseAction.URGE, StepInput.note(body), actor);
					this.jdbc.sql("""
							update campaign_urging set urged_on = :d, times = times + 1
							where campaign_id = :c and unit_id = :u""")
						.param("d", today)
						.param("c", campaignId)
						.param("u", unit.unitId())
						.update();
					urged++;
					continue;
				}
				if (kase.getState() != CaseState.CLOSED) {
					unchanged++;
					continue;
				}
			}
			Case kase = this.cases.fileRectification(new Rectification(
					Texts.resolve(Text.of("campaign.urging.title", campaign.title()),
							java.util.Locale.SIMPLIFIED_CHINESE),
					body, unit.unitId(), today.plusDays(CATCH_UP_DAYS), List.of()), actor);
			if (previous.isPresent()) {
				this.jdbc.sql("""
						update campaign_urging set case_id = :k, urged_on = :d, times = times + 1
						where campaign_id = :c and unit_id = :u""")
					.param("k", kase.getId())
					.param("d", today)
					.param("c", campaignId)
					.param("u", unit.unitId())
					.update();
			}
			else {
				this.jdbc.sql("""
						insert into campaign_urging (campaign_id, unit_id, case_id, urged_on, times)
						values (:c, :u, :k, :d, 1)""")
					.param("c", campaignId)
					.param("u", unit.unitId())
					.param("k", kase.getId())
					.param("d", today)
					.update();
			}
			filed++;
		}
		return new Urged(filed, urged, unchanged);
	}

	/** The urging case of a unit in a campaign, if one was filed. */
	public Optional<Long> urgingCase(long campaignId, long unitId) {
		return this.jdbc.sql("select case_id from campaign_urging where campaign_id = :c and unit_id = :u")
			.param("c", campaignId)
			.param("u", unitId)
			.query(Long.class)
			.optional();
	}

}
