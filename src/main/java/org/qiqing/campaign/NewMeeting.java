package org.qiqing.campaign;

import java.time.LocalDate;

/**
 * A meeting to call: its kind, the campaign it follows (optional), the organiser unit
 * (whose region is the meeting's jurisdiction), the day and who takes part.
 */
public record NewMeeting(MeetingKind kind, Long campaignId, Long organiserUnitId, LocalDate heldOn,
		String participants) {
}
