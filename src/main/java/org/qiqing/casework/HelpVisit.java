package org.qiqing.casework;

import java.time.LocalDate;

/**
 * Where and when an enterprise would like the help office (帮企办) to come: a place and a
 * first and an optional second choice of day.
 */
public record HelpVisit(String place, LocalDate firstDate, LocalDate secondDate) {

	/** The code of the category whose limits and guide service visits follow (V19). */
	public static final String CATEGORY_CODE = "HELP_VISIT";

}
