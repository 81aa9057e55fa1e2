package org.qiqing.casework.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.qiqing.casework.AnswerMethod;
import org.qiqing.casework.RatingReview;
import org.qiqing.casework.Respondent;
import org.qiqing.platform.PlatformClock;

import org.springframework.ui.Model;

/**
 * The fields of the steps that close a case on the page (templates/cases/closing.html):
 * who answered a return visit for the enterprise, when (the page's local time, in China)
 * and how; a supervisor's judgement of a bad rating. Bound from the step form's
 * parameters of the same names.
 */
record ClosingFields(String respondentName, String respondentRole, String answeredAt, AnswerMethod answerMethod,
		RatingReview review) {

	/** Who answered, if the form said anything of it; a time that is no time is none. */
	Respondent respondent() {
		if (isBlank(this.respondentName) && isBlank(this.answeredAt) && this.answerMethod == null) {
			return null;
		}
		return new Respondent(isBlank(this.respondentName) ? null : this.respondentName.trim(),
				isBlank(this.respondentRole) ? null : this.respondentRole.trim(), answered(), this.answerMethod);
	}

	private java.time.Instant answered() {
		if (isBlank(this.answeredAt)) {
			return null;
		}
		try {
			return LocalDateTime.parse(this.answeredAt.trim()).atZone(PlatformClock.CHINA).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** What the step forms offer to choose from. */
	static void describe(Model model) {
		model.addAttribute("answerMethods", AnswerMethod.values());
		model.addAttribute("ratingReviews", RatingReview.values());
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
