package org.qiqing.casework.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.qiqing.casework.AnswerMethod;
import org.qiqing.casework.CaseKind;
import org.qiqing.casework.HelpVisit;
import org.qiqing.casework.NewAttachment;
import org.qiqing.casework.NewCase;
import org.qiqing.casework.Outcome;
import org.qiqing.casework.Priority;
import org.qiqing.casework.Rating;
import org.qiqing.casework.RatingReview;
import org.qiqing.casework.Respondent;
import org.qiqing.casework.StepInput;

/**
 * The bodies the case API accepts.
 */
final class CaseRequests {

	private CaseRequests() {
	}

	/**
	 * A case to file; a leader's assignment ({@code LEADER_ASSIGNMENT}) also names its
	 * unit, due date and priority.
	 */
	record FileCase(CaseKind kind, @NotNull Long categoryId, Long enterpriseId, @NotBlank @Size(max = 200) String title,
			@NotBlank @Size(max = 4000) String description, Long leadUnitId,
			@Size(max = 10) Set<@NotNull Long> coUnitIds, LocalDate dueDate, Priority priority) {

		NewCase toNewCase(List<NewAttachment> files) {
			return new NewCase(this.kind, this.categoryId, this.enterpriseId, this.title, this.description, files,
					this.kind == CaseKind.LEADER_ASSIGNMENT
							? new NewCase.Assignment(this.leadUnitId, this.coUnitIds, this.dueDate, this.priority)
							: null);
		}

	}

	/**
	 * A service visit to ask for: what about, where, on which day (and a second choice).
	 */
	record AskVisit(@NotBlank @Size(max = 200) String topic, @Size(max = 4000) String note,
			@NotBlank @Size(max = 300) String place, LocalDate firstDate, LocalDate secondDate) {

		NewCase toNewCase() {
			return NewCase.helpVisit(this.topic, this.note, new HelpVisit(this.place, this.firstDate, this.secondDate));
		}

	}

	/**
	 * A step. A return visit ({@code return-visit}) also says who answered for the
	 * enterprise ({@code respondentName}, {@code respondentRole}), when
	 * ({@code answeredAt}, with its offset) and how ({@code answerMethod}); a review of a
	 * bad rating ({@code review-rating}) gives the judgement ({@code review}) and the
	 * reason ({@code note}).
	 */
	record Step(@Size(max = 4000) String note, Long leadUnitId, @Size(max = 10) Set<@NotNull Long> coUnitIds,
			LocalDate dueDate, Outcome outcome, @Size(max = 4000) String answer, @Size(max = 300) String referral,
			Rating rating, @Size(max = 100) String respondentName, @Size(max = 100) String respondentRole,
			OffsetDateTime answeredAt, AnswerMethod answerMethod, RatingReview review) {

		StepInput toInput(List<NewAttachment> files) {
			Respondent respondent = this.respondentName == null && this.answeredAt == null && this.answerMethod == null
					? null : new Respondent(this.respondentName, this.respondentRole,
							this.answeredAt == null ? null : this.answeredAt.toInstant(), this.answerMethod);
			return new StepInput(this.note, this.leadUnitId, this.coUnitIds, this.dueDate, this.outcome, this.answer,
					this.referral, this.rating, files, respondent, this.review);
		}

	}

}
