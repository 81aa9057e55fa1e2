package org.qiqing.assessment;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** A league in words: 部门 · 嘉善县, or 乡镇 · 嘉善县 for regions. */
public final class LeagueWords {

	private LeagueWords() {
	}

	public static String of(AssessmentResults.Line line, MessageSource messages, Locale locale) {
		String kind = line.league().substring(0, line.league().indexOf('@'));
		String key = line.subject() == AssessmentResults.Subject.UNIT ? "assessment.unitKind." + kind
				: "assessment.level." + kind;
		String words = messages.getMessage(key, null, kind, locale);
		return line.leagueName().isEmpty() ? words : words + " · " + line.leagueName();
	}

}
