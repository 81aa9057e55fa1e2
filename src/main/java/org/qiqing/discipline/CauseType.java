package org.qiqing.discipline;

/** What an accountability decision was taken for: a typed reference to its cause. */
public enum CauseType {

	/** a finding of an inspection */
	FINDING,
	/** an overdue or badly handled case */
	CASE,
	/** an assessment result (考核), recorded by its number until assessment offers it */
	ASSESSMENT,
	/** a tip (举报), recorded by its number until tips are taken on the platform */
	TIP

}
