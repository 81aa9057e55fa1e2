package org.qiqing.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.qiqing.organisation.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a due timer does, if its case still needs it: a timer of an old limit, or of a
 * case that has moved on, fires as skipped.
 */
@Component
class TimerFiring {

	private static final Set<CaseState> WITH_UNIT = Set.of(CaseState.ASSIGNED, CaseState.IN_PROGRESS,
			CaseState.EXTENSION_REQUESTED, CaseState.SUSPENSION_REQUESTED, CaseState.REOPENED);

	private final Cases cases;

	private final CaseManagement management;

	private final SupervisionDesk desk;

	private final Recipients recipients;

	private final CaseTimers timers;

	private final JdbcClient jdbc;

	TimerFiring(Cases cases, CaseManagement management, SupervisionDesk desk, Recipients recipients, CaseTimers timers,
			JdbcClient jdbc) {
		this.cases = cases;
		this.management = management;
		this.desk = desk;
		this.recipients = recipients;
		this.timers = timers;
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the timer did something (false: skipped)
	 */
	boolean fire(CaseTimers.Due due, Instant now) {
		Case kase = this.cases.findById(due.caseId()).orElse(null);
		if (kase == null || (CaseClocks.LIMIT_TIMERS.contains(due.kind()) && due.cycle() != kase.getLimitCycle())) {
			return false;
		}
		boolean overdue = kase.timeStateAt(now) == TimeState.RED;
		String key = due.kind().name().toLowerCase() + ":" + due.cycle();
		return switch (due.kind()) {
			case YELLOW -> {
				TimeState state = kase.timeStateAt(now);
				if (state != TimeState.YELLOW && state != TimeState.RED) {
					yield false;
				}
				this.desk.tell(kase, key, NoticeTopic.URGING, "即将到期", "办理时限将于 " + kase.getDueDate() + " 届满，请抓紧办理。",
						responsible(kase));
				yield true;
			}
			case RED -> {
				if (!overdue) {
					yield false;
				}
				if (WITH_UNIT.contains(kase.getState())) {
					this.management.performAsSystem(kase.getId(), CaseAction.ORDER, "已超过办理时限，系统自动督办：请说明办理进展和完成时间。");
				}
				else {
					this.desk.tell(kase, key, NoticeTopic.DEADLINE, "已超期", "案件已超过受理时限，请尽快受理分拨。", responsible(kase));
				}
				yield true;
			}
			case OVERDUE_NOTICE -> {
				if (!overdue || kase.getLeadUnitId() == null) {
					yield false;
				}
				List<Long> people = new ArrayList<>(this.recipients.ofUnit(kase.getLeadUnitId()));
				this.recipients.leadersOf(kase.getLeadUnitId())
					.stream()
					.filter(id -> !people.contains(id))
					.forEach(people::add);
				this.desk.tell(kase, key, NoticeTopic.OVERDUE_NOTICE, "催办通知书",
						"案件已于 " + kase.getDueDate() + " 超过办理时限。请分管领导督促，立即办理并报告进展。", people);
				yield true;
			}
			case CRITICISM -> {
				if (!overdue) {
					yield false;
				}
				this.desk.tell(kase, key, NoticeTopic.CRITICISM, "列入书面通报", "案件持续超期，已列入督查通报。",
						this.recipients.overseeing(kase.getRegionPath(), Role.SUPERVISOR));
				yield true;
			}
			case ESCALATE -> {
				// A case the workflow does not let anyone escalate now (disputed, say) is
				// skipped, not retried every ten minutes for ever.
				if (!overdue || !this.desk.canEscalate(kase)
						|| kase.getKind().workflow().find(CaseAction.ESCALATE, kase.getState()).isEmpty()) {
					yield false;
				}
				this.management.performAsSystem(kase.getId(), CaseAction.ESCALATE, "持续超期，自动提级至上级单位督办。");
				yield true;
			}
			case CONTACT -> {
				if (!awaitsContact(kase)) {
					yield false;
				}
				this.desk.tell(kase, key, NoticeTopic.URGING, "请联系企业", "已超过首次联系时限，请尽快与企业联系。", responsible(kase));
				yield true;
			}
			case STAGE_REPLY -> {
				if (!WITH_UNIT.contains(kase.getState()) || this.timers.isSuperseded(due)) {
					yield false;
				}
				this.desk.tell(kase, key, NoticeTopic.URGING, "阶段性答复", "已到阶段性答复时间，请向企业反馈办理进展。", responsible(kase));
				yield true;
			}
			case SETTLE_DISPUTE -> {
				if (kase.getState() != CaseState.DISPUTED) {
					yield false;
				}
				this.desk.tell(kase, key, NoticeTopic.URGING, "交办异议待处理", "承办单位对交办提出异议，请当日处理。",
						this.recipients.overseeing(kase.getRegionPath(), Role.DISPATCHER));
				yield true;
			}
			case RATING_INVITE -> {
				if (kase.getState() != CaseState.RESOLVED || kase.getEnterpriseId() == null) {
					yield false;
				}
				this.desk.tell(kase, key, NoticeTopic.RATING_INVITE, "请评价", "您的诉求已办结，请对办理结果进行评价。",
						this.recipients.ofEnterprise(kase.getEnterpriseId()));
				yield true;
			}
		};
	}

	/** The people who must act on the case now: its unit's, or the dispatchers'. */
	private List<Long> responsible(Case kase) {
		if (kase.getLeadUnitId() != null && WITH_UNIT.contains(kase.getState())) {
			return this.recipients.ofUnit(kase.getLeadUnitId());
		}
		return this.recipients.overseeing(kase.getRegionPath(), Role.DISPATCHER);
	}

	/** Assigned and not contacted, or reopened and not answered since. */
	private boolean awaitsContact(Case kase) {
		if (kase.getState() == CaseState.ASSIGNED) {
			return true;
		}
		if (kase.getState() != CaseState.REOPENED) {
			return false;
		}
		String last = this.jdbc.sql("select action from case_event where case_id = :caseId and seq = :seq")
			.param("caseId", kase.getId())
			.param("seq", kase.getEventCount())
			.query(String.class)
			.single();
		return last.equals(CaseAction.REOPEN.name()) || last.equals(CaseAction.SEND_BACK.name());
	}

}
