package org.qiqing.casework;

/**
 * A node of the administrable tree of case categories; it names the unit that handles its
 * cases by default and the limits it gives them: working hours to accept and to contact
 * the enterprise, working days between stage replies and to resolve.
 */
public record Category(Long id, String code, String name, Long parentId, Long defaultUnitId, int resolveDays,
		int acceptHours, int contactHours, int stageReplyDays, boolean retired, String nameEn) {

	/**
	 * The name in the reader's language: the Chinese name is the category's own, the
	 * English one shown to English readers when an administrator gave it.
	 */
	public String label(java.util.Locale locale) {
		return CategoryNames.label(this.name, this.nameEn, locale);
	}

}
