package org.qiqing.organisation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final MessageSource messages;

	UnitManagement(Units units, Regions regions, ApplicationEventPublisher events, JdbcClient jdbc,
			MessageSource messages) {
		this.units = units;
		this.regions = regions;
		this.events = events;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/**
	 * A unit of the administrator's jurisdiction, to edit it.
	 * @throws NotFound for a unit outside it, as for one that does not exist
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Unit findOverseen(long id, Actor actor) {
		return this.units.findById(id)
			.filter(unit -> this.regions.findWithin(unit.getRegionCode(), actor).isPresent())
			.orElseThrow(() -> new NotFound("unit", id));
	}

	/**
	 * Disables a unit, which keeps its cases and history but is no longer offered, or
	 * restores it.
	 * @throws NotAllowed while people of the unit may still log in: move or disable them
	 * first
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Unit enable(long id, int expectedVersion, boolean enabled, Actor actor) {
		Unit unit = find(id);
		requireOverseen(unit, actor);
		if (unit.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, unit.getVersion());
		}
		if (!enabled) {
			int active = this.jdbc.sql("select count(*) from person where unit_id = :id and enabled")
				.param("id", id)
				.query(Integer.class)
				.single();
			if (active > 0) {
				throw new NotAllowed(this.messages.getMessage("adm.error.unitHasPeople", new Object[] { active },
						LocaleContextHolder.getLocale()));
			}
		}
		unit.enable(enabled);
		Unit changed = this.units.save(unit);
		this.events.publishEvent(OrganisationChanged.of(actor, "unit", id, enabled ? "restored" : "disabled"));
		return changed;
	}

	@Transactional(readOnly = true)
	public Unit find(long id) {
		return this.units.findById(id).orElseThrow(() -> new NotFound("unit", id));
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
			throw new AccessDeniedException("unit " + unit.getCode() + " is outside your jurisdiction");
		}
	}

	private void check(UnitDetails details, Unit current, Actor actor) {
		FieldErrors errors = new FieldErrors().required("name", details.name(), 200).required("kind", details.kind());
		if (current == null) {
			if (details.code() == null || !CODE.matcher(details.code()).matches()) {
				errors.reject("code", "a unit code has 1 to 40 letters, digits, '_', '.' or '-'");
			}
			else if (this.units.findByCode(details.code()).isPresent()) {
				errors.reject("code", "unit code " + details.code() + " is already used");
			}
		}
		else if (details.code() != null && !details.code().equals(current.getCode())) {
			errors.reject("code", "the code of a unit cannot change");
		}
		if (this.regions.findWithin(details.regionCode(), actor).isEmpty()) {
			errors.reject("regionCode", "no region " + details.regionCode() + " in your jurisdiction");
		}
		if (details.superiorId() != null && !reportsUpward(details.superiorId(), current)) {
			errors.reject("superiorId", "unit " + details.superiorId() + " cannot be the superior of this unit");
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
