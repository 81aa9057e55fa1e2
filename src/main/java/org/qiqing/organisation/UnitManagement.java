package org.qiqing.organisation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration of units: an administrator creates and changes the units of his
 * jurisdiction. Anyone may read them, to pick a handling unit.
 */
@Service
@Transactional
public class UnitManagement {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

	private final Units units;

	private final Regions regions;

	private final ApplicationEventPublisher events;

	UnitManagement(Units units, Regions regions, ApplicationEventPublisher events) {
		this.units = units;
		this.regions = regions;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Unit find(long id) {
		return this.units.findById(id)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.unit"), id)));
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Unit create(UnitDetails details, Actor actor) {
		check(details, null, actor);
		Unit created = this.units.save(new Unit(details.code(), details.name().strip(), details.kind(),
				details.regionCode(), details.superiorId()));
		this.events.publishEvent(OrganisationChanged.created(actor, "unit", created.getId()));
		return created;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Unit update(long id, int expectedVersion, UnitDetails details, Actor actor) {
		Unit unit = find(id);
		requireOverseen(unit, actor);
		if (unit.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, unit.getVersion());
		}
		return change(unit, details, actor);
	}

	/**
	 * Creates the unit with the code, or changes the one that has it (an import, which
	 * overwrites without versions).
	 * @return whether it created the unit
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public boolean createOrUpdate(UnitDetails details, Actor actor) {
		Optional<Unit> existing = details.code() == null ? Optional.empty() : this.units.findByCode(details.code());
		if (existing.isEmpty()) {
			create(details, actor);
			return true;
		}
		requireOverseen(existing.get(), actor);
		change(existing.get(), details, actor);
		return false;
	}

	private Unit change(Unit unit, UnitDetails details, Actor actor) {
		check(details, unit, actor);
		unit.update(details.name().strip(), details.kind(), details.regionCode(), details.superiorId());
		Unit changed = this.units.save(unit);
		this.events.publishEvent(OrganisationChanged.changed(actor, "unit", changed.getId()));
		return changed;
	}

	private void requireOverseen(Unit unit, Actor actor) {
		if (this.regions.findWithin(unit.getRegionCode(), actor).isEmpty()) {
			throw new AccessDeniedException(Text.of("error.unit.outside", unit.getCode()).resolve());
		}
	}

	private void check(UnitDetails details, Unit current, Actor actor) {
		FieldErrors errors = new FieldErrors().required("name", details.name(), 200).required("kind", details.kind());
		if (current == null) {
			if (details.code() == null || !CODE.matcher(details.code()).matches()) {
				errors.reject("code", Text.of("error.unit.code"));
			}
			else if (this.units.findByCode(details.code()).isPresent()) {
				errors.reject("code", Text.of("error.unit.codeTaken", details.code()));
			}
		}
		else if (details.code() != null && !details.code().equals(current.getCode())) {
			errors.reject("code", Text.of("error.unit.codeFixed"));
		}
		if (this.regions.findWithin(details.regionCode(), actor).isEmpty()) {
			errors.reject("regionCode", Text.of("error.region.notInJurisdiction", details.regionCode()));
		}
		if (details.superiorId() != null && !reportsUpward(details.superiorId(), current)) {
			errors.reject("superiorId", Text.of("error.unit.superior", details.superiorId()));
		}
		errors.throwIfAny();
	}

	/**
	 * Whether a superior exists and, up its chain, does not report to the unit itself.
	 */
	private boolean reportsUpward(long superiorId, Unit unit) {
		if (!this.units.existsById(superiorId)) {
			return false;
		}
		Set<Long> seen = new HashSet<>();
		for (Long id = superiorId; unit != null && id != null
				&& seen.add(id); id = this.units.findById(id).map(Unit::getSuperiorId).orElse(null)) {
			if (id.equals(unit.getId())) {
				return false;
			}
		}
		return true;
	}

}
