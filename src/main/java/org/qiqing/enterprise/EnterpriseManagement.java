package org.qiqing.enterprise;

import java.util.LinkedHashSet;
import java.util.function.Predicate;

import org.qiqing.organisation.Actor;
import org.qiqing.organisation.Regions;
import org.qiqing.platform.FieldErrors;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.StaleVersion;
import org.qiqing.platform.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keeping of the registry: administrators and dispatchers register and change the
 * enterprises of their jurisdiction.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
public class EnterpriseManagement {

	private final Enterprises enterprises;

	private final EnterpriseDirectory directory;

	private final Regions regions;

	EnterpriseManagement(Enterprises enterprises, EnterpriseDirectory directory, Regions regions) {
		this.enterprises = enterprises;
		this.directory = directory;
		this.regions = regions;
	}

	public Enterprise register(EnterpriseDetails details, Actor actor) {
		String creditCode = CreditCode.normalize(details.creditCode());
		check(details, creditCode, null, actor);
		return this.enterprises
			.save(describe(new Enterprise(creditCode, details.name(), details.regionCode()), details));
	}

	public Enterprise update(long id, int expectedVersion, EnterpriseDetails details, Actor actor) {
		Enterprise enterprise = this.directory.findVisible(id, actor)
			.orElseThrow(() -> new NotFound(Text.of("error.record.notFound", Text.of("record.enterprise"), id)));
		requireOverseen(enterprise, actor);
		if (enterprise.getVersion() != expectedVersion) {
			throw new StaleVersion(expectedVersion, enterprise.getVersion());
		}
		return change(enterprise, details, actor);
	}

	private Enterprise change(Enterprise enterprise, EnterpriseDetails details, Actor actor) {
		check(details, CreditCode.normalize(details.creditCode()), enterprise, actor);
		return this.enterprises.save(describe(enterprise, details));
	}

	private static Enterprise describe(Enterprise enterprise, EnterpriseDetails details) {
		return enterprise
			.describe(details.name().strip(), details.regionCode(), details.industry(), details.address(),
					details.scale(), new LinkedHashSet<>(details.tags()))
			.contact(details.contactName(), details.contactPhone(), details.contactEmail());
	}

	private void requireOverseen(Enterprise enterprise, Actor actor) {
		if (this.regions.findWithin(enterprise.getRegionCode(), actor).isEmpty()) {
			// Says nothing of the enterprise: the caller may not see it.
			throw new AccessDeniedException(Text.of("error.enterprise.outside").resolve());
		}
	}

	private void check(EnterpriseDetails details, String creditCode, Enterprise current, Actor actor) {
		FieldErrors errors = lengths(details);
		if (current == null) {
			if (!CreditCode.isValid(creditCode)) {
				rejectCreditCode(errors, details);
			}
			else if (this.enterprises.findByCreditCode(creditCode).isPresent()) {
				errors.reject("creditCode", Text.of("error.enterprise.duplicate", creditCode));
			}
		}
		else if (creditCode != null && !creditCode.equals(current.getCreditCode())) {
			errors.reject("creditCode", Text.of("error.enterprise.codeFixed"));
		}
		regionAndTags(errors, details, code -> this.regions.findWithin(code, actor).isPresent());
		errors.throwIfAny();
	}

	/**
	 * The rules of what is said about an enterprise that need no database, for an import
	 * that checks many rows at once.
	 * @param withinJurisdiction whether a region code lies in the importer's jurisdiction
	 */
	static FieldErrors check(EnterpriseDetails details, Predicate<String> withinJurisdiction) {
		FieldErrors errors = lengths(details);
		if (!CreditCode.isValid(CreditCode.normalize(details.creditCode()))) {
			rejectCreditCode(errors, details);
		}
		regionAndTags(errors, details, withinJurisdiction);
		return errors;
	}

	private static FieldErrors lengths(EnterpriseDetails details) {
		return new FieldErrors().required("name", details.name(), 200)
			.maxLength("industry", details.industry(), 100)
			.maxLength("address", details.address(), 300)
			.maxLength("contactName", details.contactName(), 100)
			.maxLength("contactPhone", details.contactPhone(), 30)
			.maxLength("contactEmail", details.contactEmail(), 200)
			.maxLength("tags", String.join(",", details.tags()), 500);
	}

	private static void rejectCreditCode(FieldErrors errors, EnterpriseDetails details) {
		errors.reject("creditCode", Text.of("error.creditCode.format", details.creditCode()));
	}

	private static void regionAndTags(FieldErrors errors, EnterpriseDetails details,
			Predicate<String> withinJurisdiction) {
		if (details.regionCode() == null || !withinJurisdiction.test(details.regionCode())) {
			errors.reject("regionCode", Text.of("error.region.notInJurisdiction", details.regionCode()));
		}
		if (details.tags().stream().anyMatch(tag -> tag.contains(","))) {
			errors.reject("tags", Text.of("error.enterprise.tagComma"));
		}
	}

}
