package org.qiqing.discipline;

import java.time.LocalDate;

/**
 * What a list or a figure is narrowed to: a period (its first and last day, either open),
 * a region of the person's jurisdiction and an organiser unit. Each narrows what the
 * person may see and never widens it.
 */
public record DisciplineFilter(LocalDate from, LocalDate to, String region, Long organiser) {

	public static DisciplineFilter none() {
		return new DisciplineFilter(null, null, null, null);
	}

}
