package org.qiqing.casework;

import java.util.Locale;

/**
 * Category names are data, written in Chinese; an optional English name is shown to
 * readers of any other language.
 */
final class CategoryNames {

	private CategoryNames() {
	}

	static String label(String name, String nameEn, Locale locale) {
		boolean chinese = locale != null && Locale.CHINESE.getLanguage().equals(locale.getLanguage());
		return chinese || nameEn == null || nameEn.isBlank() ? name : nameEn;
	}

}
