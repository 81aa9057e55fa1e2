package org.qiqing.casework;

/**
 * How the service centre heard the enterprise's answer on a return visit (回访).
 */
public enum AnswerMethod {

	PHONE, VISIT, OTHER

}
