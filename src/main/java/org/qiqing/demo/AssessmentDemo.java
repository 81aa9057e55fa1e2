package org.qiqing.demo;

import java.time.YearMonth;

import org.qiqing.assessment.AssessmentFreeze;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Freezes the twelve months before this one, in order, once the year of 嘉善县's cases is
 * written, so that the league tables, their movements and the adjustments show what the
 * demonstration's histories say on first start. Each month is frozen as the schedule
 * would have frozen it: from the statistics' rollups, under the formula in force.
 */
@Component
class AssessmentDemo {

	private static final Logger log = LoggerFactory.getLogger(AssessmentDemo.class);

	private final AssessmentFreeze freeze;

	AssessmentDemo(AssessmentFreeze freeze) {
		this.freeze = freeze;
	}

	void load() {
		long started = System.nanoTime();
		YearMonth thisMonth = this.freeze.thisMonth();
		int results = 0;
		for (int back = 12; back >= 1; back--) {
			results += this.freeze.freeze(thisMonth.minusMonths(back), null).results();
		}
		log.info("Froze the demonstration's twelve past months of assessment: {} results in {} ms", results,
				(System.nanoTime() - started) / 1_000_000);
	}

}
