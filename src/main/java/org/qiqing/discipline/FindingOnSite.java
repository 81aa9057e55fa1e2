package org.qiqing.discipline;

import java.util.List;

/**
 * A problem noted on the spot during an inspection, with the photos taken of it (already
 * checked by {@link DisciplineFiles}).
 */
public record FindingOnSite(NewFinding finding, List<Evidence> photos) {

	public FindingOnSite {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

}
