package org.qiqing.casework;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The clocks of a case beyond its category's limits, in working days on the calendar of
 * the case's region ({@code qiqing.limits.*}). The defaults are those of the comparable
 * platforms (docs/time-limits.md).
 *
 * @param yellowDays a case turns yellow when this many working days or fewer remain (for
 * a limit shorter than that, when half of it is gone)
 * @param disputeRaiseDays a wrong assignment is disputed within this many working days of
 * the assignment
 * @param extensionNoticeDays an extension is asked at least this many working days before
 * the due date
 * @param maxExtensionDays an extension moves the due date by at most this many working
 * days
 * @param ratingInviteDays a resolved case not rated is invited to a rating after this
 * many working days
 * @param reopenContactDays after a bad rating, the unit contacts the enterprise within
 * this many working days
 * @param reopenFixDays and fixes the matter within this many
 * @param reRatings how many times a bad rating reopens a case
 * @param overdueNoticeDays a formal urging notice (催办通知书) goes out this many working days
 * after the due date
 * @param criticismDays still overdue this many working days after the due date, the case
 * is listed for written criticism (书面通报)
 * @param escalateDays still overdue this many working days after the due date, the case
 * is raised to the superior unit (提级)
 * @param orderReplyDays a supervision order is answered within this many working days
 * unless the supervisor says otherwise
 * @param unratedCloseDays a resolved case that nobody rates (the enterprise, or the
 * service centre on a return visit) within this many working days closes unrated (未评价)
 */
@Validated
@ConfigurationProperties("qiqing.limits")
public record TimeLimitSettings(@DefaultValue("3") @Min(0) int yellowDays,
		@DefaultValue("1") @Min(0) int disputeRaiseDays, @DefaultValue("1") @Min(0) int extensionNoticeDays,
		@DefaultValue("10") @Min(1) int maxExtensionDays, @DefaultValue("3") @Min(1) int ratingInviteDays,
		@DefaultValue("1") @Min(0) int reopenContactDays, @DefaultValue("15") @Min(1) int reopenFixDays,
		@DefaultValue("1") @Min(0) int reRatings, @DefaultValue("1") @Min(1) int overdueNoticeDays,
		@DefaultValue("5") @Min(1) int criticismDays, @DefaultValue("10") @Min(1) int escalateDays,
		@DefaultValue("2") @Min(1) int orderReplyDays, @DefaultValue("10") @Min(1) int unratedCloseDays) {

}
