package org.qiqing.casework;

/**
 * Who gave a closed case its rating, so that statistics count them apart: the enterprise
 * itself, the service centre on its behalf after a return visit (回访), or nobody, the case
 * having closed unrated (未评价) when its time to rate ran out. An unrated case has no
 * rating and is never counted satisfied.
 */
public enum RatingSource {

	ENTERPRISE, RETURN_VISIT, NOT_RATED

}
