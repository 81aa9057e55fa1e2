package org.qiqing.casework;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guides and limits of case categories. Categories are shared by the whole platform,
 * so, like the national calendar, they are changed only by the administrators of a
 * top-level region (the platform's own, e.g. 嘉兴市); anyone reads them, to file a case.
 * <p>
 * A change of limits applies to the limits computed from then on: the due dates of open
 * cases are not recomputed.
 */
@Service
@Transactional
public class CategoryManagement {

	/** The longest a category may give to resolve a case, in working days. */
	public static final int MAX_RESOLVE_DAYS = 60;

	/** The longest a category may give to accept or contact, in working hours. */
	public static final int MAX_HOURS = 200;

	private static final Logger log = LoggerFactory.getLogger(CategoryManagement.class);

	private final Categories categories;

	private final Clock clock;

	private final AuditLog audit;

	CategoryManagement(Categories categories, Clock clock, AuditLog audit) {
		this.categories = categories;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<GuidedCategory> all() {
		return this.categories.allGuided();
	}

	@Transactional(readOnly = true)
	public GuidedCategory find(long id) {
		return this.categories.findGuided(id)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.category"), id)));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<GuidedCategory> findIfAny(long id) {
		return this.categories.findGuided(id);
	}

	/**
	 * Whether the person may change categories: an administrator of a top-level region.
	 */
	public static boolean mayChange(Actor actor) {
		return actor.has(org.qiqing.organisation.Role.ADMIN) && actor.overseesTopRegion();
	}

	/**
	 * Replaces a category's guide, and the limits the change names, all or nothing.
	 * @throws NotFound for an unknown category
	 * @throws StaleVersion when the category changed since {@code expectedVersion}
	 * @throws org.qiqing.platform.InvalidInput naming every part that is too long and
	 * every limit out of range
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public GuidedCategory changeGuide(long id, int expectedVersion, GuideChange change, Actor actor) {
		if (!mayChange(actor)) {
			throw new AccessDeniedException("categories are kept by the administrators of a top-level region");
		}
		GuidedCategory current = find(id);
		CategoryGuide guide = change.guide() == null ? new CategoryGuide(null, null, null, null) : change.guide();
		FieldErrors errors = new FieldErrors().maxLength("needs", guide.needs(), CategoryGuide.MAX_LENGTH)
			.maxLength("documents", guide.documentLines(), CategoryGuide.MAX_LENGTH)
			.maxLength("process", guide.process(), CategoryGuide.MAX_LENGTH)
			.maxLength("note", guide.note(), CategoryGuide.MAX_LENGTH);
		int accept = limit(errors, "acceptHours", change.acceptHours(), current.acceptHours(), MAX_HOURS,
				Text.of("unit.workingHours"));
		int contact = limit(errors, "contactHours", change.contactHours(), current.contactHours(), MAX_HOURS,
				Text.of("unit.workingHours"));
		int resolve = limit(errors, "resolveDays", change.resolveDays(), current.resolveDays(), MAX_RESOLVE_DAYS,
				Text.of("unit.workingDays"));
		int stage = limit(errors, "stageReplyDays", change.stageReplyDays(), current.stageReplyDays(), MAX_RESOLVE_DAYS,
				Text.of("unit.workingDays"));
		errors.throwIfAny();
		if (current.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, current.version());
		}
		if (!this.categories.changeGuide(id, expectedVersion, guide, accept, contact, stage, resolve,
				this.clock.instant(), actor.username())) {
			// Changed between the read and the write.
			throw new StaleVersion();
		}
		log.info("category {}: {} changed its guide and limits", current.code(), actor.username());
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "category", id, "guide and limits");
		return find(id);
	}

	private static int limit(FieldErrors errors, String field, Integer value, int current, int max, Text unit) {
		if (value == null) {
			return current;
		}
		if (value < 1 || value > max) {
			errors.reject(field, Text.of("error.field.rangeUnit", field, max, unit, value));
		}
		return value;
	}

}
