package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.qiqing.calendar.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * Whether a step came within its limit, and how long a case took, as the statistics count
 * them: one function of a case's facts, the working-day calendar and its category's
 * limits, used both when a step is published and when {@link CaseHistories} replays a
 * history, so the live count and the rebuilt one agree (as long as the calendar and the
 * category's limits were not edited in between: a rebuild counts against those in force).
 */
@Component
class StepTimes {

	private final WorkingCalendar calendar;

	private final Categories categories;

	StepTimes(WorkingCalendar calendar, Categories categories) {
		this.calendar = calendar;
		this.categories = categories;
	}

	/**
	 * ACCEPT within the category's acceptance hours of filing; CONTACT within its contact
	 * hours of the (latest) assignment; RESOLVE on or before the due date. Null for the
	 * other steps.
	 */
	Boolean withinLimit(CaseAction action, Instant at, Instant filedAt, Instant assignedAt, LocalDate dueDate,
			Long categoryId, String regionCode) {
		return switch (action) {
			case ACCEPT -> category(categoryId) == null ? null : !at.isAfter(this.calendar.addWorkingHours(filedAt,
					Duration.ofHours(category(categoryId).acceptHours()), regionCode));
			case CONTACT -> category(categoryId) == null || assignedAt == null ? null : !at.isAfter(this.calendar
				.addWorkingHours(assignedAt, Duration.ofHours(category(categoryId).contactHours()), regionCode));
			case RESOLVE -> dueDate == null || !day(at).isAfter(dueDate);
			default -> null;
		};
	}

	/** For RESOLVE: the working days from the day of filing to the day of resolution. */
	Integer workingDays(CaseAction action, Instant at, Instant filedAt, String regionCode) {
		if (action != CaseAction.RESOLVE) {
			return null;
		}
		return Math.max(0, this.calendar.workingDaysBetween(day(filedAt), day(at), regionCode));
	}

	private Category category(Long id) {
		return id == null ? null : this.categories.find(id).orElse(null);
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, CHINA);
	}

}
