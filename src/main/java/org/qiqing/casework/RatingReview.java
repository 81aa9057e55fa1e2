package org.qiqing.casework;

/**
 * A supervisor's judgement of a bad rating after review (差评复核). The rating stays as the
 * enterprise gave it; the judgement is kept beside it, so that statistics may count a
 * rating judged unreasonable apart.
 */
public enum RatingReview {

	/** the bad rating is reasonable: the unit's answer did fall short */
	UPHELD,
	/** the bad rating is unreasonable: the unit did what it could and should */
	UNREASONABLE

}
