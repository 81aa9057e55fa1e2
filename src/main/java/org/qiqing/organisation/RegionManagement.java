package org.qiqing.organisation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration of regions: an administrator adds and renames the regions of his
 * jurisdiction. A region never moves to another parent, since paths derive from it.
 */
@Service
@Transactional
public class RegionManagement {

	/**
	 * National division codes: 6 digits down to counties, 9 for towns, 12 for villages.
	 */
	private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

	public record Saved(Region region, boolean created) {
	}

	private final Regions regions;

	private final ApplicationEventPublisher events;

	RegionManagement(Regions regions, ApplicationEventPublisher events) {
		this.regions = regions;
		this.events = events;
	}

	/** The regions of a person's jurisdiction, each after its parent. */
	@Transactional(readOnly = true)
	public List<Region> within(Actor actor) {
		return actor.jurisdictionPattern() == null ? List.of() : this.regions.within(actor.jurisdictionPattern());
	}

	/** Adds a region under a parent of the jurisdiction, or renames one of it. */
	@PreAuthorize("hasRole('ADMIN')")
	public Saved save(String code, String name, RegionLevel level, String parentCode, Actor actor) {
		Optional<Region> existing = this.regions.find(code);
		if (existing.isPresent() && !actor.oversees(existing.get().path())) {
			throw new AccessDeniedException(Text.of("error.region.outside", code).resolve());
		}
		FieldErrors errors = new FieldErrors().required("name", name, 100).required("level", level);
		if (!CODE.matcher(code).matches()) {
			errors.reject("code", Text.of("error.region.code"));
		}
		if (existing.isPresent()) {
			if (parentCode != null && !parentCode.equals(existing.get().parentCode())) {
				errors.reject("parentCode", Text.of("error.region.parentFixed"));
			}
		}
		else if (this.regions.findWithin(parentCode, actor).isEmpty()) {
			errors.reject("parentCode", Text.of("error.region.parent"));
		}
		errors.throwIfAny();
		String parent = existing.map(Region::parentCode).orElse(parentCode);
		Region region = this.regions.save(code, name.strip(), level, parent);
		this.events.publishEvent(existing.isEmpty() ? OrganisationChanged.created(actor, "region", code)
				: OrganisationChanged.changed(actor, "region", code));
		return new Saved(region, existing.isEmpty());
	}

}
