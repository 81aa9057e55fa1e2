package org.qiqing.casework;

/**
 * Where an open case stands against its time limit: the colours supervisors watch.
 */
public enum TimeState {

	/** more time left than the yellow threshold */
	ON_TIME,
	/** due soon: within the yellow threshold of its limit */
	YELLOW,
	/** overdue */
	RED,
	/** the clock is stopped while the case is suspended (挂起) */
	SUSPENDED

}
