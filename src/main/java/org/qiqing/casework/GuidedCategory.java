package org.qiqing.casework;

import java.time.Instant;

/**
 * A category as its administrators and the filing form see it: its default unit, its
 * limits, its guide, the version an update must name, and who last changed it.
 */
public record GuidedCategory(long id, String code, String name, Long parentId, Long defaultUnitId, int acceptHours,
		int contactHours, int stageReplyDays, int resolveDays, int version, CategoryGuide guide, Instant updatedAt,
		String updatedBy, boolean retired, String nameEn) {

	/** The name in the reader's language (see {@link Category#label}). */
	public String label(java.util.Locale locale) {
		return CategoryNames.label(this.name, this.nameEn, locale);
	}

}
