package org.qiqing.casework;

/**
 * How a case reached the government.
 */
public enum Channel {

	/** heard on an official's visit */
	VISIT,
	/** filed by the enterprise itself */
	SELF_SERVICE,
	/** taken on the hotline or at a service window */
	HOTLINE,
	/** assigned by a leader */
	LEADER,
	/** found on an inspection or by a unit examining itself (查摆): a rectification item */
	INSPECTION

}
