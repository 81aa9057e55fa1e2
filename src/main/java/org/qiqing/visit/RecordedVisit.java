package org.qiqing.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * A visit as it was stored, with the cases raised on it: what the server answers the
 * first send of a visit and, identically, every repeat of it.
 */
public record RecordedVisit(long id, String clientKey, long enterpriseId, String enterpriseName, LocalDate visitedOn,
		int photos, List<RaisedCase> cases) {

	public record RaisedCase(long id, String number, String title) {
	}

}
