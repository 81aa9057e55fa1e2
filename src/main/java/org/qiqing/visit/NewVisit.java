package org.qiqing.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit as the official's device sends it: the key the device gave it (so a repeated
 * send is recognised), the enterprise, the day, who came along, who was met, what was
 * said, and the difficulties heard, each to become a case.
 */
public record NewVisit(String clientKey, Long enterpriseId, LocalDate visitedOn, String companions, String met,
		String notes, List<Difficulty> difficulties) {

	public NewVisit {
		difficulties = difficulties == null ? List.of() : List.copyOf(difficulties);
	}

	/** One difficulty the enterprise raised, filed as an enterprise request. */
	public record Difficulty(Long categoryId, String title, String description) {
	}

}
