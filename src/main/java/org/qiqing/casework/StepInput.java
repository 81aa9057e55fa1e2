package org.qiqing.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a person sends with a step. Which fields a step needs is said by its workflow row.
 *
 * @param respondent who answered a return visit for the enterprise, when and how
 * @param review a supervisor's judgement of a bad rating
 */
public record StepInput(String note, Long leadUnitId, Set<Long> coUnitIds, LocalDate dueDate, Outcome outcome,
		String answer, String referral, Rating rating, List<NewAttachment> attachments, Respondent respondent,
		RatingReview review) {

	public StepInput {
		coUnitIds = coUnitIds == null ? Set.of() : Set.copyOf(coUnitIds);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/** A step without a return visit or a review: most steps. */
	public StepInput(String note, Long leadUnitId, Set<Long> coUnitIds, LocalDate dueDate, Outcome outcome,
			String answer, String referral, Rating rating, List<NewAttachment> attachments) {
		this(note, leadUnitId, coUnitIds, dueDate, outcome, answer, referral, rating, attachments, null, null);
	}

	public static StepInput empty() {
		return new StepInput(null, null, null, null, null, null, null, null, null);
	}

	public static StepInput note(String note) {
		return new StepInput(note, null, null, null, null, null, null, null, null);
	}

	/** A return visit (回访): the enterprise's rating and comment, heard by the centre. */
	public static StepInput returnVisit(Rating rating, String note, Respondent respondent) {
		return new StepInput(note, null, null, null, null, null, null, rating, null, respondent, null);
	}

	/** A review of a bad rating (差评复核) with its reason. */
	public static StepInput review(RatingReview review, String reason) {
		return new StepInput(reason, null, null, null, null, null, null, null, null, null, review);
	}

	public StepInput withDueDate(LocalDate date) {
		return new StepInput(this.note, this.leadUnitId, this.coUnitIds, date, this.outcome, this.answer, this.referral,
				this.rating, this.attachments, this.respondent, this.review);
	}

	public StepInput withAttachments(List<NewAttachment> files) {
		return new StepInput(this.note, this.leadUnitId, this.coUnitIds, this.dueDate, this.outcome, this.answer,
				this.referral, this.rating, files, this.respondent, this.review);
	}

}
