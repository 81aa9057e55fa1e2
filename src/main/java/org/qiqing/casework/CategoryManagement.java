package org.qiqing.casework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qiqing.audit.AuditAction;
import org.qiqing.audit.AuditLog;
import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Region;
import org.qiqing.organisation.Regions;
import org.qiqing.organisation.Unit;
import org.qiqing.organisation.Units;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree of case categories, their guides and limits, and their lead units by region.
 * Categories are shared by the whole platform, so, like the national calendar, they are
 * created, renamed, moved and retired only by the administrators of a top-level region
 * (the platform's own, e.g. 嘉兴市); anyone reads them, to file a case. A retired category
 * keeps its cases and history and is shown on them, but is no longer offered. The lead
 * unit of a category in a region, which pre-fills the assignment of its cases there, is
 * set by the administrators whose jurisdiction holds the region.
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

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

	private final AuditLog audit;

	private final Units units;

	private final Regions regions;

	private final MessageSource messages;

	CategoryManagement(Categories categories, Clock clock, AuditLog audit, Units units, Regions regions,
			MessageSource messages) {
		this.categories = categories;
		this.clock = clock;
		this.audit = audit;
		this.units = units;
		this.regions = regions;
		this.messages = messages;
	}

	/**
	 * What an administrator says about a category he creates or edits.
	 *
	 * @param code the lasting key of a new category, or null to have one made (C-n)
	 * @param nameEn the optional English name
	 * @param parentId the category it belongs under, or null for a top-level one
	 * @param defaultUnitId the unit that leads its cases where no region names another
	 */
	public record CategoryDetails(String code, String name, String nameEn, Long parentId, Long defaultUnitId) {
	}

	/**
	 * Adds a category under a parent that is not retired, with the parent's limits (or
	 * the defaults at the top).
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public GuidedCategory create(CategoryDetails details, Actor actor) {
		requireMayChange(actor);
		FieldErrors errors = named(details);
		String code = details.code() == null || details.code().isBlank() ? null : details.code().strip();
		if (code != null && !CODE.matcher(code).matches()) {
			errors.reject("code", text("adm.category.error.code"));
		}
		else if (code != null && this.categories.codeTaken(code)) {
			errors.reject("code", text("adm.category.error.codeTaken", code));
		}
		Optional<Category> parent = parent(errors, details.parentId());
		checkUnit(errors, details.defaultUnitId());
		errors.throwIfAny();
		long id = this.categories.create(code == null ? this.categories.nextCode() : code, details.name().strip(),
				blankToNull(details.nameEn()), details.parentId(), details.defaultUnitId(),
				parent.map(Category::resolveDays).orElse(5), this.clock.instant(), actor.username());
		log.info("category {}: created by {}", id, actor.username());
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "category", id, "created");
		return find(id);
	}

	/**
	 * Renames a category, moves it under another (never under itself or one of its own
	 * descendants) and names its default unit, naming the version he read.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public GuidedCategory update(long id, int expectedVersion, CategoryDetails details, Actor actor) {
		requireMayChange(actor);
		GuidedCategory current = find(id);
		FieldErrors errors = named(details);
		if (details.code() != null && !details.code().isBlank() && !details.code().strip().equals(current.code())) {
			errors.reject("code", text("adm.category.error.codeFixed"));
		}
		boolean moves = !java.util.Objects.equals(details.parentId(), current.parentId());
		if (moves && HelpVisit.CATEGORY_CODE.equals(current.code())) {
			errors.reject("parentId", text("adm.category.error.helpVisit"));
		}
		else if (moves && details.parentId() != null && descendantsAndSelf(id).contains(details.parentId())) {
			errors.reject("parentId", text("adm.category.error.cycle"));
		}
		else if (moves) {
			parent(errors, details.parentId());
		}
		checkUnit(errors, details.defaultUnitId());
		errors.throwIfAny();
		if (current.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, current.version());
		}
		if (!this.categories.describe(id, expectedVersion, details.name().strip(), blankToNull(details.nameEn()),
				details.parentId(), details.defaultUnitId(), this.clock.instant(), actor.username())) {
			throw new StaleVersion();
		}
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "category", id,
				moves ? "renamed and moved" : "renamed");
		return find(id);
	}

	/**
	 * Retires a category and every category under it: they keep their cases and history
	 * and are no longer offered; or restores one whose parent is not retired.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public GuidedCategory retire(long id, int expectedVersion, boolean retired, Actor actor) {
		requireMayChange(actor);
		GuidedCategory current = find(id);
		if (HelpVisit.CATEGORY_CODE.equals(current.code())) {
			throw new NotAllowed(text("adm.category.error.helpVisit"));
		}
		if (!retired && current.parentId() != null
				&& this.categories.find(current.parentId()).map(Category::retired).orElse(false)) {
			throw new NotAllowed(text("adm.category.error.parentRetired"));
		}
		if (current.version() != expectedVersion) {
			throw new StaleVersion(expectedVersion, current.version());
		}
		List<Long> below = new ArrayList<>(descendantsAndSelf(id));
		below.remove(Long.valueOf(id));
		// A restored category comes back alone: what was under it stays retired until
		// restored one by one.
		if (!this.categories.retire(id, expectedVersion, retired ? below : List.of(), retired, this.clock.instant(),
				actor.username())) {
			throw new StaleVersion();
		}
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "category", id,
				retired ? "retired" + (below.isEmpty() ? "" : " with " + below.size() + " below") : "restored");
		return find(id);
	}

	/**
	 * Names the unit that leads a category's cases in a region (and the regions below it
	 * that name none), or removes it with no unit.
	 * @throws AccessDeniedException for a region outside the administrator's jurisdiction
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void setLeadUnit(long id, String regionCode, Long unitId, Actor actor) {
		GuidedCategory category = find(id);
		Region region = this.regions.findWithin(regionCode, actor)
			.orElseThrow(() -> new AccessDeniedException("region " + regionCode + " is outside your jurisdiction"));
		if (unitId != null) {
			Unit unit = this.units.findById(unitId)
				.filter(Unit::isEnabled)
				.orElseThrow(() -> new InvalidInput("unitId", text("adm.category.error.unit")));
			// The unit works in the region, below it, or above it (a county's tax
			// bureau of a vertical system), never beside it.
			String unitPath = this.regions.find(unit.getRegionCode()).map(Region::path).orElse("");
			if (!unitPath.startsWith(region.path()) && !region.path().startsWith(unitPath)) {
				throw new InvalidInput("unitId", text("adm.category.error.unitRegion", unit.getName(), region.name()));
			}
		}
		this.categories.setLeadUnit(id, regionCode, unitId);
		this.audit.record(actor, AuditAction.ADMINISTRATION_CHANGED, "category", id,
				"lead unit in " + regionCode + (unitId == null ? " removed" : ": unit " + unitId));
		log.info("category {}: lead unit in {} set to {} by {}", category.code(), regionCode, unitId, actor.username());
	}

	/** Every category's lead units by region. */
	@Transactional(readOnly = true)
	public List<Categories.LeadUnit> leadUnits() {
		return this.categories.leadUnits();
	}

	/**
	 * The unit that should lead a case of the category in the region (given by its path):
	 * the lead unit of the nearest region up the path that names one, else the category's
	 * default unit.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> leadUnitFor(long categoryId, String regionPath) {
		List<String> nearestFirst = regionPath == null ? List.of()
				: new ArrayList<>(Arrays.stream(regionPath.split("/")).filter(code -> !code.isEmpty()).toList());
		Collections.reverse(nearestFirst);
		return this.categories.leadUnit(categoryId, nearestFirst)
			.or(() -> this.categories.find(categoryId).map(Category::defaultUnitId));
	}

	private FieldErrors named(CategoryDetails details) {
		return new FieldErrors().required("name", details.name(), 100).maxLength("nameEn", details.nameEn(), 100);
	}

	private Optional<Category> parent(FieldErrors errors, Long parentId) {
		if (parentId == null) {
			return Optional.empty();
		}
		Optional<Category> parent = this.categories.find(parentId);
		if (parent.isEmpty() || parent.get().retired() || HelpVisit.CATEGORY_CODE.equals(parent.get().code())) {
			errors.reject("parentId", text("adm.category.error.parent"));
		}
		return parent;
	}

	private void checkUnit(FieldErrors errors, Long unitId) {
		if (unitId != null && this.units.findById(unitId).filter(Unit::isEnabled).isEmpty()) {
			errors.reject("defaultUnitId", text("adm.category.error.unit"));
		}
	}

	/** The category and every category under it, by the parents of all. */
	private Set<Long> descendantsAndSelf(long id) {
		Map<Long, List<Long>> children = this.categories.all()
			.stream()
			.filter(category -> category.parentId() != null)
			.collect(Collectors.groupingBy(Category::parentId, Collectors.mapping(Category::id, Collectors.toList())));
		Set<Long> found = new HashSet<>();
		List<Long> next = new ArrayList<>(List.of(id));
		while (!next.isEmpty()) {
			Long at = next.remove(next.size() - 1);
			if (found.add(at)) {
				next.addAll(children.getOrDefault(at, List.of()));
			}
		}
		return found;
	}

	private void requireMayChange(Actor actor) {
		if (!mayChange(actor)) {
			throw new AccessDeniedException("categories are kept by the administrators of a top-level region");
		}
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
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
