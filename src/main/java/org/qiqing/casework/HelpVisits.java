package org.qiqing.casework;

import java.util.Optional;

import org.qiqing.platform.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The place and days of each service visit, written once when it is filed (table
 * {@code help_visit}); the case itself carries the topic, the note and everything that
 * happens next.
 */
@Repository
class HelpVisits {

	private final JdbcClient jdbc;

	HelpVisits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long caseId, HelpVisit visit) {
		this.jdbc.sql("""
				insert into help_visit (case_id, place, first_date, second_date)
				values (:case, :place, :first, :second)""")
			.param("case", caseId)
			.param("place", visit.place().strip())
			.param("first", visit.firstDate())
			.param("second", visit.secondDate())
			.update();
	}

	/**
	 * What was asked of a case's visit; callers have checked that the case is visible.
	 */
	Optional<HelpVisit> of(long caseId) {
		return this.jdbc.sql("select place, first_date, second_date from help_visit where case_id = :case")
			.param("case", caseId)
			.query(Rows.of(HelpVisit.class))
			.optional();
	}

	/** The category of service visits. */
	Optional<Long> categoryId() {
		return this.jdbc.sql("select id from case_category where code = :code")
			.param("code", HelpVisit.CATEGORY_CODE)
			.query(Long.class)
			.optional();
	}

}
