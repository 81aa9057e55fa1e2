package org.qiqing.discipline;

/**
 * A kind of problem a finding is typed by: one of the five 不严不实 kinds (family
 * {@code BUYANSHISHI}) or the four 四风 kinds ({@code SIFENG}), or one an administrator
 * added.
 */
public record ProblemKind(long id, String family, String code, String name, String nameEn, int position,
		boolean retired) {

	/** Its name in a language: English where there is one and it is asked for. */
	public String nameIn(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) && this.nameEn != null ? this.nameEn : this.name;
	}

}
