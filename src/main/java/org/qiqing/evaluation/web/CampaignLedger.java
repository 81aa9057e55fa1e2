package org.qiqing.evaluation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.evaluation.Campaigns;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.Ledger;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A campaign's results as a ledger (台账, .xlsx through {@link Ledger}): a row per unit and
 * question with the invited and answered counts, the mean and the count of each score,
 * exactly as the reader may read them on the campaign's page (his units; a unit's figures
 * only from the fewest answers shown, otherwise blank). Refused (404) before the first
 * byte as the page is; each export is written to the audit log.
 */
@Component
class CampaignLedger {

	private final Campaigns campaigns;

	private final AuditLog audit;

	private final MessageSource messages;

	CampaignLedger(Campaigns campaigns, AuditLog audit, MessageSource messages) {
		this.campaigns = campaigns;
		this.audit = audit;
		this.messages = messages;
	}

	void write(long id, Actor actor, Locale locale, HttpServletResponse response) throws IOException {
		Campaigns.Results results = this.campaigns.results(id, actor);
		Campaigns.Campaign campaign = results.campaign();
		this.audit.record(actor, AuditAction.DATA_EXPORTED, "evaluation-campaign", id, campaign.title());
		List<String> header = new ArrayList<>(List.of(text("evaluation.ledger.unit", locale),
				text("evaluation.invited", locale), text("evaluation.answered", locale),
				text("evaluation.question", locale), text("evaluation.mean", locale, campaign.scale().top())));
		for (int s = campaign.scale().top(); s >= 1; s--) {
			header.add(text("evaluation.score." + campaign.scale().name() + "." + s, locale));
		}
		String name = text("evaluation.ledger.name", locale);
		Ledger.prepare(response, name + "-" + campaign.id() + "-" + LocalDate.now() + ".xlsx");
		Ledger.write(response.getOutputStream(), name, header, sink -> {
			for (Campaigns.UnitResult unit : results.units()) {
				for (Campaigns.QuestionResult question : unit.questions()) {
					List<Object> row = new ArrayList<>(
							List.of(unit.unitName(), unit.invited(), unit.answered(), question.question()));
					row.add(question.mean() == null ? null : question.mean().toString());
					for (int s = campaign.scale().top(); s >= 1; s--) {
						row.add(question.counts() == null ? null : question.counts().getOrDefault(s, 0));
					}
					sink.row(row.toArray());
				}
			}
		});
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
