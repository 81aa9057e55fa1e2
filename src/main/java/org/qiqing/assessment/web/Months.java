package org.qiqing.assessment.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.qiqing.platform.InvalidInput;
import org.qiqing.platform.Text;

/** A month in a URL or form: yyyy-MM, else 400. */
final class Months {

	private Months() {
	}

	static YearMonth parse(String field, String text) {
		try {
			YearMonth month = YearMonth.parse(text);
			if (month.getYear() < 2000 || month.getYear() > 2999) {
				throw new InvalidInput(field, Text.of("assessment.error.month"));
			}
			return month;
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new InvalidInput(field, Text.of("assessment.error.month"));
		}
	}

}
