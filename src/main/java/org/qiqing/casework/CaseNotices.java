package org.qiqing.casework;

import java.util.List;

/**
 * Many {@link CaseNotice}s published at once, in one transaction: the urgings of a batch
 * of timers. The notification module delivers each as it would a single one, with a few
 * statements for the whole batch.
 */
public record CaseNotices(List<CaseNotice> notices) {

	public CaseNotices {
		notices = List.copyOf(notices);
	}

}
