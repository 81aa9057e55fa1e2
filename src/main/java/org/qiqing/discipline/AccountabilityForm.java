package org.qiqing.discipline;

import java.util.Set;

/**
 * The forms of accountability of the Party's regulations: for a person 通报, 诫勉, 组织调整或组织处理,
 * 纪律处分; for an organisation 检查, 通报, 改组.
 */
public enum AccountabilityForm {

	/** 通报 */
	NOTICE(Set.of(Subject.PERSON, Subject.ORGANISATION)),
	/** 诫勉 */
	ADMONITION(Set.of(Subject.PERSON)),
	/** 组织调整或组织处理 */
	ORGANISATIONAL_HANDLING(Set.of(Subject.PERSON)),
	/** 纪律处分 */
	DISCIPLINARY_SANCTION(Set.of(Subject.PERSON)),
	/** 检查: the organisation is ordered to make a written self-criticism */
	SELF_CRITICISM(Set.of(Subject.ORGANISATION)),
	/** 改组 */
	REORGANISATION(Set.of(Subject.ORGANISATION));

	private final Set<Subject> subjects;

	AccountabilityForm(Set<Subject> subjects) {
		this.subjects = subjects;
	}

	public boolean appliesTo(Subject subject) {
		return this.subjects.contains(subject);
	}

}
