package org.qiqing.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a person sends with a step. Which fields a step needs is said by its workflow row.
 */
public record StepInput(String note, Long leadUnitId, Set<Long> coUnitIds, LocalDate dueDate, Outcome outcome,
		String answer, String referral, Rating rating, List<NewAttachment> attachments) {

	public StepInput {
		coUnitIds = coUnitIds == null ? Set.of() : Set.copyOf(coUnitIds);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public static StepInput empty() {
		return new StepInput(null, null, null, null, null, null, null, null, null);
	}

	public static StepInput note(String note) {
		return new StepInput(note, null, null, null, null, null, null, null, null);
	}

	public StepInput withDueDate(LocalDate date) {
		return new StepInput(this.note, this.leadUnitId, this.coUnitIds, date, this.outcome, this.answer, this.referral,
				this.rating, this.attachments);
	}

	public StepInput withAttachments(List<NewAttachment> files) {
		return new StepInput(this.note, this.leadUnitId, this.coUnitIds, this.dueDate, this.outcome, this.answer,
				this.referral, this.rating, files);
	}

}
