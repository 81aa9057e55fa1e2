package org.qiqing.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.People;
import org.qiqing.organisation.Person;
import org.qiqing.organisation.Units;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the supervision steps do beyond the workflow: an order is written down with its
 * deadline and the unit is told, a reply answers the open orders, an urging reaches the
 * unit's people, an escalation raises the case one unit up, a written criticism reaches
 * the unit's people. Each urging, order and criticism is published as
 * {@link CaseSupervised}, for the documents module to number it. It also tells the units
 * of a new assignment, and the enterprise (or the leader) of a resolution.
 */
@Component
class SupervisionDesk {

	private final SupervisionOrders orders;

	private final CaseClocks clocks;

	private final Recipients recipients;

	private final ApplicationEventPublisher events;

	private final Units units;

	private final People people;

	private volatile Actor system;

	SupervisionDesk(SupervisionOrders orders, CaseClocks clocks, Recipients recipients,
			ApplicationEventPublisher events, Units units, People people) {
		this.orders = orders;
		this.clocks = clocks;
		this.recipients = recipients;
		this.events = events;
		this.units = units;
		this.people = people;
	}

	/** The platform itself, as the author of the steps its timers take. */
	Actor system() {
		if (this.system == null) {
			Person person = this.people.findByUsername(Party.SYSTEM_USERNAME).orElseThrow();
			this.system = new Actor(person.getId(), person.getUsername(), person.getDisplayName(), null, null, null,
					Set.of());
		}
		return this.system;
	}

	void check(Case kase, CaseAction action) {
		if (action == CaseAction.REPLY_ORDER && !this.orders.hasOpen(kase.getId())) {
			throw new NotAllowed(Text.of("error.case.noOpenOrder"));
		}
		if (action == CaseAction.ESCALATE) {
			escalationTarget(kase);
		}
	}

	/** Changes the case itself, before it is saved. */
	void apply(Case kase, CaseAction action, StepInput input, Actor actor, Instant now) {
		if (action == CaseAction.ESCALATE) {
			kase.escalateTo(escalationTarget(kase));
		}
	}

	/**
	 * Writes down and tells what the step did, once the case is saved.
	 * @param said the platform's own words of a timer's step (its note), or null
	 */
	void record(Case kase, CaseAction action, StepInput input, Actor actor, Instant now, Text said) {
		switch (action) {
			case ORDER -> {
				Instant due = this.clocks.orderReplyDue(kase, input.dueDate(), now);
				this.orders.issue(kase.getId(), kase.getLeadUnitId(), actor.personId(), now, due, input.note(), said);
				tell(kase, "order:" + kase.getEventCount(), NoticeTopic.SUPERVISION_ORDER, "order",
						said(actor, input, "notice.body.autoOrder"), this.recipients.ofUnit(kase.getLeadUnitId()));
			}
			case REPLY_ORDER -> this.orders.reply(kase.getId(), actor.personId(), now, input.note());
			case URGE -> tell(kase, "urge:" + kase.getEventCount(), NoticeTopic.URGING, "urge",
					CaseNotice.words(input.note()), this.recipients.ofUnit(kase.getLeadUnitId()));
			case ASSIGN, REASSIGN -> tell(kase, "assign:" + kase.getEventCount(), NoticeTopic.ASSIGNED, "assigned",
					Text.of("notice.body.assigned", String.valueOf(kase.getDueDate())), handlers(kase));
			case RESOLVE -> tell(kase, "resolve:" + kase.getEventCount(), NoticeTopic.RESOLVED, "resolved",
					Text.of(kase.getKind().servesEnterprise() ? "notice.body.resolvedRequest"
							: "notice.body.resolvedTask"),
					kase.getKind().servesEnterprise() ? this.recipients.ofEnterprise(kase.getEnterpriseId())
							: List.of(kase.getSubmittedBy()));
			case ESCALATE -> tell(kase, "escalate:" + kase.getEventCount(), NoticeTopic.ESCALATION, "escalated",
					said(actor, input, "notice.body.autoEscalate"), this.recipients.ofUnit(kase.getEscalatedUnitId()));
			case CRITICISE -> tell(kase, "criticise:" + kase.getEventCount(), NoticeTopic.CRITICISM, "criticised",
					Text.of("notice.body.criticised", input.note()), this.recipients.ofUnit(kase.getLeadUnitId()));
			default -> {
			}
		}
		if (CaseSupervised.isDocument(action)) {
			this.events.publishEvent(new CaseSupervised(kase.getId(), kase.getNumber(), kase.getEventCount(), action,
					actor.unitId(), kase.getLeadUnitId(), kase.getRegionCode(), kase.getState(), kase.getDueDate(),
					now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
		}
	}

	/**
	 * What a supervision step says: a person's own words as he wrote them; the platform's
	 * (a timer's automatic order or escalation) from the bundles, in each reader's
	 * language.
	 */
	private Text said(Actor actor, StepInput input, String platformsWords) {
		return actor.personId() == system().personId() ? Text.of(platformsWords) : CaseNotice.words(input.note());
	}

	/**
	 * Tells people about a case, once per key whatever happens after.
	 * @param what the kind of notice, the end of its key {@code notice.what.*}
	 */
	void tell(Case kase, String key, NoticeTopic topic, String what, Text text, List<Long> people) {
		this.events
			.publishEvent(notice(kase.getId(), kase.getNumber(), kase.getTitle(), key, topic, what, text, people));
	}

	/**
	 * Tells the notices of many cases at once (a batch of timers): the notification
	 * module stores them with a few statements rather than a few per notice.
	 */
	void tellAll(List<CaseNotice> notices) {
		if (!notices.isEmpty()) {
			this.events.publishEvent(new CaseNotices(notices));
		}
	}

	/** What {@link #tell} publishes, for {@link #tellAll}. */
	static CaseNotice notice(long caseId, String number, String title, String key, NoticeTopic topic, String what,
			Text text, List<Long> people) {
		return new CaseNotice("case:" + caseId + ":" + key, caseId, topic,
				Text.of("notice.subject", Text.of("notice.what." + what), number, title), text, "/cases/" + caseId,
				people);
	}

	/** The people of the lead unit and of the co-handling units. */
	private List<Long> handlers(Case kase) {
		List<Long> people = new java.util.ArrayList<>(this.recipients.ofUnit(kase.getLeadUnitId()));
		kase.getCoUnitIds()
			.forEach(unit -> this.recipients.ofUnit(unit)
				.stream()
				.filter(id -> !people.contains(id))
				.forEach(people::add));
		return people;
	}

	List<SupervisionOrders.Order> orders(Case kase) {
		return this.orders.of(kase.getId());
	}

	boolean hasOpenOrder(Case kase) {
		return this.orders.hasOpen(kase.getId());
	}

	boolean canEscalate(Case kase) {
		return canEscalate(kase.getLeadUnitId(), kase.getEscalatedUnitId());
	}

	/** Whether the unit that holds a case now has a unit above it. */
	boolean canEscalate(Long leadUnitId, Long escalatedUnitId) {
		Long current = escalatedUnitId != null ? escalatedUnitId : leadUnitId;
		return current != null && this.units.findById(current).map(unit -> unit.getSuperiorId() != null).orElse(false);
	}

	/**
	 * The unit above the one that holds the case now: its lead unit, or where it was
	 * raised to.
	 */
	private long escalationTarget(Case kase) {
		Long current = kase.getEscalatedUnitId() != null ? kase.getEscalatedUnitId() : kase.getLeadUnitId();
		return this.units.findById(current)
			.map(unit -> unit.getSuperiorId())
			.orElseThrow(() -> new NotAllowed(Text.of("error.case.noSuperior")));
	}

}
