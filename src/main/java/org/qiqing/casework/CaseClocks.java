package org.qiqing.casework;

import static org.qiqing.platform.PlatformClock.CHINA;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qiqing.calendar.WorkingCalendar;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The clocks of a case on the working-day calendar of its region: which limit its state
 * runs against, when it turns yellow, and the timers that urge, order, list and escalate
 * it when that limit comes near or passes.
 */
@Component
@EnableConfigurationProperties(TimeLimitSettings.class)
class CaseClocks {

	/** The timers a limit sets, which fire for nothing once the limit has changed. */
	static final List<TimerKind> LIMIT_TIMERS = List.of(TimerKind.YELLOW, TimerKind.RED, TimerKind.OVERDUE_NOTICE,
			TimerKind.CRITICISM, TimerKind.ESCALATE, TimerKind.CONTACT);

	private final WorkingCalendar calendar;

	private final TimeLimitSettings settings;

	private final Categories categories;

	CaseClocks(WorkingCalendar calendar, TimeLimitSettings settings, Categories categories) {
		this.calendar = calendar;
		this.settings = settings;
		this.categories = categories;
	}

	/** The due date the case's category gives it when it is assigned at {@code now}. */
	LocalDate defaultDueDate(Case kase, Instant now) {
		return day(this.calendar.endOfWorkingDay(now, category(kase).resolveDays(), kase.getRegionCode()));
	}

	/**
	 * Checks what a step asks of time before it is taken: a due date a dispatcher sets
	 * may shorten the category's limit, not lengthen it (a leader sets his own); an
	 * extension is asked early enough and within the maximum; a dispute is raised soon
	 * after the assignment.
	 */
	void check(Case kase, CaseAction action, StepInput input, Instant now) {
		String region = kase.getRegionCode();
		LocalDate today = day(now);
		switch (action) {
			case ASSIGN, REASSIGN -> {
				if (!kase.getKind().servesEnterprise()) {
					return;
				}
				LocalDate latest = defaultDueDate(kase, now);
				if (input.dueDate() != null && input.dueDate().isAfter(latest)) {
					throw new InvalidInput("dueDate",
							Text.of("error.case.dueDateLatest", category(kase).resolveDays(), latest));
				}
			}
			case REQUEST_EXTENSION -> {
				if (kase.getDueDate() != null && this.calendar.workingDaysBetween(today, kase.getDueDate(),
						region) < this.settings.extensionNoticeDays()) {
					throw new InvalidInput("dueDate",
							Text.of("error.case.extensionNotice", this.settings.extensionNoticeDays()));
				}
				if (kase.getDueDate() != null && input.dueDate() != null
						&& this.calendar.workingDaysBetween(kase.getDueDate(), input.dueDate(), region) > this.settings
							.maxExtensionDays()) {
					throw new InvalidInput("dueDate",
							Text.of("error.case.extensionMax", this.settings.maxExtensionDays()));
				}
			}
			case DISPUTE -> {
				if (kase.getAssignedAt() != null && now.isAfter(this.calendar.endOfWorkingDay(kase.getAssignedAt(),
						this.settings.disputeRaiseDays(), region))) {
					throw new InvalidInput("note", Text.of("error.case.disputeLate", this.settings.disputeRaiseDays()));
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Moves the case's clock after a step and plans the timers it sets. Timers it makes
	 * pointless are not deleted (that would contend with a sweep holding them): they fire
	 * as skipped, their limit cycle being past or their case having moved on.
	 * @return the timers to set once the case is saved
	 */
	List<Timer> follow(Case kase, CaseAction action, Instant now) {
		String region = kase.getRegionCode();
		return switch (action) {
			case SUBMIT -> {
				Instant limit = this.calendar.addWorkingHours(now, Duration.ofHours(category(kase).acceptHours()),
						region);
				yield run(kase, limit, now, List.of());
			}
			case ASSIGN, REASSIGN -> run(kase, endOf(kase.getDueDate(), region), now, List.of(timer(TimerKind.CONTACT,
					this.calendar.addWorkingHours(now, Duration.ofHours(category(kase).contactHours()), region))));
			case APPROVE_EXTENSION -> run(kase, endOf(kase.getDueDate(), region), now, List.of());
			case REOPEN, SEND_BACK -> reopen(kase, now);
			case RETURN_VISIT -> {
				if (kase.getState() == CaseState.REOPENED) {
					yield reopen(kase, now);
				}
				kase.stopClock();
				yield List.of();
			}
			case APPROVE_SUSPENSION -> {
				kase.suspendClock(now);
				yield List.of();
			}
			case RESUME -> {
				Duration left = this.calendar.workingTimeBetween(kase.getSuspendedAt(), kase.getLimitAt(), region);
				Instant limit = this.calendar.addWorkingHours(now, left.isNegative() ? Duration.ZERO : left, region);
				kase.commitTo(day(limit));
				yield run(kase, limit, now, List.of(stageReply(kase, now)));
			}
			case CONTACT, STAGE_REPLY -> List.of(stageReply(kase, now));
			case DISPUTE -> List.of(timer(TimerKind.SETTLE_DISPUTE, this.calendar.endOfWorkingDay(now, 0, region),
					kase.getEventCount()));
			case RESOLVE -> {
				kase.stopClock();
				if (!kase.getKind().servesEnterprise()) {
					yield List.of();
				}
				// The unrated close belongs to this resolution's limit cycle: a rating, a
				// return visit or a reopening moves the case on, and it fires as skipped.
				yield List.of(
						timer(TimerKind.RATING_INVITE,
								this.calendar.endOfWorkingDay(now, this.settings.ratingInviteDays(), region),
								kase.getEventCount()),
						timer(TimerKind.CLOSE_UNRATED,
								this.calendar.endOfWorkingDay(now, this.settings.unratedCloseDays(), region),
								kase.getLimitCycle()));
			}
			case DECLINE, WITHDRAW, RATE, CONFIRM, CLOSE_UNRATED -> {
				kase.stopClock();
				yield List.of();
			}
			default -> List.of();
		};
	}

	/**
	 * A bad rating or a supervisor sends the case back to its unit: a new limit to fix it
	 * and to contact the enterprise first.
	 */
	private List<Timer> reopen(Case kase, Instant now) {
		String region = kase.getRegionCode();
		kase.commitTo(day(this.calendar.endOfWorkingDay(now, this.settings.reopenFixDays(), region)));
		return run(kase, endOf(kase.getDueDate(), region), now, List.of(timer(TimerKind.CONTACT,
				this.calendar.endOfWorkingDay(now, this.settings.reopenContactDays(), region))));
	}

	/** Whether a bad rating may still reopen the case, or closes it. */
	boolean badRatingReopens(Case kase) {
		return kase.getReopenCount() < this.settings.reRatings();
	}

	/**
	 * The deadline of a supervision order issued now, unless the supervisor gives one.
	 */
	Instant orderReplyDue(Case kase, LocalDate requested, Instant now) {
		if (requested != null) {
			if (requested.isBefore(day(now))) {
				throw new InvalidInput("dueDate", Text.of("error.date.past", requested));
			}
			return endOf(requested, kase.getRegionCode());
		}
		return this.calendar.endOfWorkingDay(now, this.settings.orderReplyDays(), kase.getRegionCode());
	}

	/**
	 * Runs the clock against a new limit and sets its timers: yellow, red (an automatic
	 * supervision order), the formal urging notice, the listing for written criticism and
	 * the escalation.
	 */
	private List<Timer> run(Case kase, Instant limit, Instant now, List<Timer> more) {
		String region = kase.getRegionCode();
		kase.runClock(limit, yellowAt(now, limit, region), now);
		int cycle = kase.getLimitCycle();
		List<Timer> timers = new ArrayList<>();
		timers.add(new Timer(TimerKind.YELLOW, cycle, kase.getYellowAt()));
		timers.add(new Timer(TimerKind.RED, cycle, limit));
		if (kase.getState() != CaseState.SUBMITTED) {
			Instant noticeDay = this.calendar.endOfWorkingDay(limit, this.settings.overdueNoticeDays() - 1, region);
			timers.add(new Timer(TimerKind.OVERDUE_NOTICE, cycle,
					this.calendar.addWorkingHours(noticeDay, Duration.ofMinutes(1), region)));
			timers.add(new Timer(TimerKind.CRITICISM, cycle,
					this.calendar.endOfWorkingDay(limit, this.settings.criticismDays(), region)));
			timers.add(new Timer(TimerKind.ESCALATE, cycle,
					this.calendar.endOfWorkingDay(limit, this.settings.escalateDays(), region)));
		}
		more.forEach(timer -> timers.add(new Timer(timer.kind(),
				timer.kind() == TimerKind.STAGE_REPLY ? timer.cycle() : cycle, timer.fireAt())));
		return timers;
	}

	/**
	 * A case turns yellow when {@code yellowDays} working days or fewer remain; a limit
	 * shorter than that turns yellow when half of it is gone.
	 */
	private Instant yellowAt(Instant start, Instant limit, String region) {
		Instant threshold = this.calendar.minusWorkingDays(limit, this.settings.yellowDays(), region);
		if (!threshold.isBefore(start)) {
			return threshold;
		}
		Duration whole = this.calendar.workingTimeBetween(start, limit, region);
		return this.calendar.addWorkingHours(start, whole.dividedBy(2), region);
	}

	private Timer stageReply(Case kase, Instant now) {
		return timer(TimerKind.STAGE_REPLY,
				this.calendar.endOfWorkingDay(now, category(kase).stageReplyDays(), kase.getRegionCode()),
				kase.getEventCount());
	}

	private static Timer timer(TimerKind kind, Instant at) {
		return new Timer(kind, 0, at);
	}

	private static Timer timer(TimerKind kind, Instant at, int cycle) {
		return new Timer(kind, cycle, at);
	}

	private Instant endOf(LocalDate day, String region) {
		return this.calendar.endOfWorkingDay(day.atStartOfDay(CHINA).toInstant(), 0, region);
	}

	private Category category(Case kase) {
		return this.categories.find(kase.getCategoryId()).orElseThrow();
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, CHINA);
	}

}
