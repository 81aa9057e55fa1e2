package org.qiqing.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qiqing.organisation.Actor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The content of the monthly assessment bulletin (考核通报) of a frozen month, as a person
 * may read it: a title, paragraphs (the formula in force in words, the month's hash, the
 * adjustments carried in) and the league tables as rows, the first row the headings. A
 * document renderer turns it into a PDF as it stands.
 */
@Component
public class AssessmentBulletin {

	/**
	 * A bulletin's words, in the reader's language.
	 *
	 * @param number its official number (文号), given when the bulletin of the reader's
	 * jurisdiction for the month was first printed; null for a reader without a
	 * jurisdiction (a unit's own excerpt is not an issued bulletin) or a region no office
	 * serves
	 * @param issuedOn the day it was first printed (成文日期), or null with no number
	 */
	public record Content(String title, String number, LocalDate issuedOn, List<String> paragraphs,
			List<List<String>> rows) {
	}

	private final AssessmentResults results;

	private final MessageSource messages;

	private final BulletinNumbers numbers;

	AssessmentBulletin(AssessmentResults results, MessageSource messages, BulletinNumbers numbers) {
		this.results = results;
		this.messages = messages;
		this.numbers = numbers;
	}

	/** The code of the region of the reader's jurisdiction, or null. */
	public static String jurisdictionCode(Actor actor) {
		String path = actor.jurisdictionPath();
		// A path is the codes from the top down: /330400/330421/.
		return path == null ? null : path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
	}

	public Content of(Actor actor, YearMonth month, Locale locale) {
		AssessmentResults.Table units = this.results.table(actor, month, AssessmentResults.Subject.UNIT, null);
		AssessmentResults.Table regions = this.results.table(actor, month, AssessmentResults.Subject.REGION, null);
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(words("assessment.bulletin.intro", locale, month.toString(), units.lines().size(),
				regions.lines().size()));
		paragraphs.add(FormulaWords.of(units.formula(), this.messages, locale));
		paragraphs.add(words("assessment.bulletin.hash", locale, units.month().hash()));
		long adjusted = units.lines().stream().filter(l -> !l.adjusted().isEmpty()).count();
		if (adjusted > 0) {
			paragraphs.add(words("assessment.bulletin.adjusted", locale, adjusted));
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(words("assessment.column.league", locale), words("assessment.column.rank", locale),
				words("assessment.column.name", locale), words("assessment.column.score", locale),
				words("assessment.column.movement", locale)));
		for (AssessmentResults.Table table : List.of(regions, units)) {
			for (AssessmentResults.Line line : table.lines()) {
				rows.add(List.of(LeagueWords.of(line, this.messages, locale), line.rank() + "/" + line.leagueSize(),
						line.name(), line.score().toPlainString(), line.movementMark()));
			}
		}
		String region = jurisdictionCode(actor);
		BulletinNumbers.Issued issued = region == null ? null
				: this.numbers.numberOf(month, region, actor.personId()).orElse(null);
		return new Content(words("assessment.bulletin.title", locale, month.toString()),
				issued == null ? null : issued.number(), issued == null ? null : issued.issuedOn(), paragraphs, rows);
	}

	private String words(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
