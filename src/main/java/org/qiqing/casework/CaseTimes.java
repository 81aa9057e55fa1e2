package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.qiqing.calendar.WorkingCalendar;

import org.springframework.stereotype.Component;

/**
 * How a case stands in time, as people read it: its colour, its due date and the working
 * days left (or past). Pages call it as {@code @caseTimes}.
 */
@Component("caseTimes")
public class CaseTimes {

	/**
	 * @param workingDaysLeft working days until the limit's day (0: due today), negative
	 * when overdue; null when no clock runs
	 */
	public record TimeStatus(TimeState state, Instant limitAt, Integer workingDaysLeft) {

		public boolean isLate() {
			return this.state == TimeState.RED;
		}

		/** The message key that says it in words: "3 working days left", "2 past"... */
		public String key() {
			if (this.state == TimeState.SUSPENDED) {
				return "time.suspended";
			}
			if (this.workingDaysLeft == null || this.workingDaysLeft == 0) {
				return isLate() ? "time.lateToday" : "time.dueToday";
			}
			return isLate() ? "time.late" : "time.left";
		}

		public int days() {
			return this.workingDaysLeft == null ? 0 : Math.abs(this.workingDaysLeft);
		}

	}

	private final WorkingCalendar calendar;

	private final Clock clock;

	CaseTimes(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	public TimeStatus of(Case kase) {
		return of(kase.timeStateAt(this.clock.instant()), kase.getLimitAt(), kase.getRegionCode());
	}

	public TimeStatus of(TimeState state, Instant limitAt, String regionCode) {
		if (state == null || limitAt == null) {
			return new TimeStatus(state, limitAt, null);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), CHINA);
		LocalDate limitDay = LocalDate.ofInstant(limitAt, CHINA);
		int left = this.calendar.workingDaysBetween(today, limitDay, regionCode);
		return new TimeStatus(state, limitAt, state == TimeState.RED ? Math.min(left, 0) : Math.max(left, 0));
	}

	/** For list lines: the status of a line's stored colour and limit. */
	public TimeStatus of(CaseQueries.CaseLine line) {
		return of(line.timeState(), line.limitAt(), line.regionCode());
	}

}
