package org.qiqing.assessment;

import java.time.YearMonth;
import java.util.Map;

/**
 * The open slot for the accountability register (问责), which comes later: the number of
 * its decisions of a month per unit, counted by a formula's deduction named
 * {@link Deduction#ACCOUNTABILITY}. Until a module provides a bean of this type, there
 * are none. Its counts must depend only on recorded decisions dated in the month, so that
 * a frozen month can be recomputed.
 */
public interface AccountabilityDecisions {

	/** Unit id to number of decisions dated in the month. */
	Map<Long, Long> of(YearMonth month);

}
