package org.qiqing.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.qiqing.organisation.Role;
import org.qiqing.platform.PlatformClock;
import org.qiqing.platform.Rows;
import org.qiqing.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What due timers do, if their cases still need them: a timer of an old limit, or of a
 * case that has moved on, fires as skipped. A batch fires together, in the transaction
 * around it: its cases are read in one query (the few columns a timer looks at, not the
 * aggregate), the people to tell are looked up once per unit, jurisdiction or enterprise,
 * and its notices are published as one {@link CaseNotices}. What takes a step of a case
 * (an automatic supervision order, an escalation) goes through the engine, a case at a
 * time, like any step.
 */
@Component
class TimerFiring {

	private static final Set<CaseState> WITH_UNIT = Set.of(CaseState.ASSIGNED, CaseState.IN_PROGRESS,
			CaseState.EXTENSION_REQUESTED, CaseState.SUSPENSION_REQUESTED, CaseState.REOPENED);

	/** What the timers of a case look at: a few columns of its row. */
	record Subject(long id, String number, String title, CaseKind kind, CaseState state, int limitCycle,
			Instant limitAt, Instant yellowAt, Instant suspendedAt, LocalDate dueDate, Long leadUnitId,
			Long escalatedUnitId, String regionPath, Long enterpriseId, int eventCount) {

		TimeState timeStateAt(Instant now) {
			return Case.timeStateAt(this.suspendedAt, this.limitAt, this.yellowAt, now);
		}

	}

	/**
	 * When the case's running limit falls due, as people read it: its due date once it
	 * has one, else (not yet accepted or assigned) the minute its limit ends in China.
	 */
	static String limitOf(Subject kase) {
		return kase.dueDate() != null ? kase.dueDate().toString()
				: LIMIT_MINUTE.format(kase.limitAt().atZone(PlatformClock.CHINA));
	}

	private static final DateTimeFormatter LIMIT_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The timers of a batch that did something, and those skipped. */
	record Fired(List<Long> fired, List<Long> skipped) {
	}

	private final CaseManagement management;

	private final SupervisionDesk desk;

	private final Recipients recipients;

	private final CaseTimers timers;

	private final JdbcClient jdbc;

	TimerFiring(CaseManagement management, SupervisionDesk desk, Recipients recipients, CaseTimers timers,
			JdbcClient jdbc) {
		this.management = management;
		this.desk = desk;
		this.recipients = recipients;
		this.timers = timers;
		this.jdbc = jdbc;
	}

	/** Fires the timers, in their order, in the current transaction. */
	Fired fire(List<CaseTimers.Due> due, Instant now) {
		if (due.isEmpty()) {
			return new Fired(List.of(), List.of());
		}
		return new Batch(due, now).fire();
	}

	private Map<Long, Subject> subjects(Set<Long> caseIds) {
		Map<Long, Subject> subjects = new HashMap<>();
		this.jdbc.sql("""
				select id, number, title, kind, state, limit_cycle as limitCycle, limit_at as limitAt,
				       yellow_at as yellowAt, suspended_at as suspendedAt, due_date as dueDate,
				       lead_unit_id as leadUnitId, escalated_unit_id as escalatedUnitId, region_path as regionPath,
				       enterprise_id as enterpriseId, event_count as eventCount
				from cases where id in (:ids)""")
			.param("ids", caseIds)
			.query(Rows.of(Subject.class))
			.list()
			.forEach(subject -> subjects.put(subject.id(), subject));
		return subjects;
	}

	/** One batch of timers under way. */
	private final class Batch {

		private final List<CaseTimers.Due> due;

		private final Instant now;

		private final Map<Long, Subject> subjects;

		private final Set<Long> superseded;

		/** Cases a step of this batch changed: their later timers look again. */
		private final Set<Long> stepped = new HashSet<>();

		private final Recipients.Memo recipients = TimerFiring.this.recipients.memo();

		private final List<CaseNotice> notices = new ArrayList<>();

		Batch(List<CaseTimers.Due> due, Instant now) {
			this.due = due;
			this.now = now;
			Set<Long> caseIds = new HashSet<>();
			due.forEach(timer -> caseIds.add(timer.caseId()));
			this.subjects = subjects(caseIds);
			this.recipients
				.readUnits(this.subjects.values().stream().map(Subject::leadUnitId).filter(Objects::nonNull).toList());
			this.superseded = TimerFiring.this.timers
				.superseded(due.stream().filter(timer -> timer.kind() == TimerKind.STAGE_REPLY).toList());
		}

		Fired fire() {
			List<Long> fired = new ArrayList<>();
			List<Long> skipped = new ArrayList<>();
			for (CaseTimers.Due timer : this.due) {
				(fire(timer) ? fired : skipped).add(timer.id());
			}
			TimerFiring.this.desk.tellAll(this.notices);
			return new Fired(fired, skipped);
		}

		/**
		 * @return whether the timer did something (false: skipped)
		 */
		private boolean fire(CaseTimers.Due due) {
			Subject kase = this.subjects.get(due.caseId());
			if (kase == null || (CaseClocks.LIMIT_TIMERS.contains(due.kind()) && due.cycle() != kase.limitCycle())) {
				return false;
			}
			TimeState state = kase.timeStateAt(this.now);
			boolean overdue = state == TimeState.RED;
			return switch (due.kind()) {
				case YELLOW -> {
					if (state != TimeState.YELLOW && state != TimeState.RED) {
						yield false;
					}
					tell(kase, due, NoticeTopic.URGING, "dueSoon", Text.of("notice.body.dueSoon", limitOf(kase)),
							responsible(kase));
					yield true;
				}
				case RED -> {
					if (!overdue) {
						yield false;
					}
					if (WITH_UNIT.contains(kase.state())) {
						step(kase, CaseAction.ORDER, Text.of("history.note.autoOrder"));
					}
					else {
						tell(kase, due, NoticeTopic.DEADLINE, "overdue", Text.of("notice.body.overdue"),
								responsible(kase));
					}
					yield true;
				}
				case OVERDUE_NOTICE -> {
					if (!overdue || kase.leadUnitId() == null) {
						yield false;
					}
					List<Long> people = new ArrayList<>(this.recipients.ofUnit(kase.leadUnitId()));
					this.recipients.leadersOf(kase.leadUnitId())
						.stream()
						.filter(id -> !people.contains(id))
						.forEach(people::add);
					tell(kase, due, NoticeTopic.OVERDUE_NOTICE, "overdueNotice",
							Text.of("notice.body.overdueNotice", String.valueOf(kase.dueDate())), people);
					yield true;
				}
				case CRITICISM -> {
					if (!overdue) {
						yield false;
					}
					tell(kase, due, NoticeTopic.CRITICISM, "criticism", Text.of("notice.body.criticism"),
							this.recipients.overseeing(kase.regionPath(), Role.SUPERVISOR));
					yield true;
				}
				case ESCALATE -> {
					// A case the workflow does not let anyone escalate now (disputed,
					// say)
					// is skipped, not retried every ten minutes for ever.
					if (!overdue || !TimerFiring.this.desk.canEscalate(kase.leadUnitId(), kase.escalatedUnitId())
							|| kase.kind().workflow().find(CaseAction.ESCALATE, kase.state()).isEmpty()) {
						yield false;
					}
					step(kase, CaseAction.ESCALATE, Text.of("history.note.autoEscalate"));
					yield true;
				}
				case CONTACT -> {
					if (!awaitsContact(kase)) {
						yield false;
					}
					tell(kase, due, NoticeTopic.URGING, "contact", Text.of("notice.body.contact"), responsible(kase));
					yield true;
				}
				case STAGE_REPLY -> {
					if (!WITH_UNIT.contains(kase.state()) || isSuperseded(due)) {
						yield false;
					}
					tell(kase, due, NoticeTopic.URGING, "stageReply", Text.of("notice.body.stageReply"),
							responsible(kase));
					yield true;
				}
				case SETTLE_DISPUTE -> {
					if (kase.state() != CaseState.DISPUTED) {
						yield false;
					}
					tell(kase, due, NoticeTopic.URGING, "dispute", Text.of("notice.body.dispute"),
							this.recipients.overseeing(kase.regionPath(), Role.DISPATCHER));
					yield true;
				}
				case RATING_INVITE -> {
					if (kase.state() != CaseState.RESOLVED || kase.enterpriseId() == null) {
						yield false;
					}
					tell(kase, due, NoticeTopic.RATING_INVITE, "rate", Text.of("notice.body.rate"),
							this.recipients.ofEnterprise(kase.enterpriseId()));
					yield true;
				}
				case CLOSE_UNRATED -> {
					// Rated, visited, reopened or sent back since: the case has moved on
					// (a reopening starts a new limit cycle, a rating closes it).
					if (kase.state() != CaseState.RESOLVED || due.cycle() != kase.limitCycle()) {
						yield false;
					}
					step(kase, CaseAction.CLOSE_UNRATED, null);
					yield true;
				}
			};
		}

		private void tell(Subject kase, CaseTimers.Due due, NoticeTopic topic, String what, Text text,
				List<Long> people) {
			String key = due.kind().name().toLowerCase() + ":" + due.cycle();
			this.notices
				.add(SupervisionDesk.notice(kase.id(), kase.number(), kase.title(), key, topic, what, text, people));
		}

		/**
		 * Takes a step of the case as the platform, then reads the case again for its
		 * later timers in this batch.
		 */
		private void step(Subject kase, CaseAction action, Text note) {
			TimerFiring.this.management.performAsSystem(kase.id(), action, note);
			this.subjects.putAll(subjects(Set.of(kase.id())));
			this.stepped.add(kase.id());
		}

		/** The people who must act on the case now: its unit's, or the dispatchers'. */
		private List<Long> responsible(Subject kase) {
			if (kase.leadUnitId() != null && WITH_UNIT.contains(kase.state())) {
				return this.recipients.ofUnit(kase.leadUnitId());
			}
			return this.recipients.overseeing(kase.regionPath(), Role.DISPATCHER);
		}

		private boolean isSuperseded(CaseTimers.Due due) {
			return this.stepped.contains(due.caseId()) ? TimerFiring.this.timers.isSuperseded(due)
					: this.superseded.contains(due.id());
		}

		/** Assigned and not contacted, or reopened and not answered since. */
		private boolean awaitsContact(Subject kase) {
			if (kase.state() == CaseState.ASSIGNED) {
				return true;
			}
			if (kase.state() != CaseState.REOPENED) {
				return false;
			}
			String last = TimerFiring.this.jdbc
				.sql("select action from case_event where case_id = :caseId and seq = :seq")
				.param("caseId", kase.id())
				.param("seq", kase.eventCount())
				.query(String.class)
				.single();
			return last.equals(CaseAction.REOPEN.name()) || last.equals(CaseAction.SEND_BACK.name())
					|| last.equals(CaseAction.RETURN_VISIT.name());
		}

	}

}
