package org.qiqing.organisation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.NotAllowed;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

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

	private final ServedRegions served;

	UnitManagement(Units units, Regions regions, ApplicationEventPublisher events, ServedRegions served,
			JdbcClient jdbc, MessageSource messages) {
		this.units = units;
		this.regions = regions;
		this.events = events;
		this.served = served;
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

	/**
	 * The regions the unit serves besides its own place, for an administrator of the
	 * unit's jurisdiction.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<Region> servedRegions(long id, Actor actor) {
		Unit unit = find(id);
		requireOverseen(unit, actor);
		return this.served.of(unit.getId());
	}

	/**
	 * Marks the unit as serving exactly these regions (a county tax bureau serving its
	 * county, a city bureau serving a county): the dispatchers of those regions may then
	 * assign work to it. The unit and every region lie in the administrator's
	 * jurisdiction.
	 * @return the regions it serves now
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<Region> serve(long id, Collection<String> regionCodes, Actor actor) {
		Unit unit = find(id);
		requireOverseen(unit, actor);
		FieldErrors errors = new FieldErrors();
		Set<String> codes = new TreeSet<>();
		for (String code : regionCodes == null ? List.<String>of() : regionCodes) {
			if (this.regions.findWithin(code, actor).isEmpty()) {
				errors.reject("regionCodes", Text.of("error.unit.regionNotInJurisdiction", code));
			}
			codes.add(code);
		}
		errors.throwIfAny();
		this.served.replace(unit.getId(), codes);
		this.events.publishEvent(new OrganisationChanged(actor, "unit", String.valueOf(unit.getId()),
				"serves " + (codes.isEmpty() ? "no other region" : String.join(", ", codes))));
		return this.served.of(unit.getId());
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
