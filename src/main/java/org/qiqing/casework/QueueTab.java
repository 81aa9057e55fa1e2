package org.qiqing.casework;

/**
 * The tabs of a person's queue. All but {@link #WAITING} narrow what waits on him;
 * {@code WAITING} shows his cases that wait on someone else.
 */
public enum QueueTab {

	/** everything that waits on him */
	ALL,
	/** moved into his queue (or moved on in it) since his previous visit to it */
	NEW,
	/** due soon: yellow */
	DUE_SOON,
	/** overdue: red */
	OVERDUE,
	/**
	 * his cases where the next step is someone else's: his unit's case awaiting the
	 * dispatcher's decision on a dispute or the enterprise's rating, a co-handled case
	 * between steps, a leader's matter in the units' hands, an enterprise's request in
	 * the government's hands
	 */
	WAITING

}
